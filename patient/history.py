"""What the history page shows, gathered in one place. Eight queries whatever the length
of the history: session, user, the page of sessions and its count, the page's step logs
(each row says how every exercise went), the chart's sessions, the plan, and the weeks'
dates."""

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


def history_for(patient, page_number) -> dict:
    """The page's context: a page of sessions (each described), the pain chart of the
    last finished ones, and adherence for the last eight weeks, newest first."""
    local_date = patient.local_date()
    sessions = ExerciseSession.objects.filter(patient=patient).order_by("-local_date")
    page = Paginator(sessions, PAGE_SIZE).get_page(page_number)
    # One query for the page's logs (not the whole history's), each row's counts made
    # from them as the summary makes its own.
    logs_by_session: dict[int, list] = {}
    for log in StepLog.objects.filter(session__in=[s.pk for s in page.object_list]).only(
        "session_id", "item_id", "status", "skip_reason"
    ):
        logs_by_session.setdefault(log.session_id, []).append(log)
    recent = (
        ExerciseSession.objects.completed()
        .filter(patient=patient)
        .with_morning()
        .order_by("-local_date")
    )
    chart_sessions = list(recent[:CHART_SESSIONS])[::-1]
    plan = Routine.objects.for_patient(patient).active().first()
    first_day = schedule.week_of(local_date)[0] - timedelta(weeks=WEEKS - 1)
    completed = set(
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date__gte=first_day)
        .values_list("local_date", flat=True)
    )
    weeks = []
    for n in range(WEEKS):
        monday = first_day + timedelta(weeks=n)
        days = adherence.days(plan, schedule.week_of(monday), local_date, completed)
        done, due = adherence.ratio(days)
        weeks.append(
            {
                "days": days,
                "due": due,
                "label": _("Week of %(day)s") % {"day": day(monday, _("j M"))},
                "summary": _("%(done)s of %(due)s") % {"done": done, "due": due},
            }
        )
    correctable_from = local_date - timedelta(days=CORRECTION_DAYS)
    for s in page.object_list:
        _describe(s, correctable_from, logs_by_session.get(s.pk, []))
    return {
        "page": page,
        "chart": charts.pain_chart(chart_sessions),
        "chart_sessions": chart_sessions,
        "weeks": weeks[::-1],
        "plan": plan,
    }


def _describe(session: ExerciseSession, correctable_from, logs: list) -> None:
    """The words and addresses of a row in the list of sessions, made here rather than
    by tags in the template's loop (each costs 30 to 100 µs a row)."""
    session.url = address("patient:session", session.code)
    if session.local_date >= correctable_from:
        session.correct_url = address("patient:correct", session.code)
        session.correct_label = _("Correct the session of %(date)s") % {
            "date": day(session.local_date, "j F")
        }
    counts = summary.counts_line(summary.outcomes_from_logs(logs))
    if session.status == SessionStatus.COMPLETED:
        session.summary = _("%(counts)s · pain %(before)s → %(after)s") % {
            "counts": counts,
            "before": session.pain_before,
            "after": session.pain_after,
        }
    else:
        session.summary = _("Not finished") + (f" · {counts}" if counts else "")
    if session.stopped_reason:
        session.summary = f"{session.summary} · {summary.stop_line(session)}"
