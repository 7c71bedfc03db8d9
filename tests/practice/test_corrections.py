"""A patient corrects a wrongly logged step or pain score within 7 days."""

import pytest

from accounts.models import AuditAction, AuditEvent
from exercises.models import Exercise
from practice.models import ExerciseSession, StepLog
from tests.accounts.test_sign_in import csrf_from
from tests.factories import make_patient, make_plan, make_session


@pytest.fixture
def plan(alice, bob):
    exercises = Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"]).order_by("slug")
    return make_plan(alice, bob, list(exercises))


def form_data(client, url, **changes):
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {"csrfmiddlewaretoken": csrf_from(page)}
    data.update({name: form[name].value() for name in form.fields})
    data.update(changes)
    return data


def test_a_patient_corrects_pain_and_a_step_and_the_original_is_kept(client, alice, plan):
    session = make_session(alice, plan, days_ago=2, before=3, after=2)
    bridge = session.logs.get(exercise__slug="glute-bridge")
    client.force_login(alice)
    url = f"/sessions/{session.code}/correct/"
    data = form_data(client, url, pain_after="6", **{f"step_{bridge.pk}": "skipped:pain"})
    response = client.post(url, data)
    assert response["Location"] == "/history/"
    session.refresh_from_db()
    bridge.refresh_from_db()
    assert (session.pain_before, session.pain_after) == (3, 6)
    assert (bridge.status, bridge.skip_reason) == ("skipped", "pain")
    event = AuditEvent.objects.get(action=AuditAction.LOG_CORRECTED)
    assert event.actor == alice and event.patient == alice
    assert event.detail["changes"] == [
        {"field": "pain_after", "was": 2, "now": 6},
        {"field": f"step {bridge.pk}", "was": "done", "now": "skipped:pain"},
    ]


def test_saving_without_changes_records_nothing(client, alice, plan):
    session = make_session(alice, plan, days_ago=0, before=3, after=2)
    client.force_login(alice)
    url = f"/sessions/{session.code}/correct/"
    assert client.post(url, form_data(client, url))["Location"] == "/history/"
    assert not AuditEvent.objects.filter(action=AuditAction.LOG_CORRECTED).exists()


@pytest.mark.parametrize(
    "bad",
    [{"pain_after": "11"}, {"pain_after": "-1"}, {"pain_before": "abc"}, {"step": "skipped:bored"}],
)
def test_bad_values_are_refused_and_nothing_changes(client, alice, plan, bad):
    session = make_session(alice, plan, days_ago=1, before=3, after=2)
    log = session.logs.first()
    client.force_login(alice)
    url = f"/sessions/{session.code}/correct/"
    if "step" in bad:
        bad = {f"step_{log.pk}": bad["step"]}
    response = client.post(url, form_data(client, url, **bad))
    assert response.status_code == 422
    assert "Please check the answers" in response.text
    session.refresh_from_db()
    log.refresh_from_db()
    assert (session.pain_before, session.pain_after, log.status) == (3, 2, "done")
    assert not AuditEvent.objects.filter(action=AuditAction.LOG_CORRECTED).exists()


def test_after_seven_days_the_log_stands(client, alice, plan):
    old = make_session(alice, plan, days_ago=8, before=3, after=2)
    week = make_session(alice, plan, days_ago=7, before=3, after=2)
    client.force_login(alice)
    assert client.get(f"/sessions/{week.code}/correct/").status_code == 200
    assert client.get(f"/sessions/{old.code}/correct/").status_code == 404
    history = client.get("/history/").text
    assert f"/sessions/{week.code}/correct/" in history
    assert f"/sessions/{old.code}/correct/" not in history


def test_nobody_else_can_correct_a_patients_log(client, alice, bob, plan):
    session = make_session(alice, plan, days_ago=1, before=3, after=2)
    url = f"/sessions/{session.code}/correct/"
    for person in [make_patient(), bob]:
        client.force_login(person)
        assert client.get(url).status_code == 404
    # A stranger's POST (with a valid token of their own) changes nothing either.
    client.force_login(make_patient())
    token = csrf_from(client.get("/account/"))
    assert client.post(url, {"csrfmiddlewaretoken": token, "pain_after": "9"}).status_code == 404
    assert ExerciseSession.objects.get(pk=session.pk).pain_after == 2
    assert StepLog.objects.filter(session=session, status="done").count() == 2
