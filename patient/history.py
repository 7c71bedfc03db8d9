"""What the history page shows, gathered in one place. Eight queries whatever the length
of the history: session, user, the page of sessions and its count, the page's step logs
(each row says how every exercise went), the chart's sessions, the plan, and the weeks'
dates.

The step logs and the chart's sessions are read as tuples, not model objects (a page
has some 300 logs), and each phrase and date format is translated once per page rather
than once per row."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

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
# What a row of the list needs of its session (the rest, notes and times, is not shown).
ROW_FIELDS = ("code", "local_date", "status", "pain_before", "pain_after", "stopped_reason")
PLAN_FIELDS = ("active", "start_date", "end_date", "schedule_days")


def history_for(patient, page_number) -> dict:
    """The page's context: a page of sessions (each described), the pain chart of the
    last finished ones, and adherence for the last eight weeks, newest first."""
    local_date = patient.local_date()
    sessions = (
        ExerciseSession.objects.filter(patient=patient).order_by("-local_date").only(*ROW_FIELDS)
    )
    page = Paginator(sessions, PAGE_SIZE).get_page(page_number)
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
        "page": page,
        "sessions": _rows(page.object_list, local_date),
        "chart": charts.pain_chart_of_rows(chart_rows),
        "weeks": _weeks(patient, plan, local_date),
        "plan": plan,
    }


def _outcomes(session_ids) -> dict[int, tuple]:
    """Each session's items as (kind, reason) pairs, sorted, from one query for the
    page's logs. An item's reason is the first one logged for it (by time, then id), as
    summary.outcome() takes it: its sets may have been skipped for different reasons."""
    items: dict[int, dict[int, list]] = {}
    logs = (
        StepLog.objects.filter(session__in=session_ids)
        .order_by("at", "id")
        .values_list("session_id", "item_id", "status", "skip_reason")
    )
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


def _rows(sessions, local_date) -> list[dict]:
    """The words and addresses of each row in the list of sessions, made here rather
    than by tags and filters in the template's loop."""
    sessions = list(sessions)
    outcomes = _outcomes([s.pk for s in sessions])
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
