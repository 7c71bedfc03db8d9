"""Follows the saves that change what a patient's own pages show, and changes their
record stamp in the same transaction (accounts/stamps.py). Connected in apps.py: the
layers below (practice, safety, routines, ...) need not import this one. The writes
made with QuerySet.update(), bulk_create() or delete() call accounts.stamps themselves;
tests/patient/test_freshness.py tries each write and the page it changes."""

from django.db.models.signals import post_save

from accounts import stamps
from exercises.models import Exercise, catalogue_updated
from learn.models import Read
from practice.models import ExerciseSession, MorningCheck
from progression.models import PsfsScore
from reminders.models import ReminderSettings
from routines.models import Routine
from safety.models import Screening

# Each has the patient it belongs to (a template routine has none). A plan's items are
# only ever written with the plan (routines/plans.py, the admin's inline), so the plan's
# own save covers them.
PATIENT_RECORDS = (ExerciseSession, MorningCheck, Screening, PsfsScore, ReminderSettings, Routine)
# What every patient's pages show of the shared catalogue.
CATALOGUE = (Exercise, Read)


def _record_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # loaddata: nothing is served from a half-loaded fixture
        stamps.record_changed(instance.patient_id)


def _catalogue_saved(sender, instance=None, raw=False, **kwargs) -> None:
    if not raw:  # a clinic's own exercise is only ever shown to its clinic's patients
        stamps.catalogue_changed(getattr(instance, "clinic_id", None))


def connect() -> None:
    for model in PATIENT_RECORDS:
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"freshness-{model.__name__}")
    for model in CATALOGUE:
        post_save.connect(
            _catalogue_saved, sender=model, dispatch_uid=f"freshness-{model.__name__}"
        )
    catalogue_updated.connect(_catalogue_saved, dispatch_uid="freshness-catalogue-updated")
