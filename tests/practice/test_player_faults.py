"""What a database failure in the middle of a player request leaves behind: nothing
half-done that a retry can't finish. The failure is real to the view (an
OperationalError from the database layer, as when PostgreSQL restarts), injected with
Django's execute_wrapper at the moment that matters."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from practice.models import ExerciseSession, SessionStatus
from safety.models import Alert, AlertKind
from tests.factories import make_exercise, make_plan, make_screening


@pytest.fixture
def ready_to_finish(client, alice, bob):
    """Alice yesterday: pain 7 afterwards. Today: checked in, every step done
    (the plan's one step is skipped), so only check-out is left."""
    plan = make_plan(alice, bob, [make_exercise(sets=1, reps=10)])
    make_screening(alice)
    today = alice.local_date()
    ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=today - timedelta(days=1),
        pain_before=6,
        pain_after=7,
        effort="hard",
        status=SessionStatus.COMPLETED,
        finished=timezone.now(),
    )
    session = ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=today, pain_before=6
    )
    client.force_login(alice)
    token = client.get(f"/sessions/{session.code}/").context["csrf_token"]
    item = plan.items.get()
    client.post(
        f"/sessions/{session.code}/step/",
        {"csrfmiddlewaretoken": token, "item": item.pk, "side": "both", "set_number": 1}
        | {"action": "skip", "reason": "pain"},
    )
    return session, token


def check_out(client, session, token):
    return client.post(
        f"/sessions/{session.code}/check-out/",
        {"csrfmiddlewaretoken": token, "pain_worst": 7, "pain": 7, "effort": "hard", "note": ""},
        headers={"HX-Request": "true"},
    )


def test_it_leaves_the_session_open_when_the_database_fails_after_check_outs_update(
    client, alice, ready_to_finish
):
    session, token = ready_to_finish
    updated = []

    def fail_after_the_update(execute, sql, params, many, context):
        # Savepoint statements pass: rolling back is what a lost connection does too.
        if updated and "SAVEPOINT" not in sql:
            raise OperationalError("server closed the connection unexpectedly")
        if sql.startswith('UPDATE "practice_exercisesession"'):
            updated.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_after_the_update), pytest.raises(OperationalError):
        check_out(client, session, token)
    session.refresh_from_db()
    assert updated, "the fault must come after check-out's UPDATE"
    assert (session.status, session.pain_after, session.finished) == ("in_progress", None, None)
    assert not Alert.objects.exists()

    # The player's retry finishes it, and the rules run: pain above 5 twice.
    response = check_out(client, session, token)
    assert response.status_code == 200
    session.refresh_from_db()
    assert (session.status, session.pain_after) == ("completed", 7)
    assert Alert.objects.filter(patient=alice, kind=AlertKind.PAIN_CEILING).count() == 1
