"""The guided session: check-in, one screen per step, check-out, summary.

Every POST is safe to repeat: the session is unique per patient and day, a step log is
unique per (session, item, side, set), and pain scores are only written once. So the
player can resend a request whose answer it never got, and a plain form works without
JavaScript (POST, then redirect to the session page, which shows the current stage).
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.access import require_patient
from practice import steps
from practice.forms import CheckInForm, CheckOutForm, StepForm
from practice.models import ExerciseSession, SessionStatus, SkipReason, StepLog, StepStatus
from progression import suggestions
from routines import schedule
from routines.badday import easier_version
from routines.models import Routine, RoutineItem
from safety import rules as safety
from safety.models import Alert, AlertKind, Screening

TEMPLATE = "patient/session.html"


def _session_for(patient, code) -> ExerciseSession:
    """The patient's own session, or a 404: a stranger learns nothing. Two queries: the
    session with its plan, then the plan's items with their exercises; on a bad-back
    day also the easier versions shown instead (joined only then: three exercises a
    row cost twice the time of one)."""
    session = get_object_or_404(
        ExerciseSession.objects.select_related("plan"), patient=patient, code=code
    )
    session.patient = patient  # already loaded: spares a query
    related = ("exercise__easier", "bad_day_exercise") if session.bad_day else ("exercise",)
    session.plan_items = list(
        RoutineItem.objects.filter(routine_id=session.plan_id)
        .select_related(*related)
        .order_by("order", "id")
    )
    return session


def _lock(session: ExerciseSession) -> Screening | None:
    """The red-flag answer that pauses exercise, if any: one query, remembered on the
    session for the rest of the request (a POST checks it, then renders with it)."""
    if not hasattr(session, "_pause"):
        session._pause = Screening.objects.pausing_for(session.patient)
    return session._pause


def _locked(session: ExerciseSession) -> bool:
    return _lock(session) is not None


def _is_past(session: ExerciseSession) -> bool:
    """An unfinished session from an earlier day stays as it was: finishing it days
    later would put today's pain score on another date and turn a missed day into a
    done one."""
    return session.local_date < session.patient.local_date()


def _items(session: ExerciseSession) -> list:
    """The plan's items, or on a bad-back day their easier versions (same ids)."""
    items = session.plan_items
    return [easier_version(item) for item in items] if session.bad_day else items


def _player(session: ExerciseSession, **extra) -> dict:
    """Everything the player shows, derived from the saved logs: two queries."""
    items = _items(session)
    all_steps = steps.plan_steps(items)
    logs = list(session.logs.all())
    logged = {(log.item_id, log.side, log.set_number) for log in logs}
    current = steps.current_step(all_steps, logged)
    lock = _lock(session)
    locked = lock is not None
    if session.status == SessionStatus.COMPLETED:
        stage = "summary"
    elif locked:
        stage = "locked"
    elif _is_past(session):
        stage = "past"
    elif session.pain_before is None:
        stage = "checkin"
    elif current is not None:
        stage = "step"
    else:
        stage = "checkout"
    done_items = {log.item_id for log in logs if log.status != StepStatus.SKIPPED}
    context = {
        "session": session,
        "stage": stage,
        "items": items,
        "step": current,
        "steps_total": len(all_steps),
        "steps_done": len(logged),
        "progress": round(100 * len(logged) / len(all_steps)) if all_steps else 100,
        "exercises_total": len(items),
        "exercises_done": len(done_items),
        "transition": steps.transition(all_steps, current) if current else "",
        "checkin_form": CheckInForm(),
        "checkout_form": CheckOutForm(),
        "step_form": None,
        "reasons": SkipReason.choices,
        "lock": lock,
        "pain_rose": session.pain_after is not None
        and (session.pain_after - session.pain_before >= 2 or session.pain_after > 5),
        "high_pain": session.pain_before is not None and session.pain_before >= 8,
    }
    context.update(extra)
    return context


def _respond(
    request: HttpRequest, session: ExerciseSession, status: int = 200, **extra
) -> HttpResponse:
    """HTMX gets the player fragment; a plain form post is redirected (POST, redirect,
    GET) unless there are errors to show."""
    if request.htmx:
        return render(request, f"{TEMPLATE}#player", _player(session, **extra), status=status)
    if status != 200:
        return render(request, TEMPLATE, _player(session, **extra), status=status)
    return redirect("patient:session", code=session.code)


def _gate(request, patient):
    """What both Start buttons check: a plan to follow today, no pause, and a recent
    safety check. Returns (plan, local_date, None) or (None, None, a redirect)."""
    plan = Routine.objects.for_patient(patient).active().first()
    local_date = patient.local_date()
    if schedule.plan_state(plan, local_date) not in ("due", "rest"):
        messages.info(request, _("There is no routine to start today."))
        return None, None, redirect("patient:today")
    if Screening.objects.pausing_for(patient):
        return None, None, redirect("patient:today")  # Today says why and what to do
    screening = Screening.objects.latest_for(patient)
    if safety.check_due(screening.local_date if screening else None, local_date):
        return None, None, redirect("patient:safety")
    return plan, local_date, None


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    plan, local_date, refused = _gate(request, patient)
    if refused:
        return refused
    # Unique per patient and day: a double tap or a retry opens the same session.
    session, _created = ExerciseSession.objects.get_or_create(
        patient=patient, local_date=local_date, defaults={"plan": plan}
    )
    return redirect("patient:session", code=session.code)


@require_POST
def start_bad_day(request: HttpRequest) -> HttpResponse:
    """A bad-back day: today's session with the easier versions, and the clinician told."""
    patient = require_patient(request.user)
    plan, local_date, refused = _gate(request, patient)
    if refused:
        return refused
    with transaction.atomic():
        session, created = ExerciseSession.objects.get_or_create(
            patient=patient, local_date=local_date, defaults={"plan": plan, "bad_day": True}
        )
        if not created and not session.bad_day and not session.logs.exists():
            ExerciseSession.objects.filter(pk=session.pk).update(bad_day=True)
        if created or not session.bad_day:
            Alert.objects.get_or_create(
                patient=patient,
                kind=AlertKind.BAD_DAY,
                resolved_at=None,
                defaults={
                    "detail": _("Chose the easier versions on %(day)s.")
                    % {"day": local_date.isoformat()}
                },
            )
    return redirect("patient:session", code=session.code)


@require_GET
@never_cache
@vary_on_headers("HX-Request")
def session_page(request: HttpRequest, code) -> HttpResponse:
    session = _session_for(require_patient(request.user), code)
    template = f"{TEMPLATE}#player" if request.htmx else TEMPLATE
    return render(request, template, _player(session))


@require_POST
@never_cache
def check_in(request: HttpRequest, code) -> HttpResponse:
    session = _session_for(require_patient(request.user), code)
    if _is_past(session) or _locked(session):
        return _respond(request, session)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return _respond(request, session, status=422, checkin_form=form)
    # Written once: a retried request can't overwrite the first answer.
    ExerciseSession.objects.filter(pk=session.pk, pain_before__isnull=True).update(
        pain_before=form.cleaned_data["pain"]
    )
    session.refresh_from_db(fields=["pain_before"])
    return _respond(request, session)


@require_POST
@never_cache
def log_step(request: HttpRequest, code) -> HttpResponse:
    session = _session_for(require_patient(request.user), code)
    form = StepForm(request.POST)
    if (
        session.status == SessionStatus.COMPLETED
        or session.pain_before is None
        or _is_past(session)
        or _locked(session)
    ):
        return _respond(request, session)  # nothing to log now: show where we are
    all_steps = steps.plan_steps(_items(session))
    step = steps.find_step(all_steps, form.key) if form.is_valid() else None
    if step is None:
        if form.is_valid():  # a step of someone else's plan, or one that doesn't exist
            form.add_error(None, _("That exercise isn't part of this session."))
        return _respond(request, session, status=422, step_form=form)
    action = form.cleaned_data["action"]
    with transaction.atomic():
        if action == "skip":
            logged = session.logs.values_list("item_id", "side", "set_number")
            StepLog.objects.bulk_create(
                [
                    _log(session, remaining, StepStatus.SKIPPED, form.cleaned_data["reason"])
                    for remaining in steps.remaining_for_item(all_steps, step.item.pk, logged)
                ],
                ignore_conflicts=True,  # a retried skip logs nothing twice
            )
        else:
            status = StepStatus.EASIER if action == "easier" else StepStatus.DONE
            log = _log(session, step, status, "")
            StepLog.objects.get_or_create(
                session=session,
                item_id=step.item.pk,
                side=step.side,
                set_number=step.set_number,
                defaults={
                    "exercise": log.exercise,
                    "status": status,
                    "reps": log.reps,
                    "hold_seconds": log.hold_seconds,
                },
            )
    return _respond(request, session)


def _log(session: ExerciseSession, step: steps.Step, status: str, reason: str) -> StepLog:
    item = step.item
    return StepLog(
        session=session,
        item_id=item.pk,
        exercise=item.exercise,
        side=step.side,
        set_number=step.set_number,
        status=status,
        skip_reason=reason,
        reps=item.reps,
        hold_seconds=item.hold_seconds,
    )


@require_POST
@never_cache
def check_out(request: HttpRequest, code) -> HttpResponse:
    session = _session_for(require_patient(request.user), code)
    if _locked(session):
        return _respond(request, session)
    context = _player(session)
    if context["stage"] != "checkout":
        return _respond(request, session)  # already finished, or steps still to do
    form = CheckOutForm(request.POST)
    if not form.is_valid():
        return _respond(request, session, status=422, checkout_form=form)
    # One transaction: if the database fails between the two, the session stays open and
    # the player's retry finishes it and runs the rules. Committed separately, a retry
    # would find it finished, and its alerts and suggestions would never be made.
    with transaction.atomic():
        finished = ExerciseSession.objects.filter(
            pk=session.pk, status=SessionStatus.IN_PROGRESS
        ).update(
            pain_after=form.cleaned_data["pain"],
            effort=form.cleaned_data["effort"],
            note=form.cleaned_data["note"],
            status=SessionStatus.COMPLETED,
            finished=timezone.now(),
        )
        if finished:
            suggestions.refresh(session.patient)
    session.refresh_from_db()
    return _respond(request, session)
