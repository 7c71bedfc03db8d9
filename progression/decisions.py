"""The clinician's decisions on what the rules and checks raised: accepting a
suggestion (the plan item takes the suggested exercise and dose) or dismissing it,
clearing a safety check that paused exercise, resolving an alert. Each decision and
its audit event commit together. No requests here: clinic/views/ checks access, reads
the form, makes one call and says what happened.

(Clearing a check and resolving an alert touch only safety/'s rows; they sit here
beside the other decisions, as progression/events.py's safety_check does.)"""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import AuditAction, AuditEvent
from progression import caseload
from progression.models import Suggestion, SuggestionScope, SuggestionStatus
from safety import rules as safety
from safety.models import Alert, KnownAnswer, Screening


def pending_suggestion(patient, code) -> Suggestion:
    """The patient's suggestion still waiting for a decision, with its plan item and
    both exercises (one query), or a 404."""
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("item__exercise", "exercise"),
        patient=patient,
        code=code,
        status=SuggestionStatus.PENDING,
    )
    suggestion.patient = patient  # already loaded: spares the audit event a query
    return suggestion


def _group(suggestion: Suggestion) -> list[Suggestion]:
    """The rows decided together: a whole-routine suggestion's pending rows (one
    query), else the suggestion alone."""
    if suggestion.scope != SuggestionScope.ROUTINE:
        return [suggestion]
    rows = list(
        Suggestion.objects.select_related("item__exercise", "exercise").filter(
            patient=suggestion.patient, group=suggestion.group, status=SuggestionStatus.PENDING
        )
    )
    for row in rows:
        row.patient = suggestion.patient
    return rows or [suggestion]


def decide(suggestion: Suggestion, clinician, *, accept: bool) -> SuggestionStatus | None:
    """What became of the suggestion: accepted, dismissed, or superseded when a plan
    item has changed since it was worked out (accepting would undo that change). None
    when another request (a double click) decided it first: nothing more is written.
    A whole-routine step back is decided once, for all of its rows together."""
    rows = _group(suggestion)
    if accept and any(Suggestion.snapshot(row.item) != row.based_on for row in rows):
        Suggestion.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=SuggestionStatus.SUPERSEDED
        )
        return SuggestionStatus.SUPERSEDED
    return _decide(rows, clinician, accept=accept)


@transaction.atomic
def _decide(rows: list[Suggestion], clinician, *, accept: bool) -> SuggestionStatus | None:
    status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.DISMISSED
    decided = Suggestion.objects.filter(
        pk__in=[row.pk for row in rows], status=SuggestionStatus.PENDING
    ).update(status=status, decided_at=timezone.now(), decided_by=clinician)
    if decided != len(rows):
        transaction.set_rollback(True)  # another request decided (some of) it first
        return None
    for suggestion in rows:
        _apply(suggestion, clinician, accept=accept)
    return status


def _apply(suggestion: Suggestion, clinician, *, accept: bool) -> None:
    item = suggestion.item
    before = {"exercise": item.exercise.name, "dose": item.dose}
    if accept:
        item.exercise = suggestion.exercise
        item.sets, item.reps, item.hold_seconds = (
            suggestion.sets,
            suggestion.reps,
            suggestion.hold_seconds,
        )
        item.save(update_fields=["exercise", "sets", "reps", "hold_seconds"])
    AuditEvent.record(
        clinician,
        AuditAction.SUGGESTION_ACCEPTED if accept else AuditAction.SUGGESTION_DISMISSED,
        patient=suggestion.patient,
        target=f"plan item {item.pk}",
        before=before,
        after={"exercise": suggestion.exercise.name, "dose": suggestion.dose},
        kind=suggestion.kind,
        scope=suggestion.scope,
        reason=suggestion.reason,
    )


def knowable(screening: Screening) -> list[dict]:
    """The check's "yes" answers a clinician may mark known and long-standing (urgent,
    review and history ones; never emergency)."""
    return [a for a in screening.answers if a.get("yes") and safety.can_be_known(a["tier"])]


@transaction.atomic
def clear_screening(
    patient, screening: Screening, clinician, note: str, known: list[str] = ()
) -> list[str]:
    """The clinician has spoken to the patient and lets them exercise again. Cleared
    once (a second clear keeps the first one's note); the check's open alerts are
    resolved with the same note. `known`: question keys of this check's urgent or
    review "yes" answers that are known and long-standing; later checks ask them as
    "answer yes only if it is new or has changed". Returns the keys newly noted; a key
    that is no such answer raises ValueError and nothing is written."""
    allowed = {a["key"] for a in knowable(screening)}
    if not set(known) <= allowed:
        raise ValueError(f"Not a known-able answer of this check: {sorted(set(known) - allowed)}")
    now = timezone.now()
    Screening.objects.filter(pk=screening.pk, cleared_at__isnull=True).update(
        cleared_by=clinician, cleared_at=now, cleared_note=note
    )
    if screening.alerts.open().update(resolved_at=now, resolved_by=clinician, resolution=note):
        caseload.touch(patient.pk)  # an update(): post_save doesn't see it
    AuditEvent.record(
        clinician,
        AuditAction.SCREENING_CLEARED,
        patient=patient,
        target=f"screening {screening.code}",
        note=note,
    )
    noted = []
    for key in sorted(set(known)):
        _row, created = KnownAnswer.objects.get_or_create(
            patient=patient,
            question_key=key,
            defaults={"screening": screening, "noted_by": clinician, "note": note},
        )
        if created:
            noted.append(key)
    if noted:
        AuditEvent.record(
            clinician,
            AuditAction.ANSWER_KNOWN,
            patient=patient,
            target=f"screening {screening.code}",
            questions=noted,
            note=note,
        )
    return noted


def resolve_alert(patient, alert: Alert, clinician, note: str) -> bool:
    """Whether it was resolved: an alert raised by a check that still pauses exercise
    is resolved by clearing that check (clear_screening), never on its own."""
    if alert.screening and alert.screening.locked:
        return False
    with transaction.atomic():
        Alert.objects.filter(pk=alert.pk).update(
            resolved_at=timezone.now(), resolved_by=clinician, resolution=note
        )
        caseload.touch(patient.pk)  # an update(): post_save doesn't see it
        AuditEvent.record(
            clinician,
            AuditAction.ALERT_RESOLVED,
            patient=patient,
            target=f"alert {alert.code}",
            kind=alert.kind,
        )
    return True
