"""Turning a template into a patient's plan."""

from datetime import date

from django.db import transaction

from routines.models import EVERY_DAY, Routine, RoutineItem, RoutineKind

ITEM_FIELDS = (
    "exercise_id",
    "order",
    "sets",
    "reps",
    "hold_seconds",
    "rest_seconds",
    "per_side",
    "notes",
    "bad_day_exercise_id",
)


# No savepoint when called inside another transaction (learn/plans.py): it joins it.
@transaction.atomic(savepoint=False)
def assign_template(
    template: Routine,
    patient,
    *,
    owner,
    start_date: date,
    schedule_days: int = EVERY_DAY,
    end_date: date | None = None,
) -> Routine:
    """Copy a template into a new active plan for the patient, ending any plan they
    had. The copy is independent: later edits to the template never reach the plan.
    Three queries plus one bulk insert, whatever the template's size; two when the
    template's items are already read (the assign form reads them to check them). (Its
    reads come along in learn/plans.py, which builds on this.)"""
    Routine.objects.for_patient(patient).active().update(active=False)
    plan = Routine.objects.create(
        kind=RoutineKind.PLAN,
        title=template.title,
        owner=owner,
        patient=patient,
        schedule_days=schedule_days,
        start_date=start_date,
        end_date=end_date,
        source_template=template,
    )
    RoutineItem.objects.bulk_create(
        RoutineItem(routine=plan, **{field: getattr(item, field) for field in ITEM_FIELDS})
        for item in template.items.all()
    )
    return plan
