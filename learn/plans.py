"""Assigning or copying a routine with the reads attached to it."""

from datetime import date

from django.db import transaction

from accounts.models import AuditAction, AuditEvent
from learn.models import RoutineRead
from routines import builder
from routines.models import Routine
from routines.plans import assign_template


# No savepoint: it joins the transaction of assign() below (or seed_demo's).
@transaction.atomic(savepoint=False)
def assign_with_reads(template: Routine, patient, *, owner, **schedule) -> Routine:
    """routines/plans.py's assign_template, then the template's reads copied to the new
    plan: two queries more."""
    plan = assign_template(template, patient, owner=owner, **schedule)
    RoutineRead.copy(template, plan, owner)
    return plan


@transaction.atomic
def assign(
    template: Routine,
    patient,
    *,
    by,
    start_date: date,
    schedule_days: int,
    end_date: date | None,
) -> Routine:
    """A clinician assigns a template: the new plan with its reads and the audit event
    commit together (one query more than assign_with_reads)."""
    plan = assign_with_reads(
        template,
        patient,
        owner=by,
        start_date=start_date,
        schedule_days=schedule_days,
        end_date=end_date,
    )
    AuditEvent.record(
        by,
        AuditAction.PLAN_ASSIGNED,
        patient=patient,
        target=f"plan {plan.code}",
        template=str(template.code),
        start_date=start_date.isoformat(),
    )
    return plan


@transaction.atomic
def copy_with_reads(source: Routine, owner, title: str) -> Routine:
    """routines/builder.py's copy, then the source's reads copied to it: two queries
    more."""
    copied = builder.copy(source, owner, title)
    RoutineRead.copy(source, copied, owner)
    return copied
