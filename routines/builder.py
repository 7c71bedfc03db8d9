"""The routine builder's writes. A template is made from the exercise library and only
ever changed by its author; editing a patient's plan starts from a copy, so the plan
and every session logged against it stay exactly as they were. No requests here:
clinic/views/builder.py checks access, reads a form, makes one call and renders.

A template's reads come along with a copy in learn/plans.py (learn comes after
routines, so this module never sees them)."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from exercises.models import Exercise
from routines.models import Routine, RoutineItem, RoutineKind
from routines.plans import ITEM_FIELDS

# What the clinician sets on an item (clinic/forms.py: ItemForm uses these fields).
DOSE_FIELDS = (
    "sets",
    "reps",
    "hold_seconds",
    "rest_seconds",
    "per_side",
    "notes",
    "bad_day_exercise",
)


def create(owner) -> Routine:
    return Routine.objects.create(kind=RoutineKind.TEMPLATE, title=_("New routine"), owner=owner)


@transaction.atomic
def add_item(routine: Routine, exercise: Exercise) -> RoutineItem:
    """At the end, with the exercise's default dose."""
    last = routine.items.aggregate(last=Max("order"))["last"]
    item = RoutineItem.from_exercise(
        exercise, routine=routine, order=0 if last is None else last + 1
    )
    item.save()
    return item


def update_item(item: RoutineItem, dose: dict) -> None:
    """`dose` holds DOSE_FIELDS, checked (a form's cleaned_data)."""
    for field in DOSE_FIELDS:
        setattr(item, field, dose[field])
    item.save()


def move_item(routine: Routine, item: RoutineItem, *, up: bool) -> None:
    """Up or down one place. Orders are rewritten 0..n, so gaps and ties heal. Reads
    the routine's items as loaded (with_items)."""
    items = list(routine.items.all())
    index = items.index(item)
    target = index - 1 if up else index + 1
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    with transaction.atomic():
        for order, each in enumerate(items):
            if each.order != order:
                RoutineItem.objects.filter(pk=each.pk).update(order=order)


def remove_item(item: RoutineItem) -> None:
    item.delete()


def save_settings(routine: Routine, *, title: str, shared: bool) -> None:
    Routine.objects.filter(pk=routine.pk).update(title=title, shared=shared)


def delete(routine: Routine) -> None:
    routine.delete()  # plans copied from it keep their own items


# No savepoint: it joins the transaction of learn/plans.py's copy_with_reads.
@transaction.atomic(savepoint=False)
def copy(source: Routine, owner, title: str) -> Routine:
    """A new template of the owner's with the source's items (a template, or a
    patient's plan being edited, which the copy remembers so erasing the patient erases
    it too): three queries whatever the number of items."""
    copied = Routine.objects.create(
        kind=RoutineKind.TEMPLATE,
        title=title[:120],
        owner=owner,
        prepared_for_id=(
            source.patient_id if source.kind == RoutineKind.PLAN else source.prepared_for_id
        ),
    )
    RoutineItem.objects.bulk_create(
        RoutineItem(routine=copied, **{field: getattr(item, field) for field in ITEM_FIELDS})
        for item in source.items.all()
    )
    return copied
