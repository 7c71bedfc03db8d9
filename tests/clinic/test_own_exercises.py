"""A clinic's own exercises and its shared routines, as its clinic admin manages them
(clinic/views/own_exercises.py), and who sees such an exercise."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from routines.models import Routine, RoutineItem, RoutineKind
from tests.factories import make_clinician, make_exercise, make_plan, speak

pytestmark = pytest.mark.django_db

LIST = "/clinic/exercises/"
NEW = "/clinic/exercises/new/"

GOOD = {
    "name": "Knee hug",
    "kind": "stretch",
    "level": "beginner",
    "summary": "Eases a stiff lower back.",
    "target": "The lower back and buttocks",
    "start_position": "Lie on your back with your knees bent.",
    "cues": "Bring one knee to your chest.\nHold it with both hands.\nBreathe out slowly.",
    "mistakes": "Lifting your head.",
    "cautions": "Stop if it hurts down your leg.",
    "sets": "2",
    "reps": "",
    "hold_seconds": "20",
    "rest_seconds": "30",
    "per_side": "on",
    "illustration": "img/exercises/childs-pose.svg",
    "illustration_alt": "A person lying on their back hugging one knee to the chest.",
}


def post(client, url, data=None):
    token = client.get(LIST).context["csrf_token"]
    return client.post(url, {"csrfmiddlewaretoken": token, **(data or {})})


def state():
    return list(Exercise.objects.order_by("pk").values_list())


@pytest.fixture
def norte_exercise(other_clinic):
    return make_exercise(name="Norte hip hinge", slug="norte-hip-hinge", clinic=other_clinic)


def test_a_clinic_admin_adds_an_exercise_for_the_clinic(client, ann):
    client.force_login(ann)
    response = post(client, NEW, GOOD)
    exercise = Exercise.objects.get(name_en="Knee hug")
    assert response.status_code == 302
    assert response["Location"] == f"/clinic/exercises/{exercise.slug}/"
    assert exercise.slug == "test-clinic-knee-hug"
    assert exercise.clinic == ann.clinic
    assert exercise.published
    assert (exercise.sets, exercise.reps, exercise.hold_seconds, exercise.per_side) == (
        2,
        None,
        20,
        True,
    )
    assert exercise.cue_list == GOOD["cues"].splitlines()
    assert exercise.illustration == "img/exercises/childs-pose.svg"
    assert exercise.illustration_start == "img/exercises/childs-pose-start.svg"
    assert exercise.name_es in ("", None)  # an English-speaking clinic
    page = client.get(LIST).content.decode()
    assert "Knee hug" in page and "Knee hug is in your clinic&#x27;s library now." in page


def test_the_same_name_twice_gets_a_second_slug_never_the_catalogues(client, ann):
    make_exercise(name="Glute bridge", slug="test-clinic-knee-hug")  # a catalogue one, say
    client.force_login(ann)
    post(client, NEW, GOOD)
    post(client, NEW, GOOD)
    slugs = sorted(Exercise.objects.filter(clinic=ann.clinic).values_list("slug", flat=True))
    assert slugs == ["test-clinic-knee-hug-2", "test-clinic-knee-hug-3"]


def test_a_spanish_speaking_clinic_writes_its_own_language_too(client, gus, other_clinic):
    other_clinic.language = "es"
    other_clinic.save()
    client.force_login(gus)
    post(client, NEW, {**GOOD, "name": "Abrazo de rodilla"})
    exercise = Exercise.objects.get(clinic=other_clinic)
    assert exercise.slug == "clinica-norte-abrazo-de-rodilla"
    assert (exercise.name_en, exercise.name_es) == ("Abrazo de rodilla", "Abrazo de rodilla")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"cues": "Only one.\nAnd two."}, "cues"),
        ({"cues": "1\n2\n3\n4\n5\n6\n7"}, "cues"),
        ({"reps": "", "hold_seconds": ""}, "reps"),
        ({"sets": "11"}, "sets"),
        ({"sets": "0"}, "sets"),
        ({"reps": "51"}, "reps"),
        ({"hold_seconds": "301"}, "hold_seconds"),
        ({"rest_seconds": "-1"}, "rest_seconds"),
        ({"illustration": "img/exercises/../../css/app.css"}, "illustration"),
        ({"illustration": "img/exercises/glute-bridge-start.svg"}, "illustration"),
        ({"illustration_alt": "  "}, "illustration_alt"),
        ({"kind": "yoga"}, "kind"),
        ({"name": ""}, "name"),
    ],
)
def test_a_bad_exercise_is_refused_and_nothing_is_stored(client, ann, change, field):
    client.force_login(ann)
    before = state()
    response = post(client, NEW, {**GOOD, **change})
    assert response.status_code == 422
    assert response.context["form"].errors[field]
    assert "Please check the fields marked below." in response.content.decode()
    assert state() == before


def test_an_exercise_is_changed_and_keeps_its_address(client, ann):
    exercise = make_exercise(name="Knee hug", slug="test-clinic-knee-hug", clinic=ann.clinic)
    client.force_login(ann)
    url = f"/clinic/exercises/{exercise.slug}/"
    assert client.get(url).context["form"].initial["name"] == "Knee hug"
    response = post(client, url, {**GOOD, "name": "Double knee hug", "sets": "3"})
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert (exercise.name_en, exercise.sets, exercise.slug) == (
        "Double knee hug",
        3,
        "test-clinic-knee-hug",
    )
    before = state()
    assert post(client, url, {**GOOD, "cues": "one"}).status_code == 422
    assert state() == before


def test_unpublishing_takes_it_out_of_the_library_but_not_out_of_plans(
    client, ann, bob, alice, charlie
):
    exercise = make_exercise(name="Knee hug", slug="test-clinic-knee-hug", clinic=ann.clinic)
    make_plan(alice, bob, [exercise])
    client.force_login(ann)
    response = post(client, f"/clinic/exercises/{exercise.slug}/publish/", {"published": "0"})
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert not exercise.published
    client.force_login(bob)
    client.get(LIST)  # the confirmation is shown (and gone)
    assert "Knee hug" not in client.get("/exercises/").content.decode()
    client.force_login(charlie)
    assert client.get(f"/exercises/{exercise.slug}/").status_code == 404
    client.force_login(alice)  # it is in her plan
    assert client.get(f"/exercises/{exercise.slug}/").status_code == 200
    client.force_login(ann)
    post(client, f"/clinic/exercises/{exercise.slug}/publish/", {"published": "1"})
    exercise.refresh_from_db()
    assert exercise.published


def test_only_the_clinics_own_admin_manages_its_exercises(
    client, ann, bob, gus, alice, erin, norte_exercise
):
    leeds = make_exercise(name="Leeds knee lift", slug="leeds-knee-lift", clinic=ann.clinic)
    before = state()
    for person in (bob, alice, erin):
        client.force_login(person)
        for url in (LIST, NEW, f"/clinic/exercises/{leeds.slug}/"):
            assert client.get(url).status_code == 404, (person, url)
    client.force_login(gus)
    assert client.get(f"/clinic/exercises/{leeds.slug}/").status_code == 404
    token = client.get(LIST).context["csrf_token"]
    for url, data in [
        (f"/clinic/exercises/{leeds.slug}/", GOOD),
        (f"/clinic/exercises/{leeds.slug}/publish/", {"published": "0"}),
    ]:
        assert client.post(url, {"csrfmiddlewaretoken": token, **data}).status_code == 404
    # The shared catalogue is edited in the Django admin, never here.
    client.force_login(ann)
    assert client.get("/clinic/exercises/glute-bridge/").status_code == 404
    assert "Norte hip hinge" not in client.get(LIST).content.decode()
    assert state() == before


def test_another_clinics_exercise_is_invisible(client, bob, gus, norte_exercise):
    """Not in the library, not on its own page, not among the builder's choices, and
    not addable by its id."""
    template = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Mine", owner=bob)
    client.force_login(bob)
    assert client.get(f"/exercises/{norte_exercise.slug}/").status_code == 404
    assert "Norte hip hinge" not in client.get("/exercises/").content.decode()
    builder = client.get(f"/clinic/routines/{template.code}/").content.decode()
    assert "Norte hip hinge" not in builder
    token = client.cookies["csrftoken"].value
    response = client.post(
        f"/clinic/routines/{template.code}/items/",
        {"csrfmiddlewaretoken": token, "exercise": norte_exercise.pk},
    )
    assert response.status_code == 422
    assert not RoutineItem.objects.filter(routine=template).exists()
    # And its own clinic sees it everywhere.
    mine = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Suya", owner=gus)
    client.force_login(gus)
    assert client.get(f"/exercises/{norte_exercise.slug}/").status_code == 200
    assert "Norte hip hinge" in client.get("/exercises/").content.decode()
    assert "Norte hip hinge" in client.get(f"/clinic/routines/{mine.code}/").content.decode()


def test_a_clinic_exercise_without_spanish_shows_in_english_on_spanish_pages(client, bob):
    exercise = make_exercise(name="Leeds knee lift", slug="leeds-knee-lift", clinic=bob.clinic)
    assert exercise.name_es in ("", None)
    speak(bob, "es")
    client.force_login(bob)
    listing = client.get("/exercises/")
    assert listing.status_code == 200
    assert "Leeds knee lift" in listing.content.decode()
    detail = client.get(f"/exercises/{exercise.slug}/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert '<html lang="es">' in page
    assert "Leeds knee lift" in page and "Lie on your back." in page


# --- shared routines -------------------------------------------------------------------


@pytest.fixture
def shared(dana):
    return Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Dana's shared", owner=dana, shared=True
    )


def test_a_clinic_admin_sees_and_unshares_the_clinics_shared_routines(
    client, ann, bob, shared, gus
):
    private = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Bob's own", owner=bob)
    norte = Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Norte shared", owner=gus, shared=True
    )
    client.force_login(ann)
    page = client.get(LIST).content.decode()
    assert "Dana&#x27;s shared" in page and "Dana Kerr" in page
    assert "Bob&#x27;s own" not in page and "Norte shared" not in page
    for other in (private, norte):  # not shared, or another clinic's: not found
        assert post(client, f"/clinic/routines/{other.code}/unshare/").status_code == 404
    norte.refresh_from_db()
    assert norte.shared
    response = post(client, f"/clinic/routines/{shared.code}/unshare/")
    assert response.status_code == 302
    shared.refresh_from_db()
    assert not shared.shared
    client.get(LIST)  # the confirmation is shown (and gone)
    client.force_login(bob)  # no longer among Bob's choices
    assert "Dana&#x27;s shared" not in client.get("/clinic/routines/").content.decode()


def test_a_clinician_who_is_not_an_admin_cannot_unshare(client, bob, shared):
    client.force_login(bob)
    token = client.get("/clinic/routines/").context["csrf_token"]
    url = f"/clinic/routines/{shared.code}/unshare/"
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 404
    assert client.get(url).status_code == 405
    shared.refresh_from_db()
    assert shared.shared


# --- queries ------------------------------------------------------------------------------


def counted(client, url) -> int:
    client.get(url)  # the staff idle timer is written on the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(clinic, n: int) -> None:
    clinician = make_clinician(clinic=clinic)
    for i in range(n):
        make_exercise(clinic=clinic, published=bool(i % 2))
        Routine.objects.create(
            kind=RoutineKind.TEMPLATE, title=f"R{i}", owner=clinician, shared=True
        )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (LIST, 5),  # session, user, device, the exercises, the shared routines
        (NEW, 3),
        ("/clinic/exercises/test-clinic-first/", 4),  # and the exercise
    ],
)
def test_the_pages_keep_a_fixed_number_of_queries(client, ann, url, expected):
    make_exercise(slug="test-clinic-first", clinic=ann.clinic)
    grow(ann.clinic, 2)
    client.force_login(ann)
    small = counted(client, url)
    grow(ann.clinic, 25)
    assert (small, counted(client, url)) == (expected, expected)
