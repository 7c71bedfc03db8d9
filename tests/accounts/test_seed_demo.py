import pytest
from django.core.management import CommandError, call_command

from accounts.models import CareLink, User
from practice.models import ExerciseSession
from routines.models import Routine

DEMO_USERS = {"demo-admin", "demo-clinician", "demo-patient"}


@pytest.mark.django_db
def test_it_refuses_with_debug_off_and_creates_nothing(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_demo")
    assert not User.objects.filter(username__in=DEMO_USERS).exists()


@pytest.mark.django_db
def test_it_creates_linked_accounts_and_a_plan_of_the_core_five(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERS)}
    assert set(users) == DEMO_USERS
    assert users["demo-patient"].role == "patient"
    assert users["demo-clinician"].role == "clinician"
    assert users["demo-admin"].is_staff
    assert users["demo-admin"].groups.filter(name="Catalogue editors").exists()
    assert users["demo-clinician"].check_password("hipmob-demo")
    assert users["demo-admin"].check_password("hipmob-demo")
    assert not users["demo-patient"].has_usable_password()  # patients sign in by link
    assert (
        CareLink.objects.active()
        .filter(clinician=users["demo-clinician"], patient=users["demo-patient"])
        .exists()
    )
    plan = Routine.objects.for_patient(users["demo-patient"]).active().get()
    history = ExerciseSession.objects.filter(patient=users["demo-patient"])
    assert 8 <= history.count() <= 14
    assert all(s.status == "completed" and s.logs.count() == 16 for s in history)
    assert [item.exercise.slug for item in plan.items.all()] == [
        "hip-flexor-stretch",
        "glute-bridge",
        "clamshell",
        "lunge-with-twist",
        "deep-squat",
    ]
    # What demo-clinician sees: a step back for the lunge skipped for pain, progress
    # for the rest, one suggestion each (clinical.md §3.1).
    from progression.models import Suggestion

    waiting = Suggestion.objects.filter(patient=users["demo-patient"], status="pending")
    assert {(s.item.exercise.slug, s.kind, s.scope) for s in waiting} == {
        ("hip-flexor-stretch", "progress", "item"),
        ("glute-bridge", "progress", "item"),
        ("clamshell", "progress", "item"),
        ("lunge-with-twist", "regress", "item"),
        ("deep-squat", "progress", "item"),
    }


@pytest.mark.django_db
def test_running_it_twice_changes_nothing_the_second_time(settings):
    from django.contrib.auth.models import Group

    from practice.models import StepLog
    from routines.models import RoutineItem

    def snapshot():
        plan = Routine.objects.plans().active().get(patient__username="demo-patient")
        return (
            User.objects.count(),
            CareLink.objects.count(),
            Routine.objects.count(),
            RoutineItem.objects.count(),
            ExerciseSession.objects.count(),
            StepLog.objects.count(),
            plan.pk,
            list(Group.objects.filter(user__username="demo-admin").values_list("name")),
        )

    call_command("seed_demo", "--force")
    first = snapshot()
    call_command("seed_demo", "--force")
    assert snapshot() == first
