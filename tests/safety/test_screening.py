from datetime import date

import pytest

from safety import rules as safety
from safety.models import Alert, Screening, ScreeningQuestion
from tests.factories import make_alert, make_exercise, make_plan, make_screening

TIERS = {"a": "emergency", "b": "urgent", "c": "review"}


@pytest.mark.parametrize(
    ("answers", "result"),
    [
        ({"a": False, "b": False, "c": False}, "clear"),
        ({"a": False, "b": False, "c": True}, "review"),
        ({"a": False, "b": True, "c": False}, "urgent"),
        ({"a": False, "b": True, "c": True}, "urgent"),
        ({"a": True, "b": False, "c": False}, "emergency"),
        ({"a": True, "b": True, "c": True}, "emergency"),
        ({}, "clear"),
        ({"unknown": True}, "clear"),  # a question since removed counts for nothing
    ],
)
def test_tier_is_the_most_serious_yes(answers, result):
    assert safety.tier(answers, TIERS) == result


@pytest.mark.parametrize(
    ("result", "locks", "pauses"),
    [
        ("emergency", True, True),
        ("urgent", True, True),
        ("review", False, True),
        ("clear", False, False),
    ],
)
def test_what_each_tier_does(result, locks, pauses):
    assert safety.locks_exercise(result) is locks
    assert safety.pauses_progression(result) is pauses


@pytest.mark.parametrize(
    ("last", "today", "changed", "due"),
    [
        (None, date(2026, 3, 9), False, True),  # before the first session
        (date(2026, 3, 3), date(2026, 3, 9), False, False),  # 6 days
        (date(2026, 3, 2), date(2026, 3, 9), False, True),  # exactly a week
        (date(2026, 3, 9), date(2026, 3, 9), True, True),  # "something changed"
    ],
)
def test_check_due(last, today, changed, due):
    assert safety.check_due(last, today, changed) is due


@pytest.mark.django_db
def test_the_thirteen_questions_ship_in_four_tiers_with_their_timing():
    questions = list(ScreeningQuestion.objects.filter(active=True))
    assert len(questions) == 13
    assert [q.tier for q in questions] == (
        ["emergency"] * 5 + ["urgent"] * 3 + ["history"] * 2 + ["review"] * 3
    )
    assert [q.when for q in questions] == ["every"] * 8 + ["once"] * 2 + ["every"] * 2 + [
        "after_two_weeks"
    ]
    assert all(q.short_name and len(q.short_name) <= 60 for q in questions)
    # Episodic questions ask about the time since the last check on re-checks.
    for q in questions:
        if q.when == "every":
            assert q.recheck_text.startswith("Since your last check, "), q.key
    assert len({q.key for q in questions}) == 13


def answers(yes=()):
    return {q.key: "yes" if q.key in yes else "no" for q in ScreeningQuestion.objects.all()}


@pytest.fixture
def patient(client, alice, bob):
    make_plan(alice, bob, [], start_date=date(2026, 1, 1))
    client.force_login(alice)
    return client


def post(client, url, data):
    token = client.get("/today/").context["csrf_token"]
    return client.post(url, {"csrfmiddlewaretoken": token, **data})


def test_the_check_is_asked_before_the_first_session(patient):
    html = patient.get("/today/").content.decode()
    assert "Start with the safety check" in html
    response = post(patient, "/sessions/start/", {})
    assert response["Location"] == "/safety/"


def test_unanswered_questions_are_refused_and_nothing_is_stored(patient):
    data = answers()
    data.pop("bowel")
    response = post(patient, "/safety/", data)
    assert response.status_code == 422
    assert b"Please answer yes or no." in response.content
    assert not Screening.objects.exists() and not Alert.objects.exists()
    data["bowel"] = "maybe"
    assert post(patient, "/safety/", data).status_code == 422
    assert not Screening.objects.exists()


def test_an_emergency_answer_locks_exercise_alerts_and_says_what_to_do(patient, alice):
    response = post(patient, "/safety/", answers(yes={"bladder"}))
    screening = Screening.objects.get()
    assert response["Location"] == f"/safety/{screening.code}/"
    assert screening.tier == "emergency" and screening.locked
    html = patient.get(response["Location"]).content.decode()
    assert 'Call <a class="tel-link" href="tel:999">999</a> or go to A&amp;E now' in html
    assert "cannot tell what is causing it" in html
    alert = Alert.objects.get()
    assert alert.kind == "red_flag" and alert.patient == alice and "urine" in alert.detail
    today = patient.get("/today/").content.decode()
    assert "Exercise is paused" in today and "Start today" not in today
    assert post(patient, "/sessions/start/", {})["Location"] == "/today/"
    assert not alice.sessions.exists()


def test_review_answers_alert_but_do_not_lock(patient):
    post(patient, "/safety/", answers(yes={"night-pain"}))
    screening = Screening.objects.get()
    assert screening.tier == "review" and not screening.locked
    assert Alert.objects.count() == 1
    assert "Start today" in patient.get("/today/").content.decode()


def test_a_clear_check_lets_the_session_start_and_is_asked_again_after_a_week(patient, alice):
    post(patient, "/safety/", answers())
    assert Screening.objects.get().tier == "clear" and not Alert.objects.exists()
    response = post(patient, "/sessions/start/", {})
    assert response["Location"].startswith("/sessions/")
    Screening.objects.update(local_date=date(2026, 1, 1))  # long ago
    started = alice.sessions.count()
    alice.sessions.all().delete()
    assert post(patient, "/sessions/start/", {})["Location"] == "/safety/"
    assert alice.sessions.count() == 0 and started == 1


def test_only_the_linked_clinician_clears_a_lock_and_a_note_is_needed(client, alice, bob, dana):
    screening = make_screening(alice, tier="emergency")
    alert = make_alert(alice, "red_flag", screening=screening)
    url = f"/clinic/patients/{alice.code}/screenings/{screening.code}/clear/"
    client.force_login(dana)
    token = client.get("/clinic/patients/").context["csrf_token"]
    assert client.post(url, {"csrfmiddlewaretoken": token, "note": "ok"}).status_code == 404
    client.force_login(bob)
    token = client.get("/clinic/patients/").context["csrf_token"]
    client.post(url, {"csrfmiddlewaretoken": token, "note": ""})
    screening.refresh_from_db()
    assert screening.locked
    client.post(url, {"csrfmiddlewaretoken": token, "note": "Spoke by phone; seen by GP, clear."})
    screening.refresh_from_db()
    alert.refresh_from_db()
    assert not screening.locked and screening.cleared_by == bob
    assert alert.resolved_at and alert.resolution.startswith("Spoke by phone")


def test_open_alerts_put_a_patient_first_in_the_clinicians_list(client, alice, bob):
    from tests.factories import link, make_patient

    others = [make_patient(name=f"Zed {n}") for n in range(3)]
    for other in others:
        link(bob, other)
    make_alert(alice, "red_flag")
    client.force_login(bob)
    rows = client.get("/clinic/patients/").context["rows"]
    assert rows[0]["patient"] == alice
    html = client.get("/clinic/patients/").content.decode()
    assert '<span class="tier-badge tier-badge--emergency">Emergency</span>' in html
    assert "Red flag answered yes" in html  # the alert's title, not a count


def test_the_safety_pages_are_only_for_patients(client, bob):
    client.force_login(bob)
    assert client.get("/safety/").status_code == 404


def test_a_red_flag_during_a_session_pauses_it_and_refuses_further_steps(patient, alice):
    from practice.models import ExerciseSession, StepLog
    from tests.factories import make_exercise

    plan = alice.plans.get()
    from routines.models import RoutineItem

    RoutineItem.from_exercise(make_exercise(), routine=plan, order=0).save()
    make_screening(alice, days_ago=1)
    post(patient, "/sessions/start/", {})
    session = ExerciseSession.objects.get(patient=alice)
    post(patient, f"/sessions/{session.code}/check-in/", {"pain": 3})
    post(patient, "/safety/", answers(yes={"saddle-numbness"}))
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "Exercise is paused" in html and 'href="tel:999"' in html
    item = plan.items.get()
    post(
        patient,
        f"/sessions/{session.code}/step/",
        {"item": item.pk, "side": "both", "set_number": 1, "action": "done"},
    )
    assert not StepLog.objects.exists()


def test_answering_no_afterwards_does_not_lift_the_lock(patient, alice):
    post(patient, "/safety/", answers(yes={"bladder"}))
    post(patient, "/safety/", answers())  # all "no" a minute later
    today = patient.get("/today/").content.decode()
    assert "Exercise is paused" in today
    assert post(patient, "/sessions/start/", {})["Location"] == "/today/"
    assert post(patient, "/sessions/bad-day/", {})["Location"] == "/today/"
    assert not alice.sessions.exists()


def test_a_review_answer_withdraws_a_waiting_progress_suggestion(patient, alice, bob):
    from progression.models import Suggestion
    from routines.models import RoutineItem

    plan = alice.plans.get()
    item = RoutineItem.from_exercise(make_exercise(), routine=plan, order=0)
    item.save()
    Suggestion.objects.create(
        patient=alice,
        item=item,
        kind="progress",
        reason="low pain",
        exercise=item.exercise,
        sets=2,
        reps=12,
        based_on=Suggestion.snapshot(item),
    )
    post(patient, "/safety/", answers(yes={"night-pain"}))
    assert Suggestion.objects.get().status == "superseded"


@pytest.mark.parametrize(
    ("note", "message"),
    [("a\x00b", "Null characters are not allowed"), ("x" * 2001, "under 2,000 characters")],
)
def test_a_bad_note_is_refused_with_a_message_and_nothing_changes(
    client, alice, bob, note, message
):
    screening = make_screening(alice, tier="urgent")
    alert = make_alert(alice, "inactive")
    client.force_login(bob)
    token = client.get(f"/clinic/patients/{alice.code}/").context["csrf_token"]
    for url in [
        f"/clinic/patients/{alice.code}/screenings/{screening.code}/clear/",
        f"/clinic/patients/{alice.code}/alerts/{alert.code}/resolve/",
    ]:
        response = client.post(url, {"csrfmiddlewaretoken": token, "note": note}, follow=True)
        assert message in response.text
    screening.refresh_from_db()
    alert.refresh_from_db()
    assert screening.locked and screening.cleared_note == ""
    assert alert.resolved_at is None and alert.resolution == ""


def test_a_spanish_speaking_patient_gets_the_questions_in_spanish(patient, alice):
    from tests.factories import speak

    speak(alice, "es")
    html = patient.get("/safety/").content.decode()
    assert "¿Tiene fiebre, escalofríos o tiritona a la vez que dolor de espalda?" in html
    assert "Do you have a fever" not in html
    post(patient, "/safety/", answers())
    html = patient.get("/safety/?changed=1").content.decode()
    assert "Desde su última revisión, ¿ha tenido fiebre" in html
    assert "¿Ha tenido cáncer alguna vez?" in html  # asked again: something changed


def test_a_known_answer_is_shown_as_new_or_changed_on_the_page(patient, alice, bob):
    from safety.models import KnownAnswer

    post(patient, "/safety/", answers())
    KnownAnswer.objects.create(patient=alice, question_key="fever", noted_by=bob, note="Known")
    html = patient.get("/safety/").content.decode()
    assert html.count("Your clinician knows about this.") == 1
    assert 'aria-describedby="id_fever_known"' in html
