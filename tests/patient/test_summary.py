"""The summary and the patient's view of a past session say exactly what happened to
each exercise (clinical.md §3.1 "Summaries"), and each scale carries its own anchors."""

from datetime import UTC, date, datetime, timedelta

import pytest

from exercises.models import Exercise
from practice.models import ExerciseSession, StepLog
from tests.factories import make_plan, make_screening


@pytest.fixture
def plan(alice, bob):
    exercises = [Exercise.objects.get(slug="glute-bridge"), Exercise.objects.get(slug="clamshell")]
    return make_plan(alice, bob, exercises, start_date=date(2026, 1, 1))


@pytest.fixture
def patient(client, alice):
    client.force_login(alice)
    return client


def finished(alice, plan, days_ago, before, after, **fields):
    return ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=alice.local_date() - timedelta(days=days_ago),
        pain_before=before,
        pain_after=after,
        effort="right",
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
        **fields,
    )


def log(session, item, status, side="both", set_number=1, reason=""):
    StepLog.objects.create(
        session=session,
        item=item,
        exercise=item.exercise,
        side=side,
        set_number=set_number,
        status=status,
        skip_reason=reason,
    )


def test_a_past_session_says_what_happened_to_each_exercise(patient, alice, plan):
    bridge, clam = plan.items.order_by("order")
    session = finished(alice, plan, 2, 3, 3)
    log(session, bridge, "done", set_number=1)
    log(session, bridge, "skipped", set_number=2, reason="pain")
    for set_number in (1, 2):
        for side in ("left", "right"):
            log(session, clam, "easier", side, set_number)
    html = patient.get("/history/").content.decode()
    assert f'href="/sessions/{session.code}/"' in html
    assert "1 made easier, 1 partly skipped for pain · pain 3 → 3" in html
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "1 made easier, 1 partly skipped for pain" in html
    assert "Glute bridge</span>: Partly skipped: it hurt" in html
    assert "Clamshell</span>: Made easier" in html
    assert "exercises done" not in html  # the old "2 of 2 exercises done"


def test_a_fall_above_the_ceiling_is_not_called_a_rise(patient, alice, plan):
    session = finished(alice, plan, 1, 7, 6)
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "went up" not in html
    assert "Your pain came down, from 7 to 6." in html
    assert "still above the level we aim for (5 out of 10 or less)" in html


def test_the_history_list_says_a_session_was_stopped_early(patient, alice, plan):
    finished(alice, plan, 1, 4, 5, stopped_reason="pain")
    html = patient.get("/history/").content.decode()
    assert "Stopped early: it hurt" in html


def test_the_activity_scale_has_its_own_anchors(patient, alice, plan):
    html = patient.get("/activities/").content.decode()
    assert "0 = can&#x27;t do it at all" in html or "0 = can't do it at all" in html
    assert "10 = as well as before the problem" in html
    assert "no pain" not in html and "worst pain" not in html


def test_the_pain_scale_keeps_the_pain_anchors(patient, alice, plan):
    make_screening(alice)
    session = ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date()
    )
    html = patient.get(f"/sessions/{session.code}/").content.decode()
    assert "0 = no pain" in html and "10 = worst pain imaginable" in html
    assert "as well as before" not in html
