"""The same step arriving twice at the same moment (the player's retry racing the first
send, or two tabs) is logged once, and both answers show the same next step.

Each request runs in its own thread with its own database connection and transaction,
as under gunicorn. A barrier holds each thread just before its INSERT into the step log,
so both have already looked for the log and found none: the worst interleaving, every
time, rather than whenever the scheduler happens to produce it. Only the unique
constraint (the insert skips a row it would duplicate: ON CONFLICT DO NOTHING) stands
between that and two logs. PostgreSQL only: SQLite takes one database-wide write lock at
BEGIN, so two writers can't interleave there at all.
"""

import contextlib
import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client

from practice.models import ExerciseSession, StepLog
from tests.factories import make_exercise, make_plan, make_screening

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite serialises all "
        "writers with one lock, so two requests can't race there",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def session(alice, bob):
    """Alice, checked in to today's session of one exercise: 2 sets, each side."""
    plan = make_plan(alice, bob, [make_exercise(sets=2, reps=10, per_side=True)])
    make_screening(alice)
    return ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date(), pain_before=3
    )


def post_at_once(user, path: str, data: dict, threads: int = 2) -> list:
    """POST `data` from `threads` clients at once; returns their responses."""
    inserting = threading.Barrier(threads, timeout=10)
    responses: list = [None] * threads
    errors: list[BaseException] = []

    def hold_before_insert(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "practice_steplog"'):
            # BrokenBarrierError: the other thread never inserts, nothing to line up with.
            with contextlib.suppress(threading.BrokenBarrierError):
                inserting.wait()
        return execute(sql, params, many, context)

    # Signed in and holding a CSRF token before the race (the test client's template
    # capture is global, so only the POSTs run in threads; answers are read as HTML).
    clients = []
    for _n in range(threads):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        clients.append((client, client.get(path.rsplit("step/", 1)[0]).context["csrf_token"]))

    def send(n: int) -> None:
        client, token = clients[n]
        try:
            with connection.execute_wrapper(hold_before_insert):
                responses[n] = client.post(
                    path, {**data, "csrfmiddlewaretoken": token}, headers={"HX-Request": "true"}
                )
        except BaseException as exc:  # reported in the test's own thread
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's connection, or the flush waits on it

    workers = [threading.Thread(target=send, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert not errors, errors
    assert not any(worker.is_alive() for worker in workers)
    return responses


def test_it_logs_a_step_sent_twice_at_once_once(alice, session):
    item = session.plan.items.get()
    data = {"item": item.pk, "side": "left", "set_number": 1, "action": "done"}
    first, second = post_at_once(alice, f"/sessions/{session.code}/step/", data)
    assert first.status_code == second.status_code == 200
    log = StepLog.objects.get(session=session)
    assert (log.item_id, log.side, log.set_number, log.status) == (item.pk, "left", 1, "done")
    # Both answers show the same next step: the right side of set 1.
    for response in (first, second):
        html = response.content.decode()
        assert 'data-stage="step"' in html
        assert 'name="side" value="right"' in html and 'name="set_number" value="1"' in html


def test_it_logs_a_skip_sent_twice_at_once_once_per_remaining_set(alice, session):
    item = session.plan.items.get()
    data = {"item": item.pk, "side": "left", "set_number": 1, "action": "skip", "reason": "pain"}
    first, second = post_at_once(alice, f"/sessions/{session.code}/step/", data)
    assert first.status_code == second.status_code == 200
    logs = StepLog.objects.filter(session=session)
    assert sorted(logs.values_list("side", "set_number", "status")) == [
        ("left", 1, "skipped"),
        ("left", 2, "skipped"),
        ("right", 1, "skipped"),
        ("right", 2, "skipped"),
    ]
    for response in (first, second):
        assert 'data-stage="checkout"' in response.content.decode()
