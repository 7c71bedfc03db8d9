"""Follows the saves (and the deletes, see connect()) that change what a patient's own
pages show, and changes their record stamp in the same transaction (accounts/stamps.py).
Connected in apps.py: the layers below (practice, safety, routines, ...) need not import
this one. The writes made with QuerySet.update() or bulk_create(), and a queryset's
delete() of plan reads, call accounts.stamps themselves; tests/patient/test_freshness.py
tries each write and the page it changes."""

from django.db.models.signals import post_delete, post_save

from accounts import stamps
from exercises.models import Exercise, catalogue_updated
from learn.models import Read
from practice.models import ExerciseSession, MorningCheck
from progression.models import PsfsScore
from reminders.models import ReminderSettings
from routines.models import Routine, RoutineItem
from safety.models import Screening

# Each has the patient it belongs to (a template routine has none).
PATIENT_RECORDS = (ExerciseSession, MorningCheck, Screening, PsfsScore, ReminderSettings, Routine)
# What every patient's pages show of the shared catalogue.
CATALOGUE = (Exercise, Read)


def _record_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # loaddata: nothing is served from a half-loaded fixture
        stamps.record_changed(instance.patient_id)


def _item_saved(sender, instance, raw=False, **kwargs) -> None:
    """A plan's item changed in place (an accepted progression, the admin): its
    patient's stamp; nobody's for a template's item."""
    if raw:
        return
    if RoutineItem.routine.is_cached(instance):
        stamps.record_changed(instance.routine.patient_id)
    else:
        plan = Routine.unscoped.filter(pk=instance.routine_id, patient__isnull=False)
        stamps.records_changed(plan.values("patient_id"))


def _catalogue_saved(sender, instance=None, raw=False, **kwargs) -> None:
    if not raw:  # a clinic's own exercise is only ever shown to its clinic's patients
        stamps.catalogue_changed(getattr(instance, "clinic_id", None))


def connect() -> None:
    """Every save; and the deletes the app or the admin make of what stays on a
    patient's pages: a plan, a read, an exercise. Sessions, checks and scores are only
    deleted with the patient (erasure), whose pages nobody asks for again, and following
    those deletes would cost an UPDATE a row. A plan's items are deleted only with their
    plan, or in the admin's inline, whose plan is saved in the same transaction."""
    for model in PATIENT_RECORDS:
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"saved-{model.__name__}")
    post_delete.connect(_record_saved, sender=Routine, dispatch_uid="deleted-Routine")
    for model in CATALOGUE:
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(_catalogue_saved, sender=model, dispatch_uid=f"{name}-{model.__name__}")
    post_save.connect(_item_saved, sender=RoutineItem, dispatch_uid="saved-RoutineItem")
    catalogue_updated.connect(_catalogue_saved, dispatch_uid="freshness-catalogue-updated")
