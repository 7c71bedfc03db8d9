import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from routines.models import Routine, RoutineItem, RoutineKind
from routines.plans import assign_template
from tests.clinic.helpers import START, builder_url, count, item_data, post
from tests.factories import make_exercise


def test_a_routine_is_built_from_the_library(client, bob):
    client.force_login(bob)
    response = post(client, "/clinic/routines/new/")
    routine = Routine.objects.get(owner=bob)
    for slug in ["glute-bridge", "clamshell", "bird-dog"]:
        post(
            client, builder_url(routine, "items/"), {"exercise": Exercise.objects.get(slug=slug).pk}
        )
    assert [i.exercise.slug for i in routine.items.order_by("order")] == [
        "glute-bridge",
        "clamshell",
        "bird-dog",
    ]
    assert response.status_code == 302


def test_unpublished_or_unknown_exercises_cannot_be_added(client, bob, template):
    client.force_login(bob)
    draft = make_exercise(published=False)
    for value in (draft.pk, 999999, "abc"):
        response = post(client, builder_url(template, "items/"), {"exercise": value}, htmx=True)
        assert response.status_code == 422
    assert template.items.count() == 3


def test_reordering_moves_one_place_and_heals_gaps(client, bob, template):
    client.force_login(bob)
    bird_dog = template.items.get(exercise__slug="bird-dog")
    response = post(
        client,
        builder_url(template, f"items/{bird_dog.code}/move/"),
        {"direction": "up"},
        htmx=True,
    )
    assert response.status_code == 200 and b"<html" not in response.content
    assert [i.exercise.slug for i in template.items.order_by("order")] == [
        "glute-bridge",
        "bird-dog",
        "clamshell",
    ]
    post(client, builder_url(template, f"items/{bird_dog.code}/move/"), {"direction": "up"})
    post(client, builder_url(template, f"items/{bird_dog.code}/move/"), {"direction": "up"})  # top
    assert [i.order for i in template.items.order_by("order")] == [0, 1, 2]
    assert template.items.order_by("order").first() == bird_dog


def test_a_dose_is_changed(client, bob, template):
    client.force_login(bob)
    bridge = template.items.get(exercise__slug="glute-bridge")
    response = post(
        client,
        builder_url(template, f"items/{bridge.code}/"),
        item_data(bridge, sets=3, reps=12, notes="Pause at the top"),
    )
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert (bridge.sets, bridge.reps, bridge.notes) == (3, 12, "Pause at the top")


def test_reps_with_a_hold_on_each_are_saved_and_shown_in_plain_words(client, bob, template):
    client.force_login(bob)
    bridge = template.items.get(exercise__slug="glute-bridge")
    response = post(
        client,
        builder_url(template, f"items/{bridge.code}/"),
        item_data(bridge, sets=2, reps=10, hold_seconds=5),
    )
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert (bridge.reps, bridge.hold_seconds) == (10, 5)
    assert bridge.dose == "2 sets of 10, hold each 5 seconds"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reps": "", "hold_seconds": 0}, "Ensure this value is greater than or equal to 1"),
        ({"reps": 10_000}, "less than or equal to 50"),
        ({"reps": "", "hold_seconds": ""}, "Give reps, a hold time, or both"),
        ({"reps": 10, "hold_seconds": 301}, "less than or equal to 300"),
        ({"sets": "lots"}, "Enter a whole number"),
        ({"bad_day_exercise": 999999}, "Select a valid choice"),
    ],
)
def test_a_bad_dose_is_refused_with_a_message_and_nothing_changes(
    client, bob, template, changes, message
):
    client.force_login(bob)
    bridge = template.items.get(exercise__slug="glute-bridge")
    before = RoutineItem.objects.values().get(pk=bridge.pk)
    response = post(
        client,
        builder_url(template, f"items/{bridge.code}/"),
        item_data(bridge, **changes),
        htmx=True,
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert RoutineItem.objects.values().get(pk=bridge.pk) == before


def test_an_item_of_another_routine_is_a_404(client, bob, template, plan):
    client.force_login(bob)
    foreign = plan.items.first()
    response = post(client, builder_url(template, f"items/{foreign.code}/remove/"))
    assert response.status_code == 404
    assert RoutineItem.objects.filter(pk=foreign.pk).exists()


def test_removing_and_sharing_and_duplicating(client, bob, dana, template):
    client.force_login(bob)
    clamshell = template.items.get(exercise__slug="clamshell")
    post(client, builder_url(template, f"items/{clamshell.code}/remove/"))
    assert template.items.count() == 2
    post(client, builder_url(template, "settings/"), {"title": "Core two", "shared": "on"})
    template.refresh_from_db()
    assert (template.title, template.shared) == ("Core two", True)
    client.force_login(dana)
    response = post(client, builder_url(template, "duplicate/"))
    copy = Routine.objects.get(owner=dana)
    assert response["Location"] == f"/clinic/routines/{copy.code}/"
    assert copy.items.count() == 2 and copy.title == "Copy of Core two"
    assert client.get(builder_url(template)).status_code == 404  # shared, but not dana's


def test_the_builder_library_filters_with_htmx(client, bob, template):
    client.force_login(bob)
    response = client.get(builder_url(template) + "?kind=strength", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="library">') and "Glute bridge" in html
    assert "Bird dog" not in html


def test_the_builder_keeps_a_fixed_number_of_queries_with_1_and_9_items(client, bob):
    client.force_login(bob)
    routine = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Grow", owner=bob)
    exercises = list(Exercise.objects.all()[:9])
    RoutineItem.from_exercise(exercises[0], routine=routine, order=0).save()
    url = f"/clinic/routines/{routine.code}/"
    small = count(client, url)
    for i, exercise in enumerate(exercises[1:], start=1):
        RoutineItem.from_exercise(exercise, routine=routine, order=i).save()
    assert count(client, url) == small
    with CaptureQueriesContext(connection) as fragment:
        post(client, f"{url}items/", {"exercise": exercises[0].pk}, htmx=True)
    with CaptureQueriesContext(connection) as fragment_again:
        post(client, f"{url}items/", {"exercise": exercises[1].pk}, htmx=True)
    assert len(fragment) == len(fragment_again)


def test_an_unpublished_bad_day_exercise_is_refused(client, bob, template):
    client.force_login(bob)
    draft = make_exercise(published=False)
    bridge = template.items.get(exercise__slug="glute-bridge")
    response = post(
        client,
        f"/clinic/routines/{template.code}/items/{bridge.code}/",
        item_data(bridge, bad_day_exercise=draft.pk),
        htmx=True,
    )
    assert response.status_code == 422
    bridge.refresh_from_db()
    assert bridge.bad_day_exercise is None


def test_deleting_a_routine_leaves_the_plans_made_from_it(client, bob, alice, template):
    plan = assign_template(template, alice, owner=bob, start_date=START)
    client.force_login(bob)
    post(client, f"/clinic/routines/{template.code}/delete/")
    assert not Routine.objects.filter(pk=template.pk).exists()
    plan.refresh_from_db()
    assert plan.items.count() == 3 and plan.source_template is None
