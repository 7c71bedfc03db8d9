"""Assigning a template with the reads attached to it."""

from django.db import transaction

from learn.models import RoutineRead
from routines.models import Routine
from routines.plans import assign_template


@transaction.atomic
def assign_with_reads(template: Routine, patient, *, owner, **schedule) -> Routine:
    """routines/plans.py's assign_template, then the template's reads copied to the new
    plan: two queries more."""
    plan = assign_template(template, patient, owner=owner, **schedule)
    RoutineRead.copy(template, plan, owner)
    return plan
