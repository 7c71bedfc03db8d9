"""Stop for today: at any step, with a reason; the steps left are logged as not done,
then the usual check-out completes the session with its evidence."""

import pytest
from django.db import IntegrityError, transaction

from organisations.models import Clinic
from practice.models import ExerciseSession, SessionStatus, StepLog, StepStatus
from tests.practice.test_player import checked_in, post, start, step_data


def stop(client, session, reason, htmx=False):
    return post(client, f"/sessions/{session.code}/stop/", {"reason": reason}, htmx=htmx)


def test_the_stop_control_is_on_every_step(patient, plan):
    session = checked_in(patient)
    for index in range(6):
        html = patient.get(f"/sessions/{session.code}/").content.decode()
        assert f'action="/sessions/{session.code}/stop/"' in html
        assert "Stop for today" in html and 'name="reason" value="unwell"' in html
        if index < 2:
            post(
                patient, f"/sessions/{session.code}/step/", step_data(plan, 0, set_number=index + 1)
            )
        else:
            side, set_number = ("left", "right")[index % 2], 1 + (index - 2) // 2
            post(
                patient,
                f"/sessions/{session.code}/step/",
                step_data(plan, 1, side=side, set_number=set_number),
            )
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "/stop/" not in html  # at check-out there is nothing left to stop


def test_stopping_for_pain_saves_the_reason_and_logs_the_rest_as_not_done(patient, plan):
    session = checked_in(patient, pain=3)
    post(patient, f"/sessions/{session.code}/step/", step_data(plan, 0))
    response = stop(patient, session, "pain")
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.stopped_reason == "pain" and session.stopped_for_pain
    assert session.status == SessionStatus.IN_PROGRESS  # check-out still to come
    logs = list(session.logs.order_by("id"))
    assert [log.status for log in logs] == ["done"] + ["stopped"] * 5
    assert {log.skip_reason for log in logs[1:]} == {"pain"}
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "You stopped for today. How is your back now?" in html
    assert "You were right to stop when it hurt." in html
    post(
        patient,
        f"/sessions/{session.code}/check-out/",
        {"pain_worst": 4, "pain": 4, "effort": "hard"},
    )
    session.refresh_from_db()
    assert session.status == SessionStatus.COMPLETED and session.pain_after == 4
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "Stopped early: it hurt" in html
    assert "1 partly done before stopping, 1 not done (stopped early)" in html
    assert "Partly done, then stopped: it hurt" in html
    assert "Not done, stopped early: it hurt" in html


def test_the_advice_after_stopping_for_pain_gives_the_clinics_phone(patient, plan):
    Clinic.objects.update(name="Riverside Physio", phone="01632 960123")  # the patient's
    session = checked_in(patient)
    stop(patient, session, "unwell")
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "You were right to stop when you felt unwell." in html
    assert 'Call Riverside Physio on <a class="tel-link" href="tel:01632960123">' in html
    assert 'href="tel:999"' in html  # the warning signs, with the emergency number


def test_stopping_for_lack_of_time_gives_no_safety_advice(patient, plan):
    session = checked_in(patient)
    stop(patient, session, "no_time")
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "You stopped for today" in html and "You were right to stop" not in html
    session.refresh_from_db()
    assert not session.stopped_for_pain and session.stopped_early


def test_a_retried_stop_changes_nothing(patient, plan):
    session = checked_in(patient)
    stop(patient, session, "pain")
    stop(patient, session, "no_time", htmx=True)
    session.refresh_from_db()
    assert session.stopped_reason == "pain"
    assert StepLog.objects.filter(session=session).count() == 6
    assert set(StepLog.objects.values_list("skip_reason", flat=True)) == {"pain"}


@pytest.mark.parametrize("data", [{}, {"reason": "bored"}, {"reason": "too_hard"}])
def test_a_stop_without_a_valid_reason_is_refused_and_nothing_is_stored(patient, plan, data):
    session = checked_in(patient)
    response = post(patient, f"/sessions/{session.code}/stop/", data, htmx=True)
    assert response.status_code == 422
    assert "Choose why you are stopping." in response.content.decode()
    session.refresh_from_db()
    assert session.stopped_reason == "" and not session.logs.exists()


def test_stop_refuses_get_and_strangers(client, patient, plan, charlie):
    session = checked_in(patient)
    assert patient.get(f"/sessions/{session.code}/stop/").status_code == 405
    client.force_login(charlie)
    assert stop(client, session, "pain").status_code == 404
    session.refresh_from_db()
    assert session.stopped_reason == "" and not session.logs.exists()


def test_before_the_check_in_there_is_nothing_to_stop(patient, plan):
    session = start(patient)
    stop(patient, session, "pain")
    session.refresh_from_db()
    assert session.stopped_reason == "" and not session.logs.exists()


def test_the_database_keeps_the_reasons_coherent(patient, plan):
    session = checked_in(patient)
    with transaction.atomic(), pytest.raises(IntegrityError):
        ExerciseSession.objects.filter(pk=session.pk).update(stopped_reason="bored")
    item = plan.items.first()
    with transaction.atomic(), pytest.raises(IntegrityError):
        StepLog.objects.create(
            session=session,
            item=item,
            exercise=item.exercise,
            side="both",
            set_number=1,
            status=StepStatus.STOPPED,
            skip_reason="",
        )
