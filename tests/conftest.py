import pytest
from django.conf import settings
from django.test import override_settings

from accounts.models import Role
from tests.factories import HipMobClient, link, make_clinician, make_patient, make_user


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
