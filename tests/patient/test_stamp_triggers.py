"""The database's triggers (patient/migrations/): the record stamp's, and the one that
keeps User.exercise_paused. A later migration that rebuilds one of their tables (SQLite
rebuilds a table for many changes, and drops its triggers with it) must put them back,
or the first test fails."""

import importlib

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from practice.models import ExerciseSession, StepLog
from safety.models import Screening
from tests.factories import make_patient

pytestmark = pytest.mark.django_db

triggers = importlib.import_module("patient.migrations.0001_record_stamp_triggers")
pause = importlib.import_module("patient.migrations.0002_exercise_paused_trigger")


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
        return {(table, name) for name, table, _event, _sql in triggers._sqlite_triggers()} | {
            ("safety_screening", f"pause_safety_screening_{event}") for event in pause.ROWS
        }
    return {(table, f"stamp_{table}") for table, *_rest in triggers._postgres_triggers()} | {
        ("safety_screening", "pause_safety_screening")
    }


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


def answer(patient, tier: str) -> Screening:
    return Screening.objects.create(
        patient=patient,
        local_date=patient.local_date(),
        answers=[{"key": "x", "text": "A question", "tier": tier, "yes": tier != "clear"}],
        tier=tier,
    )


def paused(patient) -> tuple[bool, bool]:
    """The flag the database keeps, and the rule the app's own query applies."""
    flag = User.objects.get(pk=patient.pk).exercise_paused
    return flag, Screening.objects.locking().filter(patient=patient).exists()


@pytest.mark.parametrize(
    ("tiers", "cleared", "expected"),
    [
        ([], 0, False),
        (["clear"], 0, False),
        (["history"], 0, False),  # shown to the clinician; pauses nothing
        (["review"], 0, False),  # carry on gently
        (["urgent"], 0, True),
        (["emergency"], 0, True),
        (["emergency", "clear"], 0, True),  # a later "no" doesn't lift it
        (["emergency"], 1, False),  # the clinician cleared it
        (["urgent", "emergency"], 1, True),  # one of two cleared: still paused
        (["urgent", "emergency"], 2, False),
    ],
)
def test_the_pause_flag_follows_the_checks(alice, tiers, cleared, expected):
    """clinical.md §1: an emergency or urgent answer pauses exercise until the
    clinician clears it. The flag read with the user and the app's rule agree."""
    checks = [answer(alice, tier) for tier in tiers]
    for check in [c for c in checks if c.tier in ("urgent", "emergency")][:cleared]:
        Screening.objects.filter(pk=check.pk).update(cleared_at=check.at)  # as clearing does
    assert paused(alice) == (expected, expected)


def test_the_pause_flag_is_each_patients_own_and_follows_a_delete(alice):
    other = make_patient()
    check = answer(alice, "emergency")
    assert paused(alice) == (True, True) and paused(other) == (False, False)
    check.delete()
    assert paused(alice) == (False, False)


def test_a_stale_full_save_of_the_patient_keeps_the_pause(alice):
    """An admin's edit loaded the patient before a red flag was answered: saving it
    must not put back the flag it loaded."""
    loaded = User.objects.get(pk=alice.pk)
    answer(alice, "emergency")
    loaded.name = "Alice M."
    loaded.save()
    assert paused(alice) == (True, True)


def test_the_rebuild_command_sets_every_pause_again(alice):
    """After a load that bypassed the trigger (the flag left wrong both ways),
    refresh_caseload sets every flag again from the checks."""
    other = make_patient()
    answer(alice, "urgent")
    User.objects.filter(pk=alice.pk).update(exercise_paused=False)
    User.objects.filter(pk=other.pk).update(exercise_paused=True)
    assert paused(alice) == (False, True) and paused(other) == (True, False)
    call_command("refresh_caseload", verbosity=0)
    assert paused(alice) == (True, True) and paused(other) == (False, False)
