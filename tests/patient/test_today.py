from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from organisations.models import Clinic
from routines.models import Routine
from tests.factories import make_exercise, make_plan


@pytest.fixture
def plan(alice, bob):
    exercises = Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"]).order_by("name")
    return make_plan(alice, bob, exercises, start_date=alice.local_date() - timedelta(days=3))


def test_a_patient_sees_todays_routine(client, alice, plan):
    client.force_login(alice)
    response = client.get("/today/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Due today" in html
    assert plan.title in html
    assert "Clamshell" in html and "Glute bridge" in html
    assert "2 exercises" in html


def test_a_rest_day_says_when_the_next_session_is(client, alice, plan):
    today = alice.local_date()
    plan.schedule_days = 1 << ((today.weekday() + 1) % 7)  # only tomorrow's weekday
    plan.save()
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert "Rest day" in html
    tomorrow = today + timedelta(days=1)
    assert f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}" in html


def test_a_plan_that_has_not_started_says_when_it_will(client, alice, plan):
    plan.start_date = alice.local_date() + timedelta(days=2)
    plan.save()
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert "Starting soon" in html and "Your plan starts on" in html
    assert "Rest day" not in html and "Due today" not in html


def test_a_finished_plan_says_to_ask_the_clinician(client, alice, plan):
    plan.start_date = alice.local_date() - timedelta(days=30)
    plan.end_date = alice.local_date() - timedelta(days=1)
    plan.save()
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert "Plan finished" in html and "Ask your clinician" in html
    assert "Rest day" not in html


def test_a_corrupt_timezone_falls_back_instead_of_breaking_today(client, alice, plan):
    from accounts.models import User

    User.objects.filter(pk=alice.pk).update(timezone="Nowhere/Land")  # past the forms
    client.force_login(alice)
    assert client.get("/today/").status_code == 200


def test_the_current_page_is_marked_in_the_navigation(client, alice, plan):
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert 'href="/today/" aria-current="page"' in html
    html = client.get("/exercises/glute-bridge/").content.decode()
    assert 'href="/exercises/" aria-current="page"' in html


def test_without_a_plan_the_patient_is_told_what_happens_next(client, alice):
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert "hasn&#x27;t set a routine" in html or "hasn't set a routine" in html
    assert "Browse the exercises" in html


@pytest.mark.parametrize("persona", ["bob", "dana", "erin"])
def test_people_who_are_not_patients_get_a_404(client, db, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/today/").status_code == 404


def test_today_refuses_post(client, alice):
    client.force_login(alice)
    page = client.get("/today/")
    response = client.post("/today/", {"csrfmiddlewaretoken": page.context["csrf_token"]})
    assert response.status_code == 405


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/today/").status_code == 200
    return len(queries)


def test_today_keeps_a_fixed_number_of_queries_with_5_and_20_items(client, alice, bob):
    client.force_login(alice)
    five = make_plan(alice, bob, [make_exercise() for _ in range(5)])
    at_five = count_queries(client)
    five.active = False
    five.save()
    make_plan(alice, bob, [make_exercise() for _ in range(20)])
    assert Routine.objects.for_patient(alice).active().get().items.count() == 20
    # session, user (whether exercise is paused comes with it), plan, items, this week's
    # sessions, the last finished one, the latest safety check, this morning's check, the
    # latest activity scores, the plan's reads, the reminder settings
    assert count_queries(client) == at_five == 11


def test_a_missed_sunday_is_noticed_on_monday(client, alice, bob):
    from datetime import UTC, date, datetime

    import time_machine

    make_plan(alice, bob, Exercise.objects.filter(slug="glute-bridge"), start_date=date(2026, 3, 1))
    client.force_login(alice)
    with time_machine.travel(datetime(2026, 3, 9, 9, 0, tzinfo=UTC), tick=False):  # a Monday
        html = client.get("/today/").content.decode()
    assert "Yesterday didn" in html


WORSE_CASES = {
    "worse above the ceiling: contact the clinic today": (
        "worse",
        8,
        "Please contact your clinic today, and if you can't reach them, see a doctor today.",
    ),
    "worse at the ceiling: go gently": ("worse", 5, "Go gently today"),
    "the same: no advice card": ("same", 8, None),
}


@pytest.mark.parametrize("response, pain, advice", WORSE_CASES.values(), ids=WORSE_CASES)
def test_a_worse_morning_gets_advice_and_the_clinics_phone(
    client, alice, plan, settings, response, pain, advice
):
    from progression import events
    from tests.factories import make_screening, make_session

    Clinic.objects.filter(pk=alice.clinic_id).update(name="Riverside Physio", phone="0161 496 0000")
    make_screening(alice)
    make_session(alice, plan, 1, 3, 3)
    events.morning_check(alice, response=response, pain=pain)
    client.force_login(alice)
    html = client.get("/today/").text
    if advice is None:
        assert "Your back is worse this morning" not in html
        return
    assert "Your back is worse this morning" in html and advice in html
    assert 'href="tel:01614960000"' in html
