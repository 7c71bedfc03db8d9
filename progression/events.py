"""What the rules do when the evidence changes: a finished session, a morning check, a
correction, a safety check. Each is one function and one transaction, so the write and
the rules' reaction commit together: if the database fails between them, nothing is
kept and the player's retry does both (committed apart, a retry would find the session
finished and its alerts and suggestions would never be made).

The writes themselves belong to practice/ and safety/; this module sits above them and
progression's own rules, so those apps never import back."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditAction, AuditEvent
from practice import corrections, morning
from practice.models import ExerciseSession, SessionStatus
from progression import attention, caseload, suggestions
from progression.models import Suggestion, SuggestionKind, SuggestionStatus
from safety import rules as safety
from safety import screenings
from safety.alerts import raise_alert
from safety.models import AlertKind, Screening


@transaction.atomic
def check_out(
    session: ExerciseSession,
    *,
    pain: int,
    effort: str,
    note: str,
    pain_worst: int | None = None,
    at=None,
) -> bool:
    """Finishes the session once (a retry changes nothing) and runs the rules.
    pain_worst: the worst pain during the exercises (None only from older callers);
    at: when it finished on the phone (an offline session is sent later)."""
    written = {
        "pain_after": pain,
        "pain_worst": pain_worst,
        "effort": effort,
        "note": note,
        "status": SessionStatus.COMPLETED,
        "finished": at or timezone.now(),
        "received": timezone.now(),  # when the check-out, sent late or not, got here
    }
    finished = ExerciseSession.objects.filter(
        pk=session.pk, status=SessionStatus.IN_PROGRESS
    ).update(**written)
    if not finished:  # a retry: the first check-out's values
        session.refresh_from_db()
        return False
    for field, value in written.items():
        setattr(session, field, value)  # as written: no need to read them back
    caseload.touch(session.patient_id)  # an update(): post_save doesn't see it
    # A bad-back day's session counts for alerts only (clinical.md §3.1).
    suggestions.refresh(session.patient, plan_evidence=not session.bad_day)
    return True


@transaction.atomic
def morning_check(patient, *, response: str, pain: int) -> bool:
    """The answer, and what it tells the clinician (a "worse" morning is an alert,
    urgent above the ceiling) and the rules. Whether it was the day's first answer."""
    check = morning.record(patient, response=response, pain=pain)
    if check is None:
        return False
    signal = attention.morning_signal(response, pain)
    if signal is not None:
        raise_alert(
            patient,
            AlertKind.MORNING_WORSE,
            tier=signal.tier,
            title=signal.title,
            detail=_morning_detail(check),
        )
    bad_day = check.session is not None and check.session.bad_day
    suggestions.refresh(patient, plan_evidence=not bad_day)
    return True


def _morning_detail(check) -> str:
    session = check.session
    if session is None:
        return format_lazy(_("Answered on {day}; no session the day before."), day=check.local_date)
    return format_lazy(
        _("After the session on {day}: pain {before} before, {after} after."),
        day=session.local_date,
        before=session.pain_before,
        after=session.pain_after,
    )


@transaction.atomic
def correct(patient, session: ExerciseSession, logs: list, data: dict) -> bool:
    """Saves what changed, keeps was/now in the audit trail and reruns the rules.
    Returns whether anything changed."""
    changes = corrections.apply(session, logs, data)
    if not changes:
        return False
    AuditEvent.record(
        patient,
        AuditAction.LOG_CORRECTED,
        patient=patient,
        target=f"session {session.code}",
        changes=changes,
    )
    suggestions.refresh(patient, plan_evidence=not session.bad_day)
    return True


@transaction.atomic
def safety_check(patient, answers: list[dict]) -> Screening:
    """A warning sign pauses progression: a "progress" waiting for the clinician is
    withdrawn. A history answer alone, or a long-standing answer the clinician knows
    about and that hasn't changed, pauses nothing."""
    screening = screenings.record(patient, answers)
    if safety.pauses_progression(screening.tier):
        Suggestion.objects.filter(
            patient=patient, status=SuggestionStatus.PENDING, kind=SuggestionKind.PROGRESS
        ).update(status=SuggestionStatus.SUPERSEDED)
    return screening
