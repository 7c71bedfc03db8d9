import pytest

from exercises.models import Exercise
from reminders.models import ReminderSettings
from tests.factories import make_plan, make_screening


@pytest.fixture
def plan(alice, bob):
    return make_plan(alice, bob, Exercise.objects.filter(slug="glute-bridge"))


def breaks_on(patient):
    ReminderSettings.objects.create(patient=patient, sitting_breaks=True)


def test_the_card_is_off_unless_the_patient_asks(client, alice, plan):
    client.force_login(alice)
    assert "Two one-minute breaks" not in client.get("/today/").content.decode()


def test_it_shows_two_one_minute_moves_from_the_catalogue(client, alice, plan):
    breaks_on(alice)
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert "Sitting for a while? Two one-minute breaks" in html
    assert 'href="/exercises/hip-flexor-stretch/"' in html
    assert 'href="/exercises/deep-squat/"' in html
    assert "Hold for 20 seconds, then swap sides" in html


def test_it_is_never_shown_while_a_safety_answer_pauses_exercise(client, alice, plan):
    breaks_on(alice)
    make_screening(alice, tier="urgent")
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert "Exercise is paused" in html
    assert "Two one-minute breaks" not in html


def test_an_unpublished_exercise_leaves_the_words_without_a_link(client, alice, plan):
    breaks_on(alice)
    Exercise.objects.filter(slug="deep-squat").update(published=False)
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert 'href="/exercises/deep-squat/"' not in html
    assert "About 8 times." in html


def test_today_costs_one_more_query_with_breaks_and_no_more(
    client, alice, plan, django_assert_num_queries
):
    breaks_on(alice)
    client.force_login(alice)
    with django_assert_num_queries(12):
        client.get("/today/")
