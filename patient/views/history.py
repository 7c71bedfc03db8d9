"""A patient's own history and the download of everything they logged."""

import csv
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.access import require_patient
from accounts.models import AuditAction, AuditEvent
from hipmob.links import address
from patient import privacy
from practice.corrections import CORRECTION_DAYS
from practice.models import ExerciseSession, SessionStatus, StepLog, StepStatus
from progression import adherence, charts
from routines import schedule
from routines.models import Routine
from routines.templatetags.dates import day

CHART_SESSIONS = 30
WEEKS = 8
PAGE_SIZE = 20


@require_GET
@never_cache
def history(request: HttpRequest) -> HttpResponse:
    """Seven queries whatever the length of the history: session, user, the page of
    sessions and its count, the chart's sessions, the plan, and the weeks' dates."""
    patient = require_patient(request.user)
    local_date = patient.local_date()
    # A subquery, not a join: the paginator's count then leaves it out, instead of
    # grouping a year of step logs just to count the sessions.
    done_items = (
        StepLog.objects.filter(session=OuterRef("pk"))
        .exclude(status=StepStatus.SKIPPED)
        .order_by()
        .values("session")
        .annotate(n=Count("item", distinct=True))
        .values("n")
    )
    sessions = (
        ExerciseSession.objects.filter(patient=patient)
        .annotate(exercises_done=Coalesce(Subquery(done_items), 0))
        .order_by("-local_date")
    )
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    recent = ExerciseSession.objects.completed().filter(patient=patient).order_by("-local_date")
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
        _describe(s, correctable_from)
    context = {
        "page": page,
        "chart": charts.pain_chart(chart_sessions),
        "chart_sessions": chart_sessions,
        "weeks": weeks[::-1],
        "plan": plan,
    }
    return render(request, "patient/history.html", context)


def _describe(session: ExerciseSession, correctable_from) -> None:
    """The words and addresses of a row in the list of sessions, made here rather than
    by tags in the template's loop (each costs 30 to 100 µs a row)."""
    session.url = address("patient:session", session.code)
    if session.local_date >= correctable_from:
        session.correct_url = address("patient:correct", session.code)
        session.correct_label = _("Correct the session of %(date)s") % {
            "date": day(session.local_date, "j F")
        }
    if session.status == SessionStatus.COMPLETED:
        session.summary = ngettext(
            "%(n)s exercise done · pain %(before)s → %(after)s",
            "%(n)s exercises done · pain %(before)s → %(after)s",
            session.exercises_done,
        ) % {
            "n": session.exercises_done,
            "before": session.pain_before,
            "after": session.pain_after,
        }
    else:
        session.summary = _("Not finished")


def _filename(patient, extension: str) -> str:
    return f"hipmob-{patient.local_date().isoformat()}.{extension}"


@require_GET
@never_cache
def export_json(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    data = privacy.everything(patient)
    AuditEvent.record(patient, AuditAction.EXPORTED, patient=patient, format="json")
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{_filename(patient, "json")}"'
    return response


def _cell(value) -> str:
    """Spreadsheets run cells that start with these as formulas: defuse them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_COLUMNS = [
    "date",
    "status",
    "bad_day",
    "pain_before",
    "pain_after",
    "effort",
    "note",
    "exercise",
    "side",
    "set",
    "step_status",
    "skip_reason",
    "reps",
    "hold_seconds",
    "at",
]


@require_GET
@never_cache
def export_csv(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(patient, "csv")}"'
    response.write("\ufeff")  # a byte-order mark, so spreadsheet apps read UTF-8 names
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    AuditEvent.record(patient, AuditAction.EXPORTED, patient=patient, format="csv")
    for session in privacy.export_sessions(patient):
        record = privacy.session_record(session)
        head = [
            record[k]
            for k in ("date", "status", "bad_day", "pain_before", "pain_after", "effort", "note")
        ]
        for step in record["steps"] or [None]:
            tail = (
                ([""] * 8)
                if step is None
                else [
                    step["exercise"],
                    step["side"],
                    step["set"],
                    step["status"],
                    step["skip_reason"],
                    step["reps"],
                    step["hold_seconds"],
                    step["at"],
                ]
            )
            writer.writerow([_cell(v) for v in head + tail])
    return response
