import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.catalogue import EXERCISES
from exercises.models import Equipment, Exercise
from tests.factories import make_exercise


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def names(response) -> list[str]:
    return [exercise.name for exercise in response.context["exercises"]]


def test_every_signed_in_role_can_browse_the_library(client, alice, bob, erin):
    for person in (alice, bob, erin):
        client.force_login(person)
        response = client.get("/exercises/")
        assert response.status_code == 200
        assert len(response.context["exercises"]) == len(EXERCISES)
        assert b"Glute bridge" in response.content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "kind=strength",
            {
                "Partial bridge",
                "Glute bridge",
                "Clamshell",
                "Clamshell with a band",
                "Split squat with support",
                "Lunge with a twist",
                "Sit to stand from a chair",
            },
        ),
        (
            "level=intermediate",
            {
                "Half-kneeling hip flexor stretch",
                "Clamshell with a band",
                "Assisted deep squat",
                "90/90 hip switch",
                "Bird dog",
                "Dead bug",
            },
        ),
        ("level=advanced", {"Lunge with a twist"}),
        ("q=bridge", {"Glute bridge", "Partial bridge"}),
        ("kind=strength&level=intermediate", {"Clamshell with a band"}),
    ],
)
def test_filters_narrow_the_list(signed_in, query, expected):
    response = signed_in.get(f"/exercises/?{query}")
    assert set(names(response)) == expected
    assert f"{len(expected)} exercise".encode() in response.content


def test_the_equipment_filter_includes_none_needed(signed_in):
    towel = set(names(signed_in.get("/exercises/?equipment=towel")))
    assert towel and all(
        Exercise.objects.get(name=name).equipment.filter(slug="towel").exists() for name in towel
    )
    bare = make_exercise(name="Standing march")
    assert "Standing march" in names(signed_in.get("/exercises/?equipment=none"))
    assert bare.equipment.count() == 0


def test_an_unknown_filter_value_is_dropped_with_a_message_not_an_error(signed_in):
    response = signed_in.get("/exercises/?kind=stretch&level=expert&equipment=trampoline")
    assert response.status_code == 200
    assert "isn't one we know" in response.content.decode()
    # The valid filter still applies.
    assert all(Exercise.objects.get(name=n).kind == "stretch" for n in names(response))


def test_a_search_with_no_match_shows_a_way_back(signed_in):
    response = signed_in.get("/exercises/?q=trampoline")
    assert names(response) == []
    assert b"No exercises match" in response.content
    assert b"Clear the filters" in response.content


def test_htmx_gets_just_the_results_fragment(signed_in):
    response = signed_in.get("/exercises/?kind=stretch", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "<form" not in html
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(signed_in):
    response = signed_in.get(
        "/exercises/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert b"<html" in response.content


def test_drafts_are_hidden_from_patients_and_clinicians(client, alice, bob):
    draft = make_exercise(name="Secret draft", published=False)
    for person in (alice, bob):
        client.force_login(person)
        assert "Secret draft" not in names(client.get("/exercises/"))
        assert client.get(f"/exercises/{draft.slug}/").status_code == 404


def test_catalogue_editors_see_drafts_marked_as_such(client, erin):
    draft = make_exercise(name="Work in progress", published=False)
    client.force_login(erin)
    response = client.get("/exercises/")
    assert "Work in progress" in names(response)
    assert b"Draft" in response.content
    assert client.get(f"/exercises/{draft.slug}/").status_code == 200


def test_the_detail_page_shows_how_to_do_it_safely(signed_in):
    response = signed_in.get("/exercises/glute-bridge/")
    assert response.status_code == 200
    html = response.content.decode()
    exercise = Exercise.objects.get(slug="glute-bridge")
    assert exercise.name in html
    assert exercise.dose in html
    for cue in exercise.cue_list:
        assert cue.replace("'", "&#x27;") in html
    assert "<details>" in html and "Common mistakes" in html
    assert "Take care" in html
    assert f'alt="{exercise.illustration_alt}"'.replace("'", "&#x27;") in html
    assert 'rel="noopener noreferrer external"' in html


def test_an_unknown_exercise_is_a_404(signed_in):
    assert signed_in.get("/exercises/no-such-thing/").status_code == 404


def test_exercise_text_is_escaped(signed_in):
    make_exercise(slug="xss", name='<img src=x onerror="alert(1)">', summary="<script>x</script>")
    html = signed_in.get("/exercises/xss/").content.decode()
    assert "<img src=x" not in html and "<script>x" not in html
    assert "&lt;img src=x" in html


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_exercises(total: int) -> None:
    mat = Equipment.objects.get(slug="mat")
    easier = Exercise.objects.get(slug="cat-camel")
    for _ in range(total - Exercise.objects.count()):
        exercise = make_exercise(easier=easier)
        exercise.equipment.add(mat)


@pytest.mark.parametrize("url", ["/exercises/", "/exercises/?kind=mobility&equipment=mat"])
def test_the_list_keeps_a_fixed_number_of_queries_at_13_and_100_exercises(signed_in, url):
    # session, user, equipment choices, exercises, their equipment
    assert count_queries(signed_in, url) == 5
    add_exercises(100)
    assert Exercise.objects.count() == 100
    assert count_queries(signed_in, url) == 5


def test_the_htmx_fragment_keeps_a_fixed_number_of_queries(signed_in):
    url = "/exercises/?kind=mobility"
    with CaptureQueriesContext(connection) as small:
        signed_in.get(url, headers={"HX-Request": "true"})
    add_exercises(100)
    with CaptureQueriesContext(connection) as large:
        signed_in.get(url, headers={"HX-Request": "true"})
    assert len(small) == len(large) == 5


def test_the_detail_page_keeps_a_fixed_number_of_queries(signed_in):
    """What the page shows varies here: 1 then 5 pieces of kit, and both variants."""
    cat_camel = Exercise.objects.get(slug="cat-camel")
    cat_camel.equipment.set(Equipment.objects.filter(slug="mat"))
    # session, user, the exercise joined with its variants, its equipment, its reads
    assert count_queries(signed_in, "/exercises/cat-camel/") == 5
    add_exercises(100)
    cat_camel.equipment.set(Equipment.objects.all())
    cat_camel.easier = Exercise.objects.get(slug="childs-pose")
    cat_camel.harder = Exercise.objects.get(slug="bird-dog")
    cat_camel.save()
    html = signed_in.get("/exercises/cat-camel/").content.decode()
    assert "Resistance band" in html and "See Child" in html and "See Bird dog" in html
    assert count_queries(signed_in, "/exercises/cat-camel/") == 5


def test_a_patient_can_open_a_draft_exercise_that_is_in_their_plan(client, alice, bob, charlie):
    from tests.factories import make_plan

    draft = make_exercise(name="Prescribed draft", published=False)
    make_plan(alice, bob, [draft])
    client.force_login(alice)
    assert client.get(f"/exercises/{draft.slug}/").status_code == 200
    client.force_login(charlie)
    assert client.get(f"/exercises/{draft.slug}/").status_code == 404
