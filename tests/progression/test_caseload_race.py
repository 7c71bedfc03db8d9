"""A clinician's list refreshing a patient's row while an emergency alert for that
patient is being raised (the patient's request has touched the row and not yet
committed) must end with the alert on the row, not with what the refresh saw before.

The worst interleaving, every time: the list's refresh has made the patient's missing
rows and is about to recompute them when the alert is raised in another thread (its
save updates the row); the writer then holds its transaction open until the refresh is
seen waiting for the row's lock (pg_stat_activity). A refresh that recomputes with a
statement begun before the writer commits writes what it saw then: no alert.
PostgreSQL only: SQLite takes one database-wide write lock at BEGIN, so a refresh can't
start while a write is open there at all.
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, connections, transaction

from organisations.scoping import clinic_scope
from progression import caseload
from progression.models import CaseloadEntry
from safety.alerts import raise_alert
from safety.models import TIER_RANK, AlertKind, AlertTier

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite serialises all "
        "writers with one lock, so a refresh can't overlap a write there",
    ),
    pytest.mark.django_db(transaction=True),
]


def _waiting_for_a_lock(seconds: float = 10) -> bool:
    """Whether another connection of this database waits for a lock within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock' "
                "AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.02)
    return False


def _is_recompute(sql: str) -> bool:
    """The refresh's first statement on existing rows: its lock, or its UPDATE."""
    return ("FOR UPDATE" in sql and '"progression_caseloadentry"' in sql) or sql.startswith(
        'UPDATE "progression_caseloadentry"'
    )


def test_a_refresh_waits_for_an_alert_being_raised_and_keeps_it(alice, bob):
    caseload.refresh([alice.pk])
    # Out of date (a new day for her), so the list will refresh her row.
    CaseloadEntry.objects.filter(pk=alice.pk).update(fresh_until=None)
    recomputing, touched, commit = threading.Event(), threading.Event(), threading.Event()
    errors: list[BaseException] = []

    # Each thread stands for a request (the patient's answer, the clinician's list),
    # which runs in the clinic's scope (organisations/scoping.py).
    def raise_emergency() -> None:
        try:
            with clinic_scope(alice.clinic_id), transaction.atomic():
                raise_alert(
                    alice,
                    AlertKind.RED_FLAG,
                    tier=AlertTier.EMERGENCY,
                    title="Red flag: bladder or bowel symptoms",
                )
                touched.set()  # the alert's save has updated (and locked) her row
                commit.wait(10)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    def hold_before_recomputing(execute, sql, params, many, context):
        if _is_recompute(sql) and not recomputing.is_set():
            recomputing.set()
            touched.wait(10)
        return execute(sql, params, many, context)

    def list_refresh() -> None:
        try:
            with clinic_scope(bob.clinic_id), connection.execute_wrapper(hold_before_recomputing):
                caseload.refresh([alice.pk])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    reader = threading.Thread(target=list_refresh)
    reader.start()
    assert recomputing.wait(10), "the refresh never reached its recomputing statement"
    writer = threading.Thread(target=raise_emergency)
    writer.start()
    try:
        assert touched.wait(10)
        assert _waiting_for_a_lock(), "the refresh never waited for the writer's lock"
    finally:
        commit.set()
        writer.join(10)
        reader.join(10)
    assert not errors, errors

    entry = CaseloadEntry.objects.get(pk=alice.pk)
    assert entry.alert_rank == TIER_RANK[AlertTier.EMERGENCY]
    assert entry.open_alerts == 1
    assert entry.alert.title == "Red flag: bladder or bowel symptoms"
    assert entry.fresh_until is not None
