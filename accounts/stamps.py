"""A patient's record stamp (User.record_stamp), the key under which their pages'
facts are kept in the cache.

It changes, to a new random value, in the same transaction as any write to what those
pages show: patient/freshness.py follows the saves, and the writes made with
QuerySet.update(), bulk_create() or delete() call `record_changed()` themselves. A
request reads the stamp with the user, as every request does, so a change is seen by
the next request in every worker, and nothing ever has to be deleted from a cache: a
page kept under an old stamp is simply never asked for again. A random value, not a
counter, so a stamp is never used twice (a rolled-back test, a restored backup).

Race: a reader that read the old stamp and then the new rows keeps new facts under the
old key, which no later request asks for; one that read the new stamp reads the new
rows, committed with it. The safety pause is never kept: it is read on every request."""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language

from accounts.models import Role, User


def record_changed(*patient_ids: int | None) -> None:
    """After a write to these patients' records: one UPDATE (none for no patient)."""
    ids = {pk for pk in patient_ids if pk is not None}
    if ids:
        User.unscoped.filter(pk__in=ids).update(record_stamp=uuid.uuid4())


def records_changed(patient_ids) -> None:
    """The same for patients given by a query of their ids (a plan's patient, looked up
    in the UPDATE itself): one statement."""
    User.unscoped.filter(pk__in=patient_ids).update(record_stamp=uuid.uuid4())


def catalogue_changed(clinic_id: int | None = None) -> None:
    """After a change to what patients' pages show of the catalogue (an exercise's name
    or picture, a read): every patient's stamp in one UPDATE, or only the clinic's for
    its own exercises. Catalogue edits are rare; each page is then worked out once more."""
    patients = User.unscoped.filter(role=Role.PATIENT)
    if clinic_id is not None:
        patients = patients.filter(clinic_id=clinic_id)
    patients.update(record_stamp=uuid.uuid4())


# A kept page's facts are of no use after the patient's day (the day is in the key).
KEPT_SECONDS = 26 * 60 * 60


def kept(patient, name: str, make: Callable, *parts):
    """What `make()` works out for this patient's page `name`, kept in the cache under
    their record stamp, their day, the language, their clinic and `parts` (a page
    number, say): worked out once per change of any of them, in each worker."""
    key = ":".join(
        str(part)
        for part in (
            name,
            patient.pk,
            patient.record_stamp.hex,
            patient.local_date().isoformat(),
            get_language(),
            patient.clinic_id,
            *parts,
        )
    )
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, KEPT_SECONDS)
    return value
