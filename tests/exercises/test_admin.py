import pytest

from exercises.catalogue import EXERCISES
from exercises.models import Exercise


def test_catalogue_editors_get_a_searchable_filterable_list(client, erin):
    client.force_login(erin)
    response = client.get("/admin/exercises/exercise/?kind__exact=stretch&q=stretch")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lying hamstring stretch" in html
    assert "Glute bridge" not in html
    for label in ("By published", "By kind", "By level", "By equipment"):
        assert label in html


def test_the_change_form_shows_a_picture_preview(client, erin):
    client.force_login(erin)
    bridge = Exercise.objects.get(slug="glute-bridge")
    response = client.get(f"/admin/exercises/exercise/{bridge.pk}/change/")
    assert response.status_code == 200
    assert b"img/exercises/glute-bridge.svg" in response.content
    assert b'name="upload"' in response.content


def test_the_admin_saves_reps_with_a_hold_and_refuses_neither(client, erin):
    from tests.exercises.test_images import change_form_data

    client.force_login(erin)
    bridge = Exercise.objects.get(slug="glute-bridge")
    before = Exercise.objects.values().get(pk=bridge.pk)
    data = change_form_data(client, bridge, reps="", hold_seconds="", sets=3)
    response = client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
    assert response.status_code == 200
    assert b"Give reps, a hold time, or both" in response.content
    assert Exercise.objects.values().get(pk=bridge.pk) == before
    data = change_form_data(client, bridge, reps=10, hold_seconds=5, sets=2)
    response = client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert bridge.dose == "2 sets of 10, hold each 5 seconds"


def test_publish_actions_toggle_the_flag(client, erin):
    client.force_login(erin)
    slugs = ["glute-bridge", "clamshell"]
    ids = list(Exercise.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    page = client.get("/admin/exercises/exercise/")
    response = client.post(
        "/admin/exercises/exercise/",
        {
            "action": "unpublish",
            "_selected_action": ids,
            "csrfmiddlewaretoken": page.context["csrf_token"],
        },
    )
    assert response.status_code == 302
    assert not Exercise.objects.filter(slug__in=slugs, published=True).exists()
    assert Exercise.objects.published().count() == len(EXERCISES) - 2


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_patients_and_clinicians_cannot_edit_the_catalogue(client, db, request, persona):
    client.force_login(request.getfixturevalue(persona))
    bridge = Exercise.objects.get(slug="glute-bridge")
    before = Exercise.objects.values().get(pk=bridge.pk)
    url = f"/admin/exercises/exercise/{bridge.pk}/change/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    csrf = client.get("/exercises/").context["csrf_token"]
    response = client.post(url, {"summary": "Hacked", "csrfmiddlewaretoken": csrf})
    assert response.status_code == 302
    assert Exercise.objects.values().get(pk=bridge.pk) == before


def test_a_drawing_path_that_does_not_exist_is_refused(client, erin):
    from tests.exercises.test_images import change_form_data

    client.force_login(erin)
    bridge = Exercise.objects.get(slug="glute-bridge")
    before = Exercise.objects.values().get(pk=bridge.pk)
    for path in ("img/exercises/glute-bridg.svg", "../hipmob/settings.py", "css/app.css"):
        data = change_form_data(client, bridge, illustration=path)
        response = client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 200
        assert b"There is no drawing at" in response.content
    assert Exercise.objects.values().get(pk=bridge.pk) == before


@pytest.mark.parametrize("cues", [["Only one cue"], [f"Cue {n}" for n in range(7)]])
def test_cues_must_number_three_to_six(client, erin, cues):
    from tests.exercises.test_images import change_form_data

    client.force_login(erin)
    bridge = Exercise.objects.get(slug="glute-bridge")
    data = change_form_data(client, bridge, cues_en="\n".join(cues))
    response = client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
    assert response.status_code == 200
    assert b"Write 3 to 6 cues" in response.content
    assert Exercise.objects.get(pk=bridge.pk).cues == bridge.cues


def test_a_catalogue_exercises_variants_come_from_the_shared_catalogue(client, erin, other_clinic):
    """An easier version is shown to every patient who has the exercise: a clinic's own
    exercise can't become the shared catalogue's variant."""
    from tests.factories import make_exercise

    own = make_exercise(name="Norte only", clinic=other_clinic)
    bridge = Exercise.objects.get(slug="glute-bridge")
    client.force_login(erin)
    page = client.get(f"/admin/exercises/exercise/{bridge.pk}/change/")
    choices = page.context["adminform"].form.fields["easier"].queryset
    assert own not in choices and Exercise.objects.get(slug="clamshell") in choices
