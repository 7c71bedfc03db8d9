from datetime import UTC, date, timedelta

import pytest

from exercises.models import Exercise
from practice.models import ExerciseSession, MorningCheck
from progression import rules as progression
from progression.models import Suggestion
from progression.rules import ALERT, HOLD, PROGRESS, REGRESS, SessionFacts
from safety.models import Alert

TODAY = date(2026, 3, 20)


def s(days_ago, before, after, morning=None, effort="right"):
    return SessionFacts(TODAY - timedelta(days=days_ago), before, after, effort, morning)


@pytest.mark.parametrize(
    ("sessions", "baseline", "action"),
    [
        # Progress: 2 in a row with pain 3 or less, settled by morning, week not rising.
        ([s(2, 3, 3, 3), s(1, 3, 2, 2)], 4, PROGRESS),
        ([s(2, 3, 3, 4), s(1, 3, 3, 4)], 4, PROGRESS),  # exactly 3, morning exactly baseline
        ([s(1, 3, 2, 2)], 4, HOLD),  # only 1 session so far
        ([s(2, 3, 4, 3), s(1, 3, 2, 2)], 4, HOLD),  # one of the two at 4
        ([s(2, 3, 2, 2), s(1, 3, 2, None)], 4, HOLD),  # no morning answer yet
        ([s(2, 3, 2, 2), s(1, 3, 2, 2, "hard")], 4, HOLD),  # too hard
        # Hold: pain 4 to 5 during, settled next morning.
        ([s(1, 4, 4, 3)], 4, HOLD),
        ([s(1, 4, 5, 4)], 4, HOLD),  # exactly 5: still acceptable
        # Regress: over 5 during, or next morning above baseline, or week above last week.
        ([s(1, 4, 6, 4)], 4, REGRESS),  # 6: over the ceiling
        ([s(1, 3, 3, 5)], 4, REGRESS),  # morning 5 above baseline 4
        ([s(10, 2, 2, 2), s(9, 2, 2, 2), s(1, 3, 3, 3), s(0, 3, 3, None)], 4, REGRESS),
        # Alert: over 5 in two sessions.
        ([s(2, 5, 6, 4), s(1, 5, 7, 5)], 4, ALERT),
        ([s(2, 5, 5, 4), s(1, 5, 6, 5)], 4, REGRESS),  # only the last over 5
        # The next morning counts most: "worse" steps back, even with low numbers.
        (
            [s(2, 3, 2, 2), SessionFacts(TODAY - timedelta(days=1), 2, 2, "right", 2, "worse")],
            7,
            REGRESS,
        ),
        (
            [SessionFacts(TODAY - timedelta(days=2), 2, 2, "right", 2, "worse"), s(1, 2, 2, 2)],
            7,
            HOLD,
        ),  # a worse morning inside the streak blocks progress
        ([], None, HOLD),
    ],
)
def test_every_row_of_the_rule_table(sessions, baseline, action, settings):
    settings.PAIN_ACCEPTABLE_CEILING = 5
    settings.PROGRESS_AFTER_SESSIONS = 2
    assert progression.decide(sessions, baseline, TODAY).action == action


def test_a_review_flag_pauses_progression():
    sessions = [s(2, 3, 3, 3), s(1, 3, 2, 2)]
    assert progression.decide(sessions, 4, TODAY, paused=True).action == HOLD


def test_the_thresholds_come_from_settings(settings):
    settings.PAIN_ACCEPTABLE_CEILING = 6
    assert progression.decide([s(1, 4, 6, 4)], 4, TODAY).action == HOLD
    settings.PROGRESS_AFTER_SESSIONS = 3
    assert progression.decide([s(2, 3, 3, 3), s(1, 3, 2, 2)], 4, TODAY).action == HOLD


class Item:
    def __init__(self, exercise, sets=2, reps=None, hold_seconds=None):
        self.exercise, self.sets, self.reps, self.hold_seconds = exercise, sets, reps, hold_seconds


@pytest.mark.parametrize(
    ("reps", "hold", "action", "expected"),
    [
        (10, None, PROGRESS, (10 + 2, None)),
        (None, 30, PROGRESS, (None, 35)),
        (50, None, PROGRESS, None),
        (10, None, REGRESS, (8, None)),
        (None, 30, REGRESS, (None, 25)),
        (1, None, REGRESS, None),
        (10, None, HOLD, None),
    ],
)
def test_one_step_of_dose(db, reps, hold, action, expected):
    exercise = Exercise.objects.get(slug="glute-bridge")
    dose = progression.next_dose(Item(exercise, reps=reps, hold_seconds=hold), action)
    assert (dose.reps, dose.hold_seconds) == expected if expected else dose is None


def test_a_full_dose_moves_to_the_harder_variant_and_a_small_one_to_the_easier(db):
    cat_camel, bird_dog = (Exercise.objects.get(slug=x) for x in ("cat-camel", "bird-dog"))
    assert progression.next_dose(Item(cat_camel, reps=12), PROGRESS).exercise == bird_dog
    bird_dog.easier = cat_camel
    assert progression.next_dose(Item(bird_dog, hold_seconds=8), REGRESS).exercise == cat_camel


# --- stored suggestions, accepted by the clinician -------------------------------------


@pytest.fixture
def low_pain_week(alice, bob):
    from tests.factories import make_plan

    plan = make_plan(
        alice, bob, [Exercise.objects.get(slug="glute-bridge")], start_date=date(2026, 1, 1)
    )
    today = alice.local_date()
    for days_ago, pain in [(3, 4), (2, 3), (1, 2)]:
        ExerciseSession.objects.create(
            patient=alice,
            plan=plan,
            local_date=today - timedelta(days=days_ago),
            pain_before=pain,
            pain_after=pain,
            status="completed",
            finished="2026-01-01T00:00Z",
        )
        MorningCheck.objects.create(
            patient=alice,
            local_date=today - timedelta(days=days_ago - 1),
            response="same",
            pain=pain,
        )
    return plan


def test_low_pain_sessions_produce_a_progress_suggestion_the_clinician_accepts(
    client, alice, bob, low_pain_week
):
    from accounts.models import AuditEvent
    from progression.suggestions import refresh

    assert refresh(alice).action == PROGRESS
    suggestion = Suggestion.objects.get()
    assert (suggestion.kind, suggestion.reps) == ("progress", 12)
    client.force_login(bob)
    page = client.get(f"/clinic/patients/{alice.code}/")
    assert "Progress: Glute bridge" in page.content.decode()
    token = page.context["csrf_token"]
    client.post(
        f"/clinic/patients/{alice.code}/suggestions/{suggestion.code}/",
        {"csrfmiddlewaretoken": token, "decision": "accept"},
    )
    item = low_pain_week.items.get()
    assert item.reps == 12
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.decided_by == bob
    event = AuditEvent.objects.get(action="suggestion.accepted")
    assert event.actor == bob and event.patient == alice
    assert (
        event.detail["before"]["dose"] == "2 sets of 10"
        and event.detail["after"]["dose"] == "2 sets of 12"
    )


def test_a_dismissed_suggestion_changes_nothing_and_strangers_cannot_decide(
    client, alice, bob, dana, low_pain_week
):
    from progression.suggestions import refresh

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
    from progression.suggestions import refresh
    from tests.factories import make_plan

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
    from progression.suggestions import refresh
    from tests.factories import make_plan

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


def test_a_hold_keeps_the_suggestion_the_clinician_has_not_decided_yet(alice, bob, low_pain_week):
    from progression.suggestions import refresh

    refresh(alice)
    assert Suggestion.objects.filter(status="pending").count() == 1
    # Today's session: low pain, but no morning answer yet, so the rules say "hold".
    ExerciseSession.objects.create(
        patient=alice,
        plan=low_pain_week,
        local_date=alice.local_date(),
        pain_before=2,
        pain_after=2,
        status="completed",
        finished="2026-01-01T00:00Z",
    )
    assert refresh(alice).action == HOLD
    assert Suggestion.objects.filter(status="pending").count() == 1


def test_step_backs_on_two_days_raise_an_alert(alice, bob):
    from datetime import datetime

    from progression.suggestions import refresh
    from tests.factories import make_plan

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
    ExerciseSession.objects.create(
        patient=alice,
        plan=plan,
        local_date=today - timedelta(days=1),
        pain_before=4,
        pain_after=5,
        status="completed",
        finished="2026-01-01T00:00Z",
    )
    MorningCheck.objects.create(patient=alice, local_date=today, response="worse", pain=6)
    assert refresh(alice).action == REGRESS
    assert Alert.objects.filter(kind="regress").count() == 1
    assert Suggestion.objects.filter(status="superseded").count() == 1


def test_an_out_of_date_suggestion_is_withdrawn_not_applied(client, alice, bob, low_pain_week):
    from progression.suggestions import refresh

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
    from progression.suggestions import refresh

    refresh(alice)
    suggestion = Suggestion.objects.get()
    client.force_login(bob)
    token = client.get("/clinic/patients/").context["csrf_token"]
    url = f"/clinic/patients/{alice.code}/suggestions/{suggestion.code}/"
    client.post(url, {"csrfmiddlewaretoken": token, "decision": "accept"})
    client.post(url, {"csrfmiddlewaretoken": token, "decision": "accept"})
    assert AuditEvent.objects.filter(action="suggestion.accepted").count() == 1
    assert low_pain_week.items.get().reps == 12
