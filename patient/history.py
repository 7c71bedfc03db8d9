"""What the history page shows, gathered in one place: the page of sessions and its
count, the page's step logs (each row says how every exercise went), the chart's
sessions, the plan, and the weeks' dates; eight queries with the session and user,
whatever the length of the history. Kept in the cache under the patient's record stamp
(history_for), so a second visit is two queries, three with a session in progress.

The sessions, step logs and the chart's sessions are read as tuples, not model objects
(a page has some 300 logs), and each phrase and date format is translated once per page
rather than once per row."""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from accounts import stamps
from hipmob.links import address
from practice import summary
from practice.corrections import CORRECTION_DAYS
from practice.models import ExerciseSession, SessionStatus, StepLog
from progression import adherence, charts
from routines import schedule
from routines.models import Routine
from routines.templatetags.dates import day

CHART_SESSIONS = 30
WEEKS = 8
PAGE_SIZE = 20
ROW_FIELDS = ("code", "local_date", "status", "pain_before", "pain_after", "stopped_reason")
PLAN_FIELDS = ("active", "start_date", "end_date", "schedule_days")


@dataclass(frozen=True)
class Pager:
    """What the template asks of Django's Page, as plain values (kept in the cache)."""

    number: int
    num_pages: int

    @property
    def paginator(self) -> "Pager":
        return self

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass(frozen=True)
class Row:
    """What a row of the list needs of its session (the rest, notes and times, is not
    shown)."""

    pk: int
    code: str
    local_date: date
    status: str
    pain_before: int | None
    pain_after: int | None
    stopped_reason: str


def history_for(patient, page_number) -> dict:
    """The page's context: a page of sessions (each described), the pain chart of the
    last finished ones, and adherence for the last eight weeks, newest first.

    Kept in the cache under the patient's record stamp (accounts/stamps.py), with the
    day, the language and the page: then two queries (session and user). The one part
    that can change without a change of the stamp is a session still in progress: its
    steps are logged with one insert each, so its row is made again from one query for
    its logs."""
    local_date = patient.local_date()
    number = _page_number(page_number)
    made = []  # worked out by this request: its rows are as fresh as can be

    def work_out() -> dict:
        made.append(True)
        return _history(patient, number, local_date)

    kept = {
        **stamps.kept(patient, "history", work_out, number),
        # The chart and the weeks are drawn once per key too ({% cache %} in the template).
        "kept_key": stamps.key_for(patient, "history", number),
    }
    if kept["open"] and not made:
        return {**kept, "sessions": _with_open_rows(kept["sessions"], kept["open"], local_date)}
    return kept


def _page_number(value) -> int:
    """The page asked for; anything but a number is the first. A number out of range
    is left to get_page (the last page), and kept under the number asked for."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def _history(patient, number: int, local_date) -> dict:
    """Six queries: the page of sessions and its count, the page's step logs, the
    chart's sessions, the plan and the weeks' dates."""
    sessions = (
        ExerciseSession.objects.filter(patient=patient)
        .order_by("-local_date")
        .values_list("pk", *ROW_FIELDS)
    )
    page = Paginator(sessions, PAGE_SIZE).get_page(number)
    rows = [Row(*values) for values in page.object_list]
    recent = (
        ExerciseSession.objects.completed()
        .filter(patient=patient)
        .with_morning()
        .order_by("-local_date")
        .values_list(*charts.PAIN_FIELDS)
    )
    chart_rows = list(recent[:CHART_SESSIONS])[::-1]
    # The weeks' dots need only the plan's days and dates (routines/schedule.is_due).
    plan = Routine.objects.for_patient(patient).active().only(*PLAN_FIELDS).first()
    return {
        "page": Pager(page.number, page.paginator.num_pages),
        "sessions": _rows(rows, _outcomes([row.pk for row in rows]), local_date),
        # Sessions in progress on this page, by their place in it.
        "open": {i: row for i, row in enumerate(rows) if row.status == SessionStatus.IN_PROGRESS},
        "chart": charts.pain_chart_of_rows(chart_rows),
        "weeks": _weeks(patient, plan, local_date),
        "plan": plan is not None,
    }


def _with_open_rows(sessions: list[dict], open_rows: dict, local_date) -> list[dict]:
    """The rows of sessions in progress made again from their logs (one query), and
    from the reason they were stopped, read with them (a stop logs every step left)."""
    logs = (
        StepLog.objects.filter(session__in=[row.pk for row in open_rows.values()])
        .order_by("at", "id")
        .values_list("session_id", "item_id", "status", "skip_reason", "session__stopped_reason")
    )
    stopped, rows = {}, []
    for session_id, item_id, status, reason, stopped_reason in logs:
        stopped[session_id] = stopped_reason
        rows.append((session_id, item_id, status, reason))
    outcomes = _outcomes_of(rows)
    fresh = [
        replace(row, stopped_reason=stopped.get(row.pk, row.stopped_reason))
        for row in open_rows.values()
    ]
    made = dict(zip(open_rows, _rows(fresh, outcomes, local_date), strict=True))
    return [made.get(i, row) for i, row in enumerate(sessions)]


def _outcomes(session_ids) -> dict[int, tuple]:
    """Each session's items as (kind, reason) pairs, sorted, from one query for the
    page's logs."""
    return _outcomes_of(
        StepLog.objects.filter(session__in=session_ids)
        .order_by("at", "id")
        .values_list("session_id", "item_id", "status", "skip_reason")
    )


def _outcomes_of(logs) -> dict[int, tuple]:
    """From (session, item, status, reason) rows in the order they were logged. An
    item's reason is the first one logged for it (by time, then id), as
    summary.outcome() takes it: its sets may have been skipped for different reasons."""
    items: dict[int, dict[int, list]] = {}
    for session_id, item_id, status, reason in logs:
        item = items.setdefault(session_id, {}).setdefault(item_id, [set(), ""])
        item[0].add(status)
        if reason and not item[1]:
            item[1] = reason
    return {
        session_id: tuple(
            sorted((summary.kind_of(statuses), reason) for statuses, reason in by_item.values())
        )
        for session_id, by_item in items.items()
    }


def _rows(sessions: list[Row], outcomes: dict, local_date) -> list[dict]:
    """The words and addresses of each row in the list of sessions, made here rather
    than by tags and filters in the template's loop."""
    correctable_from = local_date - timedelta(days=CORRECTION_DAYS)
    date_format = _("l j F Y")
    finished = _("%(counts)s · pain %(before)s → %(after)s")
    not_finished = _("Not finished")
    correct = _("Correct the session of %(date)s")
    counts_lines: dict[tuple, str] = {}  # many sessions went alike: each line made once
    rows = []
    for session in sessions:
        items = outcomes.get(session.pk, ())
        if items not in counts_lines:
            counts_lines[items] = summary.counts_line(
                [summary.Outcome(None, kind, reason) for kind, reason in items]
            )
        counts = counts_lines[items]
        if session.status == SessionStatus.COMPLETED:
            line = finished % {
                "counts": counts,
                "before": session.pain_before,
                "after": session.pain_after,
            }
        else:
            line = not_finished + (f" · {counts}" if counts else "")
        if session.stopped_reason:
            line = f"{line} · {summary.stop_line(session)}"
        row = {
            "url": address("patient:session", session.code),
            "date": day(session.local_date, date_format),
            "summary": line,
            "correct_url": "",
        }
        if session.local_date >= correctable_from:
            row["correct_url"] = address("patient:correct", session.code)
            row["correct_label"] = correct % {"date": day(session.local_date, "j F")}
        rows.append(row)
    return rows


def _weeks(patient, plan, local_date) -> list[dict]:
    """Adherence against the current plan, week by week, newest first."""
    first_day = schedule.week_of(local_date)[0] - timedelta(weeks=WEEKS - 1)
    completed = set(
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date__gte=first_day)
        .values_list("local_date", flat=True)
    )
    label, date_format = _("Week of %(day)s"), _("j M")
    ratio, nothing_due = _("%(done)s of %(due)s"), _("nothing due yet")
    weeks = []
    for n in range(WEEKS):
        monday = first_day + timedelta(weeks=n)
        days = adherence.days(plan, schedule.week_of(monday), local_date, completed)
        done, due = adherence.ratio(days)
        weeks.append(
            {
                "statuses": [d.status for d in days],
                "label": label % {"day": day(monday, date_format)},
                "summary": ratio % {"done": done, "due": due} if due else nothing_due,
            }
        )
    return weeks[::-1]
