"""Stored suggestions: the rules of clinical.md §3.1 run on real sessions and logs
(progression/suggestions.refresh, through progression/events.py where the evidence
arrives), and the clinician's decision on them. The rule tables are in
test_item_rules.py and test_ladder.py."""

from datetime import UTC, date, timedelta

import pytest

from exercises.models import Exercise
from practice.models import ExerciseSession, MorningCheck
from progression import events
from progression.models import Suggestion
from progression.rules import ALERT, HOLD, PROGRESS, REGRESS, day
from progression.suggestions import refresh
from safety.models import Alert
from tests.factories import make_full_session, make_plan

# --- stored suggestions, accepted by the clinician -------------------------------------


@pytest.fixture
def low_pain_week(alice, bob):
    """Three sessions of the glute bridge (2 sets of 10) done fully with worst pain 2."""
    plan = make_plan(
        alice, bob, [Exercise.objects.get(slug="glute-bridge")], start_date=date(2026, 1, 1)
    )
    for days_ago, pain in [(3, 4), (2, 3), (1, 2)]:
        session = make_full_session(alice, plan, days_ago, before=pain, worst=2, after=pain)
        MorningCheck.objects.create(
            patient=alice,
            session=session,
            local_date=alice.local_date() - timedelta(days=days_ago - 1),
            response="same",
            pain=pain,
        )
    return plan


def pending(patient) -> dict[str, tuple]:
    """Each waiting suggestion by exercise: (kind, scope, sets, reps, hold)."""
    return {
        s.item.exercise.slug: (s.kind, s.scope, s.sets, s.reps, s.hold_seconds)
        for s in Suggestion.objects.filter(patient=patient, status="pending").select_related(
            "item__exercise"
        )
    }


def test_low_pain_sessions_produce_a_progress_suggestion_the_clinician_accepts(
    client, alice, bob, low_pain_week
):
    from accounts.models import AuditEvent

    assert refresh(alice).action == PROGRESS
    suggestion = Suggestion.objects.get()
    # The bridge is reps with a 3 s hold (clinical.md §1.14): its ladder adds 2 s of hold.
    assert (suggestion.kind, suggestion.reps, suggestion.hold_seconds) == ("progress", 10, 5)
    client.force_login(bob)
    page = client.get(f"/clinic/patients/{alice.code}/")
    assert "Progress: Glute bridge" in page.content.decode()
    token = page.context["csrf_token"]
    client.post(
        f"/clinic/patients/{alice.code}/suggestions/{suggestion.code}/",
        {"csrfmiddlewaretoken": token, "decision": "accept"},
    )
    item = low_pain_week.items.get()
    assert (item.reps, item.hold_seconds) == (10, 5)
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.decided_by == bob
    event = AuditEvent.objects.get(action="suggestion.accepted")
    assert event.actor == bob and event.patient == alice
    assert (
        event.detail["before"]["dose"] == "2 sets of 10, hold each 3 seconds"
        and event.detail["after"]["dose"] == "2 sets of 10, hold each 5 seconds"
    )


def test_a_dismissed_suggestion_changes_nothing_and_strangers_cannot_decide(
    client, alice, bob, dana, low_pain_week
):
    refresh(alice)
    suggestion = Suggestion.objects.get()
    url = f"/clinic/patients/{alice.code}/suggestions/{suggestion.code}/"
    client.force_login(dana)
    token = client.get("/clinic/patients/").context["csrf_token"]
    assert client.post(url, {"csrfmiddlewaretoken": token, "decision": "accept"}).status_code == 404
    client.force_login(bob)
    token = client.get("/clinic/patients/").context["csrf_token"]
    client.post(url, {"csrfmiddlewaretoken": token, "decision": "dismiss"})
    assert low_pain_week.items.get().reps == 10
    suggestion.refresh_from_db()
    assert suggestion.status == "dismissed"
    assert client.post(url, {"csrfmiddlewaretoken": token, "decision": "accept"}).status_code == 404


def test_high_pain_twice_raises_an_alert(alice, bob):
    plan = make_plan(
        alice, bob, [Exercise.objects.get(slug="glute-bridge")], start_date=date(2026, 1, 1)
    )
    today = alice.local_date()
    for days_ago in (2, 1):
        ExerciseSession.objects.create(
            patient=alice,
            plan=plan,
            local_date=today - timedelta(days=days_ago),
            pain_before=5,
            pain_after=7,
            status="completed",
            finished="2026-01-01T00:00Z",
        )
    assert refresh(alice).action == ALERT
    assert Alert.objects.get().kind == "pain_ceiling"
    # ...and a step back alongside it (clinical.md §3).
    assert Suggestion.objects.get().kind == "regress"


def test_a_weekly_mean_well_above_baseline_raises_a_pain_spike_alert(alice, bob):
    plan = make_plan(
        alice, bob, [Exercise.objects.get(slug="glute-bridge")], start_date=date(2026, 1, 1)
    )
    today = alice.local_date()
    for days_ago, pain in [(20, 3), (2, 5), (1, 5)]:  # baseline 3, this week 5: 2 points up
        ExerciseSession.objects.create(
            patient=alice,
            plan=plan,
            local_date=today - timedelta(days=days_ago),
            pain_before=pain,
            pain_after=pain,
            status="completed",
            finished="2026-01-01T00:00Z",
        )
    refresh(alice)
    refresh(alice)  # run again: still one open alert
    assert list(Alert.objects.values_list("kind", flat=True)) == ["pain_spike"]


def test_a_missing_morning_check_is_neutral_and_the_new_evidence_renews_the_suggestion(
    alice, bob, low_pain_week
):
    refresh(alice)
    first = Suggestion.objects.get(status="pending")
    # Today's session: low pain, no morning answer yet: still progress (§3.1), now
    # worked out from today's evidence, which replaces the waiting one.
    make_full_session(alice, low_pain_week, 0, before=2, worst=1, after=2)
    assert refresh(alice).action == PROGRESS
    renewed = Suggestion.objects.get(status="pending")
    assert renewed.pk != first.pk and day(alice.local_date()) in renewed.reason
    first.refresh_from_db()
    assert first.status == "superseded"
    refresh(alice)  # the same evidence again: the waiting one stays as it is
    assert Suggestion.objects.get(status="pending").pk == renewed.pk


def test_a_suggestion_the_evidence_no_longer_supports_is_withdrawn(alice, bob, low_pain_week):
    refresh(alice)
    make_full_session(alice, low_pain_week, 0, worst=4)  # worst pain 4: hold
    assert refresh(alice).action == HOLD
    assert pending(alice) == {}
    assert Suggestion.objects.get().status == "superseded"


def test_a_dismissed_suggestion_is_not_made_again_on_the_same_evidence(alice, bob, low_pain_week):
    refresh(alice)
    Suggestion.objects.update(status="dismissed")
    refresh(alice)
    assert pending(alice) == {}


@pytest.fixture
def two_item_plan(alice, bob):
    return make_plan(
        alice,
        bob,
        [Exercise.objects.get(slug=slug) for slug in ("glute-bridge", "clamshell")],
        start_date=date(2026, 1, 1),
    )


def test_one_painful_exercise_leads_to_a_suggestion_for_that_exercise_only(alice, two_item_plan):
    """The review's case: skipping one exercise because it hurt stepped back all five."""
    make_full_session(alice, two_item_plan, 2)
    make_full_session(alice, two_item_plan, 1, worst=3, outcomes={"clamshell": "skipped:pain"})
    refresh(alice)
    yesterday = day(alice.local_date() - timedelta(days=1))
    assert pending(alice) == {
        "clamshell": ("regress", "item", 2, 8, None),
        "glute-bridge": ("progress", "item", 2, 10, 5),
    }
    step_back = Suggestion.objects.get(item__exercise__slug="clamshell")
    assert step_back.reason.startswith(
        f"Skipped for pain on {yesterday}; worst pain 3 on {yesterday}."
    )


def test_a_session_above_the_ceiling_is_one_whole_routine_suggestion_accepted_once(
    client, alice, bob, two_item_plan
):
    make_full_session(alice, two_item_plan, 1, worst=6)
    assert refresh(alice).action == REGRESS
    rows = Suggestion.objects.filter(status="pending")
    assert {r.scope for r in rows} == {"routine"} and len({r.group for r in rows}) == 1
    assert rows.count() == 2
    client.force_login(bob)
    page = client.get(f"/clinic/patients/{alice.code}/")
    html = page.content.decode()
    assert html.count('data-suggestion="routine"') == 1  # one card, one decision
    assert "Step back: the whole routine" in html and "Worst pain 6 on" in html
    client.post(
        f"/clinic/patients/{alice.code}/suggestions/{rows.first().code}/",
        {"csrfmiddlewaretoken": page.context["csrf_token"], "decision": "accept"},
    )
    doses = {i.exercise.slug: (i.sets, i.reps, i.hold_seconds) for i in two_item_plan.items.all()}
    assert doses == {"glute-bridge": (2, 10, 2), "clamshell": (2, 8, None)}
    assert set(Suggestion.objects.values_list("status", flat=True)) == {"accepted"}


def test_a_correction_replaces_a_stale_suggestion(alice, two_item_plan):
    """The review's case: after a correction (pain 6 to 5) the suggestion said "Pain 6"."""
    make_full_session(alice, two_item_plan, 2)
    session = make_full_session(alice, two_item_plan, 1, worst=6)
    refresh(alice)
    assert {v[0:2] for v in pending(alice).values()} == {("regress", "routine")}
    logs = list(session.logs.order_by("id"))
    data = {"pain_before": 2, "pain_worst": 5, "pain_after": 2}
    data |= {f"step_{log.pk}": "done" for log in logs}
    assert events.correct(alice, session, logs, data)
    # Worst pain 5 now: each exercise holds, so the step back is withdrawn.
    assert pending(alice) == {}
    stale = Suggestion.objects.filter(status="superseded")
    assert stale.count() == 2 and all("Worst pain 6" in s.reason for s in stale)
    # A second correction: the clamshell was skipped because it hurt.
    clam = [log for log in logs if log.item.exercise.slug == "clamshell"]
    data |= {f"step_{log.pk}": "skipped:pain" for log in clam}
    session.refresh_from_db()
    assert events.correct(alice, session, logs, data)
    assert pending(alice) == {"clamshell": ("regress", "item", 2, 8, None)}
    reason = Suggestion.objects.get(status="pending").reason
    assert "Skipped for pain" in reason and "worst pain 5" in reason


def test_a_morning_check_replaces_a_stale_suggestion(alice, two_item_plan):
    make_full_session(alice, two_item_plan, 2)
    make_full_session(alice, two_item_plan, 1, before=2)
    refresh(alice)
    assert {v[0] for v in pending(alice).values()} == {"progress"}
    # "Worse" the next morning, 3 points above the pain before: the whole routine steps
    # back, replacing both progress suggestions.
    assert events.morning_check(alice, response="worse", pain=5)
    assert {v[0:2] for v in pending(alice).values()} == {("regress", "routine")}
    assert Suggestion.objects.filter(status="superseded", kind="progress").count() == 2
    assert "Worse the morning after" in Suggestion.objects.filter(status="pending")[0].reason


def test_a_worse_morning_a_little_above_blocks_progress_only(alice, two_item_plan):
    make_full_session(alice, two_item_plan, 2)
    make_full_session(alice, two_item_plan, 1, before=2)
    refresh(alice)
    events.morning_check(alice, response="worse", pain=3)  # 1 point above: no step back
    assert pending(alice) == {}


def test_a_bad_back_day_session_changes_no_suggestion_for_the_normal_plan(alice, two_item_plan):
    from practice import player
    from tests.factories import make_screening

    make_screening(alice)
    make_full_session(alice, two_item_plan, 3)
    make_full_session(alice, two_item_plan, 2)
    refresh(alice)
    before = list(Suggestion.objects.values())
    assert {v[0] for v in pending(alice).values()} == {"progress"}
    # Today: a bad-back day stopped for pain, worst pain 8, through the real player.
    session = player.start(alice, player.opening(alice), bad_day=True)
    player.check_in(session, 6)
    session = player.session_for(alice, session.code)
    player.stop(session, "pain")
    assert events.check_out(session, pain=7, effort="hard", note="", pain_worst=8)
    assert list(Suggestion.objects.values()) == before
    # ...and the morning after it changes none either (its alert is raised).
    ExerciseSession.objects.filter(pk=session.pk).update(
        local_date=alice.local_date() - timedelta(days=1)
    )
    assert events.morning_check(alice, response="worse", pain=9)
    assert Alert.objects.filter(kind="morning_worse").exists()
    assert list(Suggestion.objects.values()) == before


def test_step_backs_on_two_days_raise_an_alert(alice, bob):
    from datetime import datetime

    plan = make_plan(
        alice, bob, [Exercise.objects.get(slug="glute-bridge")], start_date=date(2026, 1, 1)
    )
    today = alice.local_date()
    ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=today - timedelta(days=2),
        pain_before=4,
        pain_after=6,
        status="completed",
        finished="2026-01-01T00:00Z",
    )
    assert refresh(alice).action == REGRESS
    Suggestion.objects.update(created=datetime.now(UTC) - timedelta(days=1))
    assert not Alert.objects.filter(kind="regress").exists()
    session = ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=today - timedelta(days=1),
        pain_before=4,
        pain_after=5,
        status="completed",
        finished="2026-01-01T00:00Z",
    )
    MorningCheck.objects.create(
        patient=alice, session=session, local_date=today, response="worse", pain=6
    )
    assert refresh(alice).action == REGRESS
    assert Alert.objects.filter(kind="regress").count() == 1
    assert Suggestion.objects.filter(status="superseded").count() == 1


def test_an_out_of_date_suggestion_is_withdrawn_not_applied(client, alice, bob, low_pain_week):
    refresh(alice)
    suggestion = Suggestion.objects.get()
    low_pain_week.items.update(reps=16)  # the clinician changed the plan meanwhile
    client.force_login(bob)
    token = client.get("/clinic/patients/").context["csrf_token"]
    client.post(
        f"/clinic/patients/{alice.code}/suggestions/{suggestion.code}/",
        {"csrfmiddlewaretoken": token, "decision": "accept"},
    )
    assert low_pain_week.items.get().reps == 16
    suggestion.refresh_from_db()
    assert suggestion.status == "superseded"


def test_a_double_click_on_accept_records_one_decision(client, alice, bob, low_pain_week):
    from accounts.models import AuditEvent

    refresh(alice)
    suggestion = Suggestion.objects.get()
    client.force_login(bob)
    token = client.get("/clinic/patients/").context["csrf_token"]
    url = f"/clinic/patients/{alice.code}/suggestions/{suggestion.code}/"
    client.post(url, {"csrfmiddlewaretoken": token, "decision": "accept"})
    client.post(url, {"csrfmiddlewaretoken": token, "decision": "accept"})
    assert AuditEvent.objects.filter(action="suggestion.accepted").count() == 1
    assert low_pain_week.items.get().hold_seconds == 5
