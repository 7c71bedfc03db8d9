"""make_scale_data: a clinic for benchmarks that the app's own rules accept, made the
same way every time for a seed."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command

from accounts.models import CareLink, User
from practice.models import ExerciseSession, MorningCheck, SessionStatus, StepLog, StepStatus
from progression.models import PsfsScore, Suggestion
from routines.models import EVERY_DAY, Routine, RoutineItem
from safety import rules as safety
from safety.models import Alert, Screening

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)


def make(**options):
    options = {"patients": 4, "days": 40, "seed": 7, "prefix": "t", **options}
    with time_machine.travel(NOW, tick=False):
        call_command("make_scale_data", stdout=io.StringIO(), **options)


def snapshot(prefix: str = "t") -> dict:
    """Everything made, by content (codes included, database ids not)."""
    people = User.objects.filter(username__startswith=f"{prefix}-")
    return {
        "users": sorted(people.values_list("username", "name", "role", "timezone", "code")),
        "links": sorted(
            CareLink.objects.filter(patient__in=people).values_list(
                "clinician__username", "patient__username"
            )
        ),
        "plans": sorted(
            Routine.objects.filter(patient__in=people).values_list(
                "patient__username", "title", "schedule_days", "start_date", "active", "code"
            )
        ),
        "items": sorted(
            RoutineItem.objects.filter(routine__patient__in=people).values_list(
                "code", "routine__code", "exercise__slug", "order", "sets", "reps"
            )
        ),
        "sessions": sorted(
            ExerciseSession.objects.filter(patient__in=people).values_list(
                "code", "local_date", "started", "pain_before", "pain_after", "status", "bad_day"
            )
        ),
        "logs": sorted(
            StepLog.objects.filter(session__patient__in=people).values_list(
                "session__code", "item__order", "side", "set_number", "status", "skip_reason", "at"
            )
        ),
        "screenings": sorted(
            Screening.objects.filter(patient__in=people).values_list(
                "code", "local_date", "tier", "cleared_at"
            )
        ),
        "alerts": sorted(
            Alert.objects.filter(patient__in=people).values_list("code", "kind", "resolved_at")
        ),
        "mornings": sorted(
            MorningCheck.objects.filter(patient__in=people).values_list(
                "patient__username", "local_date", "response", "pain"
            )
        ),
        "psfs": sorted(
            PsfsScore.objects.filter(patient__in=people).values_list(
                "patient__username", "local_date", "mean"
            )
        ),
        "suggestions": sorted(
            Suggestion.objects.filter(patient__in=people).values_list("code", "kind", "reps")
        ),
    }


def test_it_makes_a_clinic_the_apps_rules_accept():
    make(patients=6, days=60)
    lead = User.objects.get(username="t-lead")
    patients = User.objects.filter(username__startswith="t-patient-")
    assert patients.count() == 6 and all(p.is_patient for p in patients)
    assert User.objects.filter(username__startswith="t-clinician-").count() == 1
    for patient in patients:
        # Seen by the lead and by one clinician of their own.
        assert CareLink.objects.filter(patient=patient, ended__isnull=True).count() == 2
        assert CareLink.objects.filter(patient=patient, clinician=lead).exists()
        assert Routine.objects.for_patient(patient).active().count() == 1
        # Nobody is paused, and the latest safety check is under a week old.
        assert Screening.objects.pausing_for(patient) is None
        latest = Screening.objects.latest_for(patient)
        assert not safety.check_due(latest.local_date, patient.local_date(NOW))
    sessions = ExerciseSession.objects.filter(patient__in=patients)
    assert sessions.count() > 6 * 20
    for session in sessions.select_related("plan"):
        # Every step logged belongs to the plan followed that day; started that day.
        items = set(session.plan.items.values_list("pk", flat=True))
        assert set(session.logs.values_list("item_id", flat=True)) <= items
        assert session.started.astimezone(session.patient.zone).date() == session.local_date
        assert session.local_date >= session.plan.start_date
        if session.status == SessionStatus.COMPLETED:
            assert session.logs.exists() and session.finished is not None
    skipped = StepLog.objects.filter(session__in=sessions, status=StepStatus.SKIPPED)
    assert skipped.exists() and not skipped.filter(skip_reason="").exists()
    for check in MorningCheck.objects.filter(patient__in=patients).select_related("session"):
        assert check.session.local_date == check.local_date - timedelta(days=1)
    assert Alert.objects.filter(patient__in=patients).exists()
    assert PsfsScore.objects.filter(patient__in=patients).exists()


def test_the_first_patient_can_start_a_daily_session_today():
    make()
    first = User.objects.get(username="t-patient-0001")
    plan = Routine.objects.for_patient(first).active().get()
    assert plan.schedule_days == EVERY_DAY
    assert not ExerciseSession.objects.filter(
        patient=first, local_date=first.local_date(NOW)
    ).exists()


def test_the_same_seed_makes_the_same_clinic_and_another_seed_another():
    make(seed=3)
    first = snapshot()
    make(seed=3, replace=True)
    assert snapshot() == first
    make(seed=4, replace=True)
    assert snapshot()["sessions"] != first["sessions"]


def test_two_clinics_from_one_seed_share_no_codes():
    make(prefix="a")
    make(prefix="b")
    a, b = snapshot("a"), snapshot("b")
    assert {row[-1] for row in a["users"]}.isdisjoint(row[-1] for row in b["users"])
    assert len(a["sessions"]) == len(b["sessions"])


def test_it_refuses_to_make_a_prefix_twice_unless_told_to_replace_it():
    make()
    before = snapshot()
    with pytest.raises(CommandError, match="--replace"):
        make(seed=99)
    assert snapshot() == before
    make(seed=99, replace=True)
    assert snapshot() != before
    assert User.objects.filter(username="t-lead").count() == 1


def test_nobody_can_sign_in_unless_a_password_is_given():
    make()
    assert not User.objects.get(username="t-lead").has_usable_password()
    make(replace=True, password="a-long-bench-password")
    assert User.objects.get(username="t-lead").check_password("a-long-bench-password")
    # Patients never: they sign in by link.
    assert not User.objects.get(username="t-patient-0002").has_usable_password()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"patients": 0}, "at least 1 patient"),
        ({"days": 5}, "14 days"),
        ({"prefix": "a b"}, "prefix"),
    ],
)
def test_it_refuses_nonsense_and_makes_nothing(options, message):
    with pytest.raises(CommandError, match=message):
        make(**options)
    assert not User.objects.filter(username__startswith="t-").exists()
    assert not ExerciseSession.objects.exists()
