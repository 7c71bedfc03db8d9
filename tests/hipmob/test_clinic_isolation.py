"""No page crosses clinics: every page a person may open, opened by each person of two
clinics in two organisations, shows nothing of the other clinic (its people, routines,
own exercises, name), and every object address of the other clinic is a 404.

The scoping layer is organisations/scoping.py (django-scopes managers). The test of
the test at the end takes one model's scope away and checks that this finds it."""

import pytest
from django.urls import get_resolver

from exercises.models import Exercise
from routines.models import Routine
from tests.factories import HipMobClient
from tests.hipmob.test_permission_matrix import (
    ADMIN,
    EXPECTATIONS,
    build_url,
    discover,
    world,  # noqa: F401  (the fixture)
)

# What each clinic's people must never see of the other clinic.
LEEDS = {"alice", "charlie", "bob", "dana", "ann"}
NORTE = {"gus", "hana"}
LEEDS_MARKS = [
    "Alice Morgan",
    "Charlie Stone",
    "Bob Reid",
    "Dana Kerr",
    "Ann Lead",
    "Leeds knee lift",
    "Leeds shared routine",
    "Bob&#x27;s own",
]
NORTE_MARKS = ["Gus Romero", "Hana Ortiz", "Clínica Norte", "Norte hip hinge", "Norte shared"]
# Pages that never show clinic data whoever opens them, and the ones that only send
# people elsewhere.
SKIP = {"logout", "sign_out_everywhere", "admin:logout", "healthz", "favicon.ico"}

PAGES = [
    (key, route)
    for key, route, _pattern in discover(get_resolver().url_patterns)
    if key in EXPECTATIONS
    and EXPECTATIONS[key].allowed != ADMIN
    and not EXPECTATIONS[key].post
    and key not in SKIP
]


def _clients(request, names):
    clients = {}
    for name in names:
        client = HipMobClient()
        client.force_login(request.getfixturevalue(name))
        clients[name] = client
    return clients


def crossings(request, world) -> list[str]:  # noqa: F811
    """Every (person, page, mark of the other clinic) found; [] when isolated."""
    found = []
    people = _clients(request, sorted(LEEDS | NORTE))
    for key, route in PAGES:
        rule_ = EXPECTATIONS[key]
        url = build_url(route, rule_, world)
        for name, client in people.items():
            if name not in rule_.allowed:
                continue
            response = client.get(url, follow=False)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            text = response.content.decode()
            marks = NORTE_MARKS if name in LEEDS else LEEDS_MARKS
            found += [f"{name} sees {mark!r} on {url}" for mark in marks if mark in text]
    return found


@pytest.mark.django_db
def test_no_page_shows_one_clinic_anything_of_the_other(request, world):  # noqa: F811
    assert crossings(request, world) == []


@pytest.mark.django_db
def test_the_pages_checked_do_show_each_clinic_its_own(request, world):  # noqa: F811
    """The marks are real: each clinic's people see their own clinic's."""
    people = _clients(request, ["bob", "gus", "alice"])
    assert "Alice Morgan" in people["bob"].get("/clinic/patients/").content.decode()
    assert "Hana Ortiz" in people["gus"].get("/clinic/patients/").content.decode()
    assert "Norte shared routine" in people["gus"].get("/clinic/routines/").content.decode()
    assert "Leeds shared routine" in people["bob"].get("/clinic/routines/").content.decode()
    assert "Norte hip hinge" in people["gus"].get("/exercises/").content.decode()
    assert "Leeds knee lift" in people["alice"].get("/exercises/").content.decode()


OBJECT_URLS = [
    # (persona, address of the other clinic's object)
    ("bob", "/clinic/routines/{norte_template}/"),
    ("ann", "/clinic/routines/{norte_template}/"),
    ("alice", "/exercises/{norte_exercise}/"),
    ("bob", "/exercises/{norte_exercise}/"),
    ("gus", "/exercises/{own_exercise}/"),
    ("hana", "/exercises/{own_exercise}/"),
    ("gus", "/clinic/patients/{alice}/"),
    ("gus", "/clinic/routines/{template}/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "address"), OBJECT_URLS)
def test_the_other_clinics_objects_are_not_found(request, world, name, address):  # noqa: F811
    client = _clients(request, [name])[name]
    assert client.get(address.format(**world)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (Routine, "bob sees 'Norte shared' on /clinic/routines/"),
        (Exercise, "alice sees 'Norte hip hinge' on /exercises/"),
    ],
    ids=["routine scope", "exercise scope"],
)
def test_a_removed_scope_is_found(request, world, monkeypatch, model, expected):  # noqa: F811
    """The test of the test: `objects` swapped for the unscoped manager, as if the
    model's scope had been forgotten, and the check above reports the crossing. (The
    pages that list people also filter by clinic or care link themselves, so taking
    User's scope away alone shows nothing; tests/organisations/test_scoping.py checks
    that scope directly.)"""
    monkeypatch.setattr(model, "objects", model.unscoped)
    assert expected in crossings(request, world)
