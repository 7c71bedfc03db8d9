"""The reads attached to a routine: a patient's plan (shown on their Today) or a
clinician's template (copied into every plan assigned from it). What a routine has and
could have, and attaching or removing one. On a patient's plan each change is audited,
in the same transaction as the change."""

from django.db import IntegrityError, transaction

from accounts.models import AuditAction, AuditEvent
from learn.models import Read, RoutineRead
from routines.models import Routine


def reads_context(routine: Routine | None) -> dict:
    """The routine's reads and the published ones it could have: two queries."""
    if routine is None:
        return {"attached_reads": [], "other_reads": []}
    return {
        "attached_reads": list(Read.objects.attached_to(routine).order_by("order", "title")),
        "other_reads": list(Read.objects.published().exclude(routine_links__routine=routine)),
    }


def attach(routine: Routine, read: Read, by, patient=None) -> bool:
    """Whether the read was attached now: attaching twice (a double click, a retried
    request) attaches once. The queries of get_or_create(): a lookup, then the insert,
    here with its audit event, in a savepoint that a simultaneous twin's insert rolls
    back."""
    if RoutineRead.objects.filter(routine=routine, read=read).exists():
        return False
    try:
        with transaction.atomic():
            RoutineRead.objects.create(routine=routine, read=read, added_by=by)
            if patient is not None:
                AuditEvent.record(by, AuditAction.READ_ATTACHED, patient=patient, target=read.slug)
    except IntegrityError:
        if RoutineRead.objects.filter(routine=routine, read=read).exists():
            return False  # the twin got there first
        raise
    return True


# A transaction, never a savepoint: nothing in it is rolled back on its own (as Django's
# own QuerySet.delete() does).
@transaction.atomic(savepoint=False)
def detach(routine: Routine, slug: str, by, patient=None) -> bool:
    """Whether the read was attached (and now isn't)."""
    deleted, _rows = RoutineRead.objects.filter(routine=routine, read__slug=slug).delete()
    if deleted and patient is not None:
        AuditEvent.record(by, AuditAction.READ_REMOVED, patient=patient, target=slug)
    return bool(deleted)
