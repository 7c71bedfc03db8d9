"""The scoping layer fails closed: outside a clinic's scope a query of clinic-owned
rows raises instead of answering for every clinic, and inside one it answers for that
clinic only (organisations/scoping.py)."""

import pytest
from django.core.management import call_command
from django_scopes import ScopeError, scope

from accounts.models import CareLink, Episode, Invitation, User
from exercises.models import Exercise
from organisations.scoping import across_clinics, clinic_scope, scope_for
from routines.models import Routine
from tests.factories import link, make_clinician, make_exercise, make_patient

pytestmark = pytest.mark.django_db

SCOPED = [User, CareLink, Routine, Exercise, Episode, Invitation]


@pytest.fixture
def unscoped():
    """The state a request thread or a job starts in: no scope open at all (the suite
    otherwise runs its own setup with the scopes off)."""
    with scope():
        yield


@pytest.mark.parametrize("model", SCOPED, ids=lambda m: m.__name__)
def test_a_query_outside_any_scope_is_refused(unscoped, model):
    with pytest.raises(ScopeError):
        list(model.objects.all())
    with pytest.raises(ScopeError):
        model.objects.filter(pk=1).exists()


def test_a_clinics_scope_sees_its_own_people_only(alice, gus, hana):
    with clinic_scope(alice.clinic_id):
        assert set(User.objects.values_list("username", flat=True)) == {"alice"}
        assert not User.objects.filter(username="hana").exists()
    with clinic_scope(hana.clinic_id):
        assert set(User.objects.values_list("username", flat=True)) == {"gus", "hana"}
        assert CareLink.objects.get().patient == hana


def test_nobody_signed_in_sees_no_clinics_rows_but_the_shared_catalogue(alice, other_clinic):
    own = make_exercise(name="Norte only", clinic=other_clinic)
    with clinic_scope(None):
        assert not User.objects.exists()
        assert Exercise.objects.filter(slug="glute-bridge").exists()
        assert not Exercise.objects.filter(pk=own.pk).exists()


def test_a_clinic_sees_the_shared_catalogue_and_its_own_exercises(alice, other_clinic):
    theirs = make_exercise(name="Norte only", clinic=other_clinic)
    mine = make_exercise(name="Leeds only", clinic=alice.clinic)
    with scope_for(alice):
        slugs = set(Exercise.objects.values_list("slug", flat=True))
    assert mine.slug in slugs and "glute-bridge" in slugs and theirs.slug not in slugs


def test_the_installations_admins_see_across_clinics(erin, alice, hana):
    with scope_for(erin):
        assert {"alice", "hana", "erin"} <= set(User.objects.values_list("username", flat=True))


def test_jobs_say_that_they_run_across_clinics(unscoped, alice, hana):
    @across_clinics
    def everyone():
        return set(User.objects.values_list("username", flat=True))

    assert {"alice", "hana"} <= everyone()
    with pytest.raises(ScopeError):
        User.objects.count()  # and the scope is closed again afterwards


def test_a_command_runs_outside_a_request(unscoped, alice, hana, bob):
    # The nightly jobs serve every clinic (they would raise ScopeError otherwise).
    call_command("refresh_caseload", verbosity=0)
    call_command("check_alerts", verbosity=0)


def test_a_care_link_never_joins_two_clinics(hana):
    from accounts.models import CrossClinicError

    leeds = make_clinician(name="Leeds Clinician")
    with pytest.raises(CrossClinicError):
        link(leeds, hana)
    assert not CareLink.objects.filter(clinician=leeds).exists()


def test_a_routine_joins_its_writers_clinic(gus):
    routine = Routine.objects.create(kind="template", title="Gus's", owner=gus)
    assert routine.clinic == gus.clinic


def test_patients_and_clinicians_must_belong_to_a_clinic():
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        User.objects.create(username="nowhere", role="clinician", clinic=None)
    assert not User.objects.filter(username="nowhere").exists()
    make_patient(username="somewhere")  # the factories give a clinic
