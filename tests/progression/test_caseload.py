"""The caseload's stored columns (progression/caseload.py) against a fresh computation
from the source tables, after each write that changes them: the write-driven columns
at once (in the write's transaction), the date-dependent ones after the list's refresh."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, transaction

from accounts.access import patients_of
from accounts.models import User
from learn import plans
from patient import privacy
from practice import player
from practice.models import ExerciseSession, SessionStatus
from progression import adherence, attention, caseload, decisions, events
from progression.models import NO_ALERT, CaseloadEntry
from routines.models import Routine
from safety import alerts
from safety.models import TIER_RANK, Alert, AlertKind, AlertTier
from safety.screenings import check_for
from tests.factories import link, make_alert, make_patient, make_session

WRITE_COLUMNS = [
    "plan_id",
    "alert_id",
    "alert_rank",
    "open_alerts",
    "baseline",
    "last_before",
    "last_after",
    "last_activity",
]
DATE_COLUMNS = ["done", "due", "missed_days", "pain_up", "reasons", "trend", "computed_for"]


def fresh(patient: User) -> dict:
    """The columns worked out the long way: the Day-by-Day adherence, the ranked alerts."""
    today = patient.local_date()
    plan = Routine.objects.for_patient(patient).active().first()
    open_alerts = list(Alert.objects.open().filter(patient=patient).ranked())
    completed = list(
        ExerciseSession.objects.completed().filter(patient=patient).order_by("local_date")
    )
    latest = ExerciseSession.objects.filter(patient=patient).order_by("-local_date").first()
    last_activity = latest.local_date if latest else None
    week = [today - timedelta(days=n) for n in range(6, -1, -1)]
    dates = {s.local_date for s in completed}
    done, due = adherence.ratio(adherence.days(plan, week, today, dates)) if plan else (0, 0)
    baseline = completed[0].pain_before if completed else None
    week_scores = [s.pain_before for s in completed if s.local_date >= week[0]]
    missed = attention.missed_due_days(plan, last_activity, today)
    pain_up = attention.meaningful_rise(baseline, attention.weekly_mean(week_scores))
    fortnight = [s.pain_before for s in completed if s.local_date >= today - timedelta(days=14)]
    return {
        "plan_id": plan.pk if plan else None,
        "alert_id": open_alerts[0].pk if open_alerts else None,
        "alert_rank": TIER_RANK[open_alerts[0].tier] if open_alerts else NO_ALERT,
        "open_alerts": len(open_alerts),
        "baseline": baseline,
        "last_before": completed[-1].pain_before if completed else None,
        "last_after": completed[-1].pain_after if completed else None,
        "last_activity": last_activity,
        "done": done,
        "due": due,
        "missed_days": missed,
        "pain_up": pain_up,
        "reasons": len(attention.reasons(missed, pain_up)),
        "trend": attention.trend(fortnight[-3:]),
        "computed_for": today,
    }


def stored(patient: User) -> dict:
    return CaseloadEntry.objects.filter(pk=patient.pk).values(*WRITE_COLUMNS, *DATE_COLUMNS).get()


def assert_written(patient: User) -> None:
    """Right at once for what the write changed; the rest waits for the next read."""
    expected, row = fresh(patient), stored(patient)
    assert {c: row[c] for c in WRITE_COLUMNS} == {c: expected[c] for c in WRITE_COLUMNS}
    caseload.refresh_stale(User.objects.filter(pk=patient.pk))
    assert stored(patient) == expected


@pytest.fixture
def alice_listed(alice, bob, plan):
    """Alice with a fortnight of history and her row up to date, as the list leaves it."""
    for days_ago, before, after in [(13, 3, 2), (9, 4, 3), (2, 5, 5), (1, 6, 5)]:
        make_session(alice, plan, days_ago, before, after)
    make_alert(alice, AlertKind.BAD_DAY)
    caseload.refresh_stale(patients_of(bob))
    assert stored(alice) == fresh(alice)
    return alice


def test_a_raised_alert_leads_the_row_in_the_same_transaction(alice_listed):
    with transaction.atomic():
        red = alerts.raise_alert(alice_listed, AlertKind.RED_FLAG, title="Red flag")
        assert stored(alice_listed)["alert_id"] == red.pk
    assert stored(alice_listed)["alert_rank"] == TIER_RANK[AlertTier.EMERGENCY]
    assert_written(alice_listed)


def test_acknowledging_changes_nothing_and_resolving_updates(alice_listed, bob):
    alert = alerts.raise_alert(alice_listed, AlertKind.PAIN_CEILING, title="Pain ceiling")
    caseload.refresh_stale(User.objects.filter(pk=alice_listed.pk))
    alerts.acknowledge(alert, bob)
    assert stored(alice_listed) == fresh(alice_listed)
    decisions.resolve_alert(alice_listed, alert, bob, "Spoke to her.")
    assert stored(alice_listed)["alert_rank"] == TIER_RANK[AlertTier.INFORMATION]
    assert_written(alice_listed)


def test_clearing_a_safety_check_resolves_its_alerts_in_the_row(alice_listed, bob, questions):
    answers = [
        {"key": a.key, "text": a.text, "name": a.question.short_name, "tier": a.question.tier,
         "yes": a.key == "bladder", "known": a.known}
        for a in check_for(alice_listed).questions
    ]  # fmt: skip
    screening = events.safety_check(alice_listed, answers)
    assert stored(alice_listed)["alert_rank"] == TIER_RANK[AlertTier.EMERGENCY]
    assert_written(alice_listed)
    decisions.clear_screening(alice_listed, screening, bob, "Seen by the GP.")
    assert stored(alice_listed)["alert_rank"] == TIER_RANK[AlertTier.INFORMATION]
    assert_written(alice_listed)


def test_a_session_started_checked_in_and_out_and_corrected(alice_listed, plan):
    session = player.start(alice_listed, player.opening(alice_listed))
    assert stored(alice_listed)["last_activity"] == alice_listed.local_date()
    assert_written(alice_listed)
    player.check_in(session, 7)
    assert_written(alice_listed)
    ExerciseSession.objects.filter(pk=session.pk).update(status=SessionStatus.IN_PROGRESS)
    assert events.check_out(session, pain=8, pain_worst=8, effort="right", note="")
    assert stored(alice_listed)["last_before"] == 7
    assert_written(alice_listed)
    assert events.correct(alice_listed, session, [], {"pain_before": 2})
    assert stored(alice_listed)["last_before"] == 2
    assert_written(alice_listed)


def test_a_stopped_session_and_a_worse_morning(alice_listed):
    session = player.start(alice_listed, player.opening(alice_listed))
    player.check_in(session, 4)
    # Stopped because it hurt: the clinician is told at once.
    player.stop(player.session_for(alice_listed, session.code), "pain")
    assert stored(alice_listed)["open_alerts"] == 2
    assert_written(alice_listed)
    assert events.morning_check(alice_listed, response="worse", pain=9)
    assert stored(alice_listed)["alert_rank"] == TIER_RANK[AlertTier.URGENT]
    assert_written(alice_listed)


def test_a_new_plan_replaces_the_old_one_in_the_row(alice_listed, bob, template, plan):
    new = plans.assign(
        template,
        alice_listed,
        by=bob,
        start_date=alice_listed.local_date(),
        schedule_days=0b1010101,
        end_date=None,
    )
    assert stored(alice_listed)["plan_id"] == new.pk != plan.pk
    assert_written(alice_listed)


def test_an_erasure_request_withdrawn_resolves_its_alert(alice_listed):
    alerts.raise_alert(alice_listed, AlertKind.ERASURE, title="Asked to be erased")
    User.objects.filter(pk=alice_listed.pk).update(erasure_requested_at=datetime.now(UTC))
    assert_written(alice_listed)
    assert privacy.withdraw_erasure(alice_listed)
    assert stored(alice_listed)["open_alerts"] == 1
    assert_written(alice_listed)


def test_erasing_a_patient_removes_their_row(alice_listed, frank):
    privacy.erase(alice_listed, frank)
    assert not CaseloadEntry.objects.filter(pk=alice_listed.pk).exists()


def test_a_new_link_gets_its_row_when_the_list_is_read(client, alice_listed, dana):
    charlie = make_patient(name="Charlie Stone")
    link(dana, charlie)
    client.force_login(dana)
    assert client.get("/clinic/patients/").status_code == 200
    assert stored(charlie) == fresh(charlie)


def test_the_date_dependent_columns_are_refreshed_once_a_new_day_begins(alice_listed, bob):
    row = CaseloadEntry.objects.get(pk=alice_listed.pk)
    assert row.fresh_until > datetime.now(UTC)
    assert caseload.refresh_stale(patients_of(bob)) == 0  # nothing to do today
    with time_machine.travel(row.fresh_until + timedelta(days=4), tick=False):
        assert caseload.refresh_stale(patients_of(bob)) == patients_of(bob).count()
        assert stored(alice_listed) == fresh(alice_listed)
        assert stored(alice_listed)["missed_days"] >= attention.INACTIVE_DAYS
        assert caseload.refresh_stale(patients_of(bob)) == 0


def test_the_rebuild_command_puts_right_what_bypassed_the_write_paths(alice_listed):
    ExerciseSession.objects.filter(patient=alice_listed).delete()
    Alert.objects.filter(patient=alice_listed).update(tier=AlertTier.URGENT)
    out = io.StringIO()
    call_command("refresh_caseload", stdout=out)
    assert "Refreshed" in out.getvalue()
    assert stored(alice_listed) == fresh(alice_listed)


def test_make_scale_data_leaves_every_row_right(db, catalogue, questions):
    call_command("make_scale_data", patients=4, days=20, prefix="cl", stdout=io.StringIO())
    made = User.objects.patients().filter(username__startswith="cl-")
    assert CaseloadEntry.objects.filter(patient__in=made).count() == 4
    for patient in made:
        assert stored(patient) == fresh(patient)
    assert not made.filter(caseload.stale()).exists()


def test_seed_demo_leaves_its_row_right(db, catalogue, reads, questions):
    call_command("seed_demo", force=True, stdout=io.StringIO())
    patient = User.objects.get(username="demo-patient")
    assert stored(patient) == fresh(patient)


def test_the_rows_keep_their_invariants_in_the_database(alice_listed):
    for bad in [
        {"alert_rank": 7},
        {"alert": None},  # an alert count without its alert
        {"last_before": 11},
        {"done": 5, "due": 4},
        {"reasons": 3},
        {"trend": "flat"},
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            CaseloadEntry.objects.filter(pk=alice_listed.pk).update(**bad)
