"""The record stamp's triggers are in the database (patient/migrations/0001_...): a
later migration that rebuilds one of their tables (SQLite rebuilds a table for many
changes, and drops its triggers with it) must put them back, or this fails."""

import importlib

import pytest
from django.db import connection

from accounts.models import User
from practice.models import ExerciseSession, StepLog

pytestmark = pytest.mark.django_db

triggers = importlib.import_module("patient.migrations.0001_record_stamp_triggers")


def installed() -> set[tuple[str, str]]:
    """(table, trigger) pairs in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute(
                "SELECT event_object_table, trigger_name FROM information_schema.triggers"
            )
        return {tuple(row) for row in cursor.fetchall()}


def expected() -> set[tuple[str, str]]:
    if connection.vendor == "sqlite":
        return {(table, name) for name, table, _event, _sql in triggers._sqlite_triggers()}
    return {(table, f"stamp_{table}") for table, _events, _f in triggers._postgres_triggers()}


def test_every_trigger_is_installed():
    assert expected() and expected() <= installed()


def test_a_corrected_step_changes_the_stamp_and_a_logged_one_does_not(alice, plan):
    """A step logged in a session in progress is an insert and leaves the stamp (the
    player keeps the plan's items under it; history shows that session live); a
    correction is an update, and changes it."""
    session = ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date(), pain_before=3
    )
    item = plan.items.first()
    before = User.objects.get(pk=alice.pk).record_stamp
    log = StepLog.objects.create(
        session=session, item=item, exercise=item.exercise, side="both", set_number=1, status="done"
    )
    assert User.objects.get(pk=alice.pk).record_stamp == before
    StepLog.objects.filter(pk=log.pk).update(status="skipped", skip_reason="pain")
    assert User.objects.get(pk=alice.pk).record_stamp != before
