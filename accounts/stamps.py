"""A patient's record stamp (User.record_stamp), the key under which their pages'
facts are kept in the cache.

It changes, to a new random value, in the same transaction as any write to what those
pages show: the database's own triggers do it, in the same statement as the write
(patient/migrations/0001_record_stamp_triggers.py), so every write path is covered (a
view, the admin, update(), bulk_create(), the shell) and none sends one more statement
for it. A request reads the stamp with the user, as every request does, so a change is
seen by the next request in every worker, and nothing ever has to be deleted from a
cache: a page kept under an old stamp is simply never asked for again. A random value,
not a counter, so a stamp is never used twice (a rolled-back test, a restored backup).

Race: a reader that read the old stamp and then the new rows keeps new facts under the
old key, which no later request asks for; one that read the new stamp reads the new
rows, committed with it. The safety pause is never kept: it is read on every request."""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language

from accounts.models import Role, User


def renew_every_stamp() -> None:
    """Every patient's pages worked out again, in one UPDATE: after a restore or a load
    that bypassed the triggers (refresh_caseload)."""
    User.unscoped.filter(role=Role.PATIENT).update(record_stamp=uuid.uuid4())


# A kept page's facts are of no use after the patient's day (the day is in the key).
KEPT_SECONDS = 26 * 60 * 60


def key_for(patient, name: str, *parts) -> str:
    """The key of this patient's page `name`: their record stamp, their day, the
    language, their clinic and `parts` (a page number, say). Also the key a template
    keeps a fragment of that page under ({% cache %}), which changes with it."""
    return ":".join(
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


def kept(patient, name: str, make: Callable, *parts):
    """What `make()` works out for this patient's page `name`, kept in the cache under
    key_for(): worked out once per change of any of its parts, in each worker."""
    key = key_for(patient, name, *parts)
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, KEPT_SECONDS)
    return value
