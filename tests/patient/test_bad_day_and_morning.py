from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction

from exercises.models import Exercise
from practice.models import ExerciseSession, MorningCheck, StepLog
from safety.models import Alert
from tests.factories import make_plan, make_screening


@pytest.fixture
def plan(alice, bob):
    plan = make_plan(
        alice, bob, [Exercise.objects.get(slug="bird-dog")], start_date=date(2026, 1, 1)
    )
    plan.items.update(
        bad_day_exercise=Exercise.objects.get(slug="cat-camel"), reps=9, hold_seconds=None, sets=3
    )
    return plan


@pytest.fixture
def patient(client, alice, plan):
    make_screening(alice)
    client.force_login(alice)
    return client


def post(client, url, data=None):
    token = client.get("/today/").context["csrf_token"]
    return client.post(url, {"csrfmiddlewaretoken": token, **(data or {})})


def test_a_bad_back_day_swaps_in_the_easier_version_and_tells_the_clinician(patient, alice, plan):
    response = post(patient, "/sessions/bad-day/")
    session = ExerciseSession.objects.get(patient=alice)
    assert session.bad_day and response["Location"] == f"/sessions/{session.code}/"
    post(patient, f"/sessions/{session.code}/check-in/", {"pain": 6})
    page = patient.get(f"/sessions/{session.code}/")
    step = page.context["step"]
    assert step.exercise.slug == "cat-camel"
    # Cat-camel at its own dose (1 set of 6, both sides at once; one set fewer, at
    # least one), not bird dog's 3 sets each side.
    assert (step.item.sets, step.item.reps, step.item.per_side, step.side) == (1, 6, False, "both")
    html = page.content.decode()
    assert "Bad-back day" in html and "Cat-camel" in html and "Instead of Bird dog" in html
    assert "set 1 of" not in html and "left side" not in html
    assert page.context["steps_total"] == 1
    item = plan.items.get()
    post(
        patient,
        f"/sessions/{session.code}/step/",
        {"item": item.pk, "side": "both", "set_number": 1, "action": "done"},
    )
    log = StepLog.objects.get()
    assert log.exercise.slug == "cat-camel" and log.reps == 6 and log.item == item
    assert Alert.objects.filter(patient=alice, kind="bad_day").count() == 1
    post(patient, "/sessions/bad-day/")  # a second tap changes nothing
    assert Alert.objects.filter(patient=alice, kind="bad_day").count() == 1
    assert ExerciseSession.objects.filter(patient=alice).count() == 1


def finish_yesterday(alice, plan):
    return ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=alice.local_date() - timedelta(days=1),
        pain_before=4,
        pain_after=3,
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_the_morning_check_follows_a_session_and_is_stored_once(patient, alice, plan):
    assert "how did you settle" not in patient.get("/today/").content.decode()
    yesterday = finish_yesterday(alice, plan)
    assert "how did you settle" in patient.get("/today/").content.decode()
    post(patient, "/morning/", {"response": "better", "pain": 2})
    post(patient, "/morning/", {"response": "worse", "pain": 7})  # a retry or a second go
    check = MorningCheck.objects.get()
    assert (check.response, check.pain, check.session) == ("better", 2, yesterday)
    assert "how did you settle" not in patient.get("/today/").content.decode()


@pytest.mark.parametrize(
    "data", [{"response": "better", "pain": 11}, {"response": "fine", "pain": 2}, {"pain": 2}]
)
def test_a_bad_morning_check_is_refused(patient, alice, plan, data):
    finish_yesterday(alice, plan)
    post(patient, "/morning/", data)
    assert not MorningCheck.objects.exists()


def test_the_database_allows_one_morning_check_a_day(alice):
    MorningCheck.objects.create(patient=alice, local_date=date(2026, 3, 1), response="same", pain=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        MorningCheck.objects.create(
            patient=alice, local_date=date(2026, 3, 1), response="worse", pain=5
        )
    assert MorningCheck.objects.count() == 1
