from datetime import date

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.models import Role
from exercises.models import Exercise
from routines.models import Routine, RoutineItem, RoutineKind
from tests.factories import HipMobClient, link, make_clinician, make_patient, make_plan, make_user


@pytest.fixture(autouse=True, scope="session")
def _plain_static_storage():
    """Production uses hashed, compressed static files made by collectstatic; the suite
    serves them straight from static/ instead (tests/hipmob/test_static.py checks that
    collectstatic itself works)."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def _across_clinics():
    """A test's own setup and checks see every clinic's rows, as a management command
    does; its requests run in the signed-in person's clinic (ClinicScopeMiddleware),
    and a live server's threads start with no scope at all, as production does."""
    with scopes_disabled():
        yield


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """Every test starts in the site's language: a request in Spanish leaves Spanish
    active in the thread (LocaleMiddleware doesn't undo it), and a later test's words
    (an exercise's dose, say) would read in Spanish depending on the order."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, as a new worker does: a page fragment kept
    by an earlier test (say for an exercise with the same id and, under a frozen clock,
    the same last change) is never served to a later one."""
    cache.clear()
    yield


@pytest.fixture
def client() -> HipMobClient:
    # Like a browser: CSRF is enforced, so tests prove forms carry their token.
    return HipMobClient(enforce_csrf_checks=True)


# Personas: patient Alice, her clinician Bob, stranger patient Charlie, another
# clinician Dana, admin Erin.
@pytest.fixture
def alice(db):
    return make_patient(username="alice", name="Alice Morgan", timezone="Europe/London")


@pytest.fixture
def bob(db, alice):
    bob = make_clinician(username="bob", name="Bob Reid")
    link(bob, alice)
    return bob


@pytest.fixture
def charlie(db):
    return make_patient(username="charlie", name="Charlie Stone")


@pytest.fixture
def dana(db):
    return make_clinician(username="dana", name="Dana Kerr")


@pytest.fixture
def erin(db):
    from django.contrib.auth.models import Group

    from exercises.permissions import CATALOGUE_EDITORS

    erin = make_user(Role.ADMIN, username="erin", name="Erin Admin", is_staff=True)
    erin.groups.add(Group.objects.get(name=CATALOGUE_EDITORS))
    return erin


@pytest.fixture
def frank(db):
    """A staff member with every permission on accounts, as the demo's admin has
    (erasure needs them), besides editing the catalogue; not a superuser."""
    from django.contrib.auth.models import Group, Permission

    from exercises.permissions import CATALOGUE_EDITORS

    frank = make_user(Role.ADMIN, username="frank", name="Frank Admin", is_staff=True)
    frank.groups.add(Group.objects.get(name=CATALOGUE_EDITORS))
    frank.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    return frank


# A second organisation's clinic: Gus is its clinician and its clinic admin, Hana his
# patient. Ann is the clinic admin of Alice's clinic (a clinician with no patients).
@pytest.fixture
def ann(db):
    return make_clinician(username="ann", name="Ann Lead", is_clinic_admin=True)


@pytest.fixture
def other_clinic(db):
    from tests.factories import make_clinic, make_organisation

    organisation = make_organisation(name="Salud Norte", slug="salud-norte")
    return make_clinic(
        organisation, name="Clínica Norte", slug="clinica-norte", country="ES", phone="910 000 000"
    )


@pytest.fixture
def gus(db, other_clinic, hana):
    gus = make_clinician(
        username="gus", name="Gus Romero", clinic=other_clinic, is_clinic_admin=True
    )
    link(gus, hana)
    return gus


@pytest.fixture
def hana(db, other_clinic):
    return make_patient(username="hana", name="Hana Ortiz", clinic=other_clinic)


@pytest.fixture
def root(db):
    """A superuser."""
    return make_user(Role.ADMIN, username="root", name="Root", is_staff=True, is_superuser=True)


# The shipped content, put back with the loaders the data migrations use: transactional
# tests (the browser ones) empty every table afterwards, migrated rows included, so a
# test that needs the content asks for it instead of trusting what migrate left.
@pytest.fixture
def catalogue(db):
    from django.apps import apps

    from exercises import catalogue as shipped
    from exercises.models import Exercise

    shipped.load(apps)
    return Exercise.objects.all()


@pytest.fixture
def reads(catalogue):
    from django.apps import apps

    from learn import content
    from learn.models import Read

    content.load(apps)
    return Read.objects.all()


@pytest.fixture
def questions(db):
    from django.apps import apps

    from safety import questions as shipped
    from safety.models import ScreeningQuestion

    shipped.load(apps)
    return ScreeningQuestion.objects.filter(active=True)


# A clinician's template and a patient's plan, for the clinic and audit tests.


@pytest.fixture
def template(bob):
    routine = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Core", owner=bob)
    for i, slug in enumerate(["glute-bridge", "clamshell", "bird-dog"]):
        RoutineItem.from_exercise(Exercise.objects.get(slug=slug), routine=routine, order=i).save()
    return routine


@pytest.fixture
def plan(alice, bob):
    return make_plan(
        alice,
        bob,
        Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"]),
        start_date=date(2026, 1, 1),
    )
