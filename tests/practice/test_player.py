import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from practice.models import ExerciseSession, SessionStatus, StepLog
from tests.factories import make_exercise, make_patient, make_plan, make_screening


def token(client) -> str:
    return client.get("/today/").context["csrf_token"]


def post(client, url, data=None, htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, {"csrfmiddlewaretoken": token(client), **(data or {})}, headers=headers)


def start(client) -> ExerciseSession:
    response = post(client, "/sessions/start/")
    assert response.status_code == 302
    return ExerciseSession.objects.get(code=response["Location"].split("/")[2])


def step_data(plan, index=0, side="both", set_number=1, action="done", **extra):
    item = list(plan.items.all())[index]
    return {"item": item.pk, "side": side, "set_number": set_number, "action": action, **extra}


def checked_in(client, pain=4) -> ExerciseSession:
    session = start(client)
    post(client, f"/sessions/{session.code}/check-in/", {"pain": pain})
    session.refresh_from_db()
    return session


# --- starting ---------------------------------------------------------------------


def test_start_twice_opens_the_same_session(patient, alice):
    first, second = start(patient), start(patient)
    assert first == second
    assert ExerciseSession.objects.filter(patient=alice).count() == 1
    assert first.local_date == alice.local_date()


def test_start_refuses_get(patient):
    assert patient.get("/sessions/start/").status_code == 405
    assert not ExerciseSession.objects.exists()


def test_without_a_plan_there_is_nothing_to_start(client, charlie):
    client.force_login(charlie)
    response = post(client, "/sessions/start/")
    assert response["Location"] == "/today/"
    assert not ExerciseSession.objects.exists()


@pytest.mark.parametrize("persona", ["bob", "dana"])
def test_clinicians_cannot_start_sessions(client, request, persona, plan):
    client.force_login(request.getfixturevalue(persona))
    assert post(client, "/sessions/start/").status_code == 404
    assert not ExerciseSession.objects.exists()


# --- check-in ------------------------------------------------------------------------


def test_check_in_stores_the_pain_score(patient):
    session = checked_in(patient, pain=4)
    assert session.pain_before == 4


@pytest.mark.parametrize("pain", ["-1", "11", "abc", "", "4.5", "1e1"])
def test_bad_pain_scores_are_refused_and_nothing_is_stored(patient, pain):
    session = start(patient)
    response = post(patient, f"/sessions/{session.code}/check-in/", {"pain": pain}, htmx=True)
    assert response.status_code == 422
    assert b"Choose a number from 0" in response.content
    assert b"<html" not in response.content
    session.refresh_from_db()
    assert session.pain_before is None


def test_a_retried_check_in_keeps_the_first_answer(patient):
    session = checked_in(patient, pain=4)
    post(patient, f"/sessions/{session.code}/check-in/", {"pain": 7})
    session.refresh_from_db()
    assert session.pain_before == 4


def test_the_database_refuses_pain_outside_0_to_10(alice, plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseSession.objects.create(
            patient=alice, plan=plan, local_date=date(2026, 2, 1), pain_before=11
        )
    assert not ExerciseSession.objects.exists()


# --- steps ---------------------------------------------------------------------------


def test_a_step_posted_twice_is_logged_once(patient, plan):
    session = checked_in(patient)
    data = step_data(plan)
    first = post(patient, f"/sessions/{session.code}/step/", data, htmx=True)
    second = post(patient, f"/sessions/{session.code}/step/", data, htmx=True)
    assert first.status_code == second.status_code == 200
    assert StepLog.objects.filter(session=session).count() == 1
    # Both answers show the same next step: set 2 of the bridge.
    assert b"set 2 of 2" in first.content and b"set 2 of 2" in second.content


def test_the_log_keeps_the_dose_actually_given(patient, plan):
    session = checked_in(patient)
    post(patient, f"/sessions/{session.code}/step/", step_data(plan))
    plan.items.update(reps=12)
    log = StepLog.objects.get()
    assert (log.reps, log.hold_seconds, log.status) == (10, 3, "done")


def test_the_database_refuses_a_duplicate_step(patient, plan):
    session = checked_in(patient)
    post(patient, f"/sessions/{session.code}/step/", step_data(plan))
    log = StepLog.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        StepLog.objects.create(
            session=session,
            item=log.item,
            exercise=log.exercise,
            side=log.side,
            set_number=log.set_number,
            status="done",
        )
    assert StepLog.objects.count() == 1


def test_resume_after_a_reload_shows_the_next_unlogged_step(patient, plan):
    session = checked_in(patient)
    url = f"/sessions/{session.code}/step/"
    post(patient, url, step_data(plan, 0, set_number=1))
    post(patient, url, step_data(plan, 0, set_number=2))
    post(patient, url, step_data(plan, 1, side="left", set_number=1))
    page = patient.get(f"/sessions/{session.code}/")
    html = page.content.decode()
    assert page.context["step"].exercise.slug == "clamshell"
    assert page.context["step"].side == "right"
    assert "Exercise 2 of 2" in html and "right side" in html and "set 1 of 2" in html
    assert "Switch sides" in html


def test_per_side_exercises_go_left_then_right_each_set(patient, plan):
    session = checked_in(patient)
    url = f"/sessions/{session.code}/step/"
    for set_number in (1, 2):
        post(patient, url, step_data(plan, 0, set_number=set_number))
    order = []
    for _ in range(4):
        step = patient.get(f"/sessions/{session.code}/").context["step"]
        order.append((step.side, step.set_number))
        post(patient, url, step_data(plan, 1, side=step.side, set_number=step.set_number))
    assert order == [("left", 1), ("right", 1), ("left", 2), ("right", 2)]


def test_easier_is_logged_as_done_but_easier(patient, plan):
    session = checked_in(patient)
    post(patient, f"/sessions/{session.code}/step/", step_data(plan, action="easier"))
    assert StepLog.objects.get().status == "easier"


def test_skip_needs_a_reason_and_then_skips_the_whole_exercise(patient, plan):
    session = checked_in(patient)
    url = f"/sessions/{session.code}/step/"
    response = post(patient, url, step_data(plan, 1, side="left", action="skip"), htmx=True)
    assert response.status_code == 422
    assert b"Choose why you are skipping" in response.content
    assert not StepLog.objects.exists()
    post(patient, url, step_data(plan, 1, side="left", action="skip", reason="pain"))
    logs = StepLog.objects.filter(session=session)
    assert logs.count() == 4  # both sides of both sets of the clamshell
    assert set(logs.values_list("status", "skip_reason")) == {("skipped", "pain")}
    post(patient, url, step_data(plan, 1, side="left", action="skip", reason="pain"))
    assert logs.count() == 4


def test_skipping_one_side_of_one_set_saves_exactly_that_log(patient, plan):
    """Issue 16: skipping the left side of set 1 of a two-sided exercise once also
    saved the right side's set. Only the step the patient chose is logged now."""
    session = checked_in(patient)
    url = f"/sessions/{session.code}/step/"
    for set_number in (1, 2):  # the bridge
        post(patient, url, step_data(plan, 0, set_number=set_number))
    data = step_data(plan, 1, side="left", action="skip", reason="pain", scope="side")
    response = post(patient, url, data, htmx=True)
    assert response.status_code == 200
    skipped = StepLog.objects.filter(session=session, status="skipped")
    assert list(skipped.values_list("side", "set_number", "skip_reason")) == [("left", 1, "pain")]
    assert StepLog.objects.filter(session=session).count() == 3
    # The player moves on to the same set's other side, which is still to do.
    assert b"right side" in response.content and b"set 1 of 2" in response.content
    post(patient, url, data)  # a retry logs nothing more
    assert StepLog.objects.filter(session=session).count() == 3


def test_a_refused_skip_keeps_the_patients_choice_of_what_to_skip(patient, plan):
    """A skip without a reason comes back with "Only the left side" still chosen, not
    reset to "the rest of this exercise" (which a second tap would then save)."""
    session = checked_in(patient)
    url = f"/sessions/{session.code}/step/"
    for set_number in (1, 2):
        post(patient, url, step_data(plan, 0, set_number=set_number))
    data = step_data(plan, 1, side="left", action="skip", scope="side")
    response = post(patient, url, data, htmx=True)
    assert response.status_code == 422
    html = response.content.decode()
    assert re.search(r'name="scope" value="side" checked', html)
    assert not re.search(r'name="scope" value="exercise" checked', html)
    assert StepLog.objects.filter(session=session).count() == 2


def test_skipping_one_set_saves_both_its_sides_and_no_other_set(patient, plan):
    session = checked_in(patient)
    url = f"/sessions/{session.code}/step/"
    for set_number in (1, 2):
        post(patient, url, step_data(plan, 0, set_number=set_number))
    post(
        patient, url, step_data(plan, 1, side="left", action="skip", reason="no_time", scope="set")
    )
    skipped = StepLog.objects.filter(session=session, status="skipped")
    assert sorted(skipped.values_list("side", "set_number")) == [("left", 1), ("right", 1)]
    step = patient.get(f"/sessions/{session.code}/").context["step"]
    assert (step.side, step.set_number) == ("left", 2)


@pytest.mark.parametrize("scope", ["both", "everything", "session"])
def test_an_unknown_skip_scope_is_refused_and_nothing_is_stored(patient, plan, scope):
    session = checked_in(patient)
    data = step_data(plan, 1, side="left", action="skip", reason="pain", scope=scope)
    response = post(patient, f"/sessions/{session.code}/step/", data, htmx=True)
    assert response.status_code == 422
    assert not StepLog.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"item": "abc", "side": "both", "set_number": 1, "action": "done"},
        {"item": 1, "side": "middle", "set_number": 1, "action": "done"},
        {"item": "", "side": "both", "set_number": 1, "action": "done"},
        {"set_number": 99},
        {"action": "teleport"},
    ],
)
def test_malformed_steps_are_refused_and_nothing_is_stored(patient, plan, data):
    session = checked_in(patient)
    defaults = step_data(plan)
    response = post(patient, f"/sessions/{session.code}/step/", {**defaults, **data}, htmx=True)
    assert response.status_code == 422
    assert not StepLog.objects.exists()


def test_an_item_from_someone_elses_plan_is_refused(patient, plan, charlie, dana):
    other_plan = make_plan(charlie, dana, [make_exercise()])
    session = checked_in(patient)
    foreign = {"item": other_plan.items.get().pk, "side": "both", "set_number": 1, "action": "done"}
    response = post(patient, f"/sessions/{session.code}/step/", foreign, htmx=True)
    assert response.status_code == 422
    assert b"isn&#x27;t part of this session" in response.content
    assert not StepLog.objects.exists()


def test_a_strangers_session_is_a_404_for_every_view(client, patient, plan, charlie):
    session = checked_in(patient)
    client.force_login(charlie)
    assert client.get(f"/sessions/{session.code}/").status_code == 404
    for path, data in [
        ("check-in/", {"pain": 1}),
        ("step/", step_data(plan)),
        ("check-out/", {"pain_worst": 1, "pain": 1, "effort": "easy"}),
    ]:
        assert post(client, f"/sessions/{session.code}/{path}", data).status_code == 404
    session.refresh_from_db()
    assert (session.pain_before, session.status) == (4, "in_progress")
    assert not StepLog.objects.exists()


def test_an_unknown_session_code_is_a_404(patient):
    assert patient.get("/sessions/00000000-0000-0000-0000-000000000000/").status_code == 404


# --- check-out and summary ------------------------------------------------------------


def finish_steps(client, session, plan):
    url = f"/sessions/{session.code}/step/"
    while (step := client.get(f"/sessions/{session.code}/").context["step"]) is not None:
        post(
            client,
            url,
            step_data(plan, step.exercise_number - 1, side=step.side, set_number=step.set_number),
        )


def test_check_out_before_the_steps_are_done_changes_nothing(patient, plan):
    session = checked_in(patient)
    post(
        patient,
        f"/sessions/{session.code}/check-out/",
        {"pain_worst": 2, "pain": 2, "effort": "easy"},
    )
    session.refresh_from_db()
    assert session.status == "in_progress" and session.pain_after is None


@pytest.mark.parametrize(
    "data",
    [
        {"pain_worst": "3", "pain": "11", "effort": "easy"},
        {"pain_worst": "11", "pain": "3", "effort": "easy"},
        {"pain_worst": "-1", "pain": "3", "effort": "easy"},
        {"pain": "3", "effort": "easy"},  # the worst pain during is asked too
        {"pain_worst": "3", "pain": "3", "effort": "lazy"},
        {"pain": "3"},
        {"pain_worst": "3", "pain": "3", "effort": "easy", "note": "x" * 1001},
    ],
)
def test_bad_check_out_is_refused_and_nothing_is_stored(patient, plan, data):
    session = checked_in(patient)
    finish_steps(patient, session, plan)
    response = post(patient, f"/sessions/{session.code}/check-out/", data, htmx=True)
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.status == "in_progress" and session.pain_after is None and session.note == ""
    assert session.pain_worst is None


def test_a_whole_session_ends_in_a_summary(patient, plan):
    session = checked_in(patient, pain=4)
    finish_steps(patient, session, plan)
    response = post(
        patient,
        f"/sessions/{session.code}/check-out/",
        {"pain_worst": 5, "pain": 3, "effort": "right", "note": "Felt good"},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.COMPLETED and session.finished
    assert (session.pain_before, session.pain_after, session.effort) == (4, 3, "right")
    assert session.pain_worst == 5 and session.pain_during == 5
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "2 done fully" in html and "Pain 4 → 3" in html
    # A retried check-out changes nothing.
    post(
        patient,
        f"/sessions/{session.code}/check-out/",
        {"pain_worst": 9, "pain": 9, "effort": "hard"},
    )
    session.refresh_from_db()
    assert session.pain_after == 3


def test_htmx_gets_fragments_and_plain_forms_get_redirects(patient, plan):
    session = start(patient)
    plain = post(patient, f"/sessions/{session.code}/check-in/", {"pain": 2})
    assert plain.status_code == 302 and plain["Location"] == f"/sessions/{session.code}/"
    fragment = post(patient, f"/sessions/{session.code}/step/", step_data(plan), htmx=True)
    assert fragment.content.decode().lstrip().startswith('<div id="player"')
    assert b"<html" not in fragment.content


# --- dates and query counts --------------------------------------------------------------


def test_due_today_follows_each_patients_own_date(client, bob):
    """At 23:30 UTC on Sunday 29 March 2026 it is already Monday in Auckland and still
    Sunday in Los Angeles: a Monday-only plan is due for one and not the other."""
    auckland = make_patient(timezone="Pacific/Auckland")
    los_angeles = make_patient(timezone="America/Los_Angeles")
    exercises = [Exercise.objects.get(slug="glute-bridge")]
    for person in (auckland, los_angeles):
        make_plan(person, bob, exercises, start_date=date(2026, 3, 1), schedule_days=0b0000001)
    with time_machine.travel(datetime(2026, 3, 29, 23, 30, tzinfo=UTC), tick=False):
        for person in (auckland, los_angeles):
            make_screening(person)
        client.force_login(auckland)
        html = client.get("/today/").content.decode()
        assert "Monday 30 March" in html and "Due today" in html
        start(client)
        client.force_login(los_angeles)
        html = client.get("/today/").content.decode()
        assert "Sunday 29 March" in html and "Rest day" in html
        assert "Monday 30 March" in html  # "your next session is on Monday 30 March"
    assert ExerciseSession.objects.get(patient=auckland).local_date == date(2026, 3, 30)


def test_an_unfinished_session_from_an_earlier_day_is_read_only(patient, alice, plan):
    session = checked_in(patient)
    ExerciseSession.objects.filter(pk=session.pk).update(
        local_date=alice.local_date() - timedelta(days=3)
    )
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "This session wasn&#x27;t finished" in html or "This session wasn't finished" in html
    for path, data in [
        ("step/", step_data(plan)),
        ("check-out/", {"pain_worst": 2, "pain": 2, "effort": "easy"}),
    ]:
        post(patient, f"/sessions/{session.code}/{path}", data)
    session.refresh_from_db()
    assert session.status == "in_progress" and session.pain_after is None
    assert not StepLog.objects.exists()


def test_a_big_rise_in_pain_gets_clear_advice(patient, plan):
    session = checked_in(patient, pain=3)
    finish_steps(patient, session, plan)
    post(
        patient,
        f"/sessions/{session.code}/check-out/",
        {"pain_worst": 6, "pain": 6, "effort": "hard"},
    )
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert (
        "Don&#x27;t do any more exercise today" in html
        or "Don't do any more exercise today" in html
    )
    assert 'call <a class="tel-link" href="tel:999">999</a>' in html


def test_high_pain_at_check_in_brings_a_caution(patient, plan):
    session = checked_in(patient, pain=8)
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "Your pain is high today (8 out of 10)" in html


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_player_keeps_a_fixed_number_of_queries_with_5_and_20_items(client, alice, bob):
    client.force_login(alice)
    make_screening(alice)
    small = make_plan(alice, bob, [make_exercise() for _ in range(5)], start_date=date(2026, 1, 1))
    session = checked_in(client)
    cache.clear()
    at_five = count(client, f"/sessions/{session.code}/")
    kept_at_five = count(client, f"/sessions/{session.code}/")
    ExerciseSession.objects.all().delete()
    small.active = False
    small.save()
    make_plan(alice, bob, [make_exercise() for _ in range(20)], start_date=date(2026, 1, 1))
    session = checked_in(client)
    assert session.plan.items.count() == 20
    # Django's session, the user, the session with its plan (and whether a safety answer
    # pauses exercise: read with it), the plan's items, the logs; the items are then kept
    # under the record stamp (practice/player.py: plan_items).
    cache.clear()
    assert count(client, f"/sessions/{session.code}/") == at_five == 5
    assert count(client, f"/sessions/{session.code}/") == kept_at_five == 4


def add_past_sessions(patient, plan, total: int) -> None:
    today = patient.local_date()
    existing = ExerciseSession.objects.filter(patient=patient).count()
    ExerciseSession.objects.bulk_create(
        ExerciseSession(
            patient=patient,
            plan=plan,
            local_date=today - timedelta(days=n),
            pain_before=n % 10,
            pain_after=(n + 1) % 10,
            status="completed",
            finished=datetime(2026, 1, 1, tzinfo=UTC),
        )
        for n in range(existing + 1, total + 1)
    )


# Worked out, then kept under the record stamp (patient/today.py, patient/history.py).
# The sessions are added in bulk (the inserts' trigger changes the stamp); the cache is
# emptied as well, so the first visit is worked out whatever the stamp.
@pytest.mark.parametrize(("url", "worked_out", "kept"), [("/today/", 11, 2), ("/history/", 8, 2)])
def test_today_and_history_keep_a_fixed_number_of_queries_at_10_and_1000_sessions(
    patient, alice, plan, url, worked_out, kept
):
    add_past_sessions(alice, plan, 10)
    cache.clear()
    assert (count(patient, url), count(patient, url)) == (worked_out, kept)
    add_past_sessions(alice, plan, 1000)
    assert ExerciseSession.objects.filter(patient=alice).count() == 1000
    cache.clear()
    assert (count(patient, url), count(patient, url)) == (worked_out, kept)


def test_the_player_keeps_a_fixed_number_of_queries_at_10_and_1000_past_sessions(
    patient, alice, plan
):
    session = checked_in(patient)
    url = f"/sessions/{session.code}/"
    add_past_sessions(alice, plan, 10)
    cache.clear()
    assert (count(patient, url), count(patient, url)) == (5, 4)
    add_past_sessions(alice, plan, 1000)
    cache.clear()
    assert (count(patient, url), count(patient, url)) == (5, 4)
