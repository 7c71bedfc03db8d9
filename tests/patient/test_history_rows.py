"""The history page reads its step logs and chart sessions as tuples (patient/history.py):
each row must still say what summary.py says from the logs as model objects, and the
chart what pain_chart() draws from the sessions (the clinician's page), at two sizes."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from practice import summary
from practice.models import ExerciseSession, MorningCheck, StepLog
from progression import charts
from tests.factories import make_plan

# Each session's logs, by item: (status, reason) per set. Sets are logged one minute
# apart in this order, so the first listed is the first logged.
PATTERNS = [
    {"bridge": [("done", ""), ("done", "")], "clam": [("done", "")]},
    {"bridge": [("easier", "")], "clam": [("done", ""), ("skipped", "pain")]},
    {"bridge": [("skipped", "too_hard"), ("skipped", "no_time")], "clam": [("easier", "")]},
    {"bridge": [("done", "")], "clam": [("stopped", "unwell")], "dog": [("stopped", "unwell")]},
    {"bridge": [("skipped", "no_equipment")]},
    {},
    {"bridge": [("done", ""), ("easier", "")], "clam": [("skipped", "pain")]},
]


@pytest.fixture
def plan(alice, bob):
    slugs = ["glute-bridge", "clamshell", "bird-dog"]
    exercises = [Exercise.objects.get(slug=slug) for slug in slugs]
    return make_plan(alice, bob, exercises, start_date=date(2026, 1, 1))


@pytest.fixture
def patient(client, alice):
    client.force_login(alice)
    return client


def make_history(alice, plan, count):
    """`count` sessions, newest yesterday, their logs cycling through PATTERNS; every
    third one not finished, the stopped ones stopped, some with a next-morning answer."""
    bridge, clam, dog = plan.items.order_by("order")
    items = {"bridge": bridge, "clam": clam, "dog": dog}
    logs = []
    for n in range(count):
        pattern = PATTERNS[n % len(PATTERNS)]
        local_date = alice.local_date() - timedelta(days=n + 1)
        finished = n % 3 != 2
        session = ExerciseSession.objects.create(
            patient=alice,
            plan=plan,
            local_date=local_date,
            pain_before=n % 11,
            pain_after=(n * 7) % 11,
            effort="right",
            status="completed" if finished else "in_progress",
            finished=datetime(2026, 1, 1, tzinfo=UTC) if finished else None,
            stopped_reason="unwell" if "dog" in pattern else "",
        )
        start = datetime.combine(local_date, datetime.min.time(), tzinfo=UTC)
        minute = 0
        for name, sets in pattern.items():
            for set_number, (status, reason) in enumerate(sets, start=1):
                minute += 1
                logs.append(
                    StepLog(
                        session=session,
                        item=items[name],
                        exercise=items[name].exercise,
                        side="both",
                        set_number=set_number,
                        status=status,
                        skip_reason=reason,
                        at=start + timedelta(minutes=minute),
                    )
                )
        if finished and n % 4 == 0:
            MorningCheck.objects.create(
                patient=alice,
                local_date=local_date + timedelta(days=1),
                session=session,
                response=["better", "same", "worse"][n % 3],
                pain=(n * 3) % 11,
            )
    StepLog.objects.bulk_create(logs)


def counts_from_models(session) -> str:
    """The counts as summary.py makes them from the logs as model objects."""
    return summary.counts_line(summary.outcomes_from_logs(list(session.logs.all())))


@pytest.mark.parametrize("count", [7, 45])
def test_each_row_counts_the_exercises_as_the_summary_does(patient, alice, plan, count):
    make_history(alice, plan, count)
    seen = 0
    for page in (1, 2, 3):
        response = patient.get(f"/history/?page={page}")
        if page > response.context["page"].paginator.num_pages:
            break
        newest_first = ExerciseSession.objects.filter(patient=alice).order_by("-local_date")
        sessions = list(newest_first[(page - 1) * 20 : page * 20])
        rows = response.context["sessions"]
        assert len(rows) == len(sessions)
        for session, row in zip(sessions, rows, strict=True):
            counts = counts_from_models(session)
            if session.status == "completed":
                expected = f"{counts} · pain {session.pain_before} → {session.pain_after}"
            else:
                expected = "Not finished" + (f" · {counts}" if counts else "")
            if session.stopped_reason:
                expected += " · Stopped early: felt unwell"
            assert row["summary"] == expected
            assert row["url"] == f"/sessions/{session.code}/"
            seen += 1
    assert seen == count


def test_an_item_skipped_for_two_reasons_takes_the_first_logged(patient, alice, plan):
    """By the time it was logged, not by the order it reached the server (a session
    done offline is sent later, its steps keep the time they were done)."""
    bridge = plan.items.order_by("order").first()
    local_date = alice.local_date() - timedelta(days=1)
    session = ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=local_date,
        pain_before=4,
        pain_after=3,
        effort="right",
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )
    noon = datetime.combine(local_date, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)
    for set_number, reason, at in [(2, "no_time", noon), (1, "pain", noon - timedelta(hours=1))]:
        StepLog.objects.create(
            session=session,
            item=bridge,
            exercise=bridge.exercise,
            side="both",
            set_number=set_number,
            status="skipped",
            skip_reason=reason,
            at=at,
        )
    html = patient.get("/history/").content.decode()
    assert "1 skipped for pain · pain 4 → 3" in html
    assert counts_from_models(session) == "1 skipped for pain"


@pytest.mark.parametrize("count", [3, 40])
def test_the_chart_is_the_one_the_clinician_sees(patient, alice, plan, count):
    """Read as tuples here, from model objects on the clinician's page: the same chart
    (the last 30 finished sessions, oldest first, with their next-morning answers)."""
    make_history(alice, plan, count)
    chart = patient.get("/history/").context["chart"]
    sessions = list(
        ExerciseSession.objects.completed()
        .filter(patient=alice)
        .with_morning()
        .order_by("-local_date")[:30]
    )[::-1]
    assert chart == charts.pain_chart(sessions)
    assert chart["count"] == len(sessions) == min(count - count // 3, 30)
    assert any(m is not None for m in (s.morning_pain for s in sessions))


@pytest.mark.parametrize("count", [7, 45])
def test_the_page_runs_eight_queries_whatever_the_history(patient, alice, plan, count):
    make_history(alice, plan, count)
    with CaptureQueriesContext(connection) as queries:
        assert patient.get("/history/").status_code == 200
    # session, user, the page's count and sessions, their step logs, the chart, the
    # plan, the weeks' dates.
    assert len(queries) == 8
    # Kept (patient/history.py): session and user, and the logs of the session in
    # progress, which can change without a change of the record stamp.
    assert ExerciseSession.objects.filter(patient=alice, status="in_progress").exists()
    with CaptureQueriesContext(connection) as queries:
        assert patient.get("/history/").status_code == 200
    assert len(queries) == 3
