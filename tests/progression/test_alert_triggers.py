"""Every alert trigger of clinical.md §2.1 ("Alert tiers") but the red-flag answers,
through the entry points a patient's answers really take (check-out, the morning check,
the activity scores, the daily inactivity check, a bad-back day), with numbers on each
side of every boundary. Each row: what happened, and the alerts it must leave, as
(kind, tier, title); an empty set is no alert at all.

The red-flag answers' tiers are the questions' own table in tests/safety; the erasure
request's alert is in tests/patient/test_privacy.py."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings

from practice import player
from practice.models import ExerciseSession, SessionStatus
from progression import events, psfs
from progression.models import Suggestion, SuggestionKind, SuggestionStatus
from safety.models import Alert
from tests.factories import make_session


def alerts(patient) -> set[tuple[str, str, str]]:
    return set(Alert.objects.filter(patient=patient).values_list("kind", "tier", "title"))


def finish_today(patient, plan, *, before: int, after: int) -> None:
    """Today's session, checked out through the rules as the player does."""
    session = ExerciseSession.objects.create(
        patient=patient, plan=plan, local_date=patient.local_date(), pain_before=before
    )
    assert events.check_out(session, pain=after, effort="right", note="")
    assert session.status == SessionStatus.COMPLETED


SPIKE = "pain_spike", "attention"
IMPROVED = "improved", "information"
# (the baseline 20 days ago, this week's earlier scores before exercise (1, 2… days
# ago), today's before and after, the alerts)
PAIN_CASES = {
    "one session above the ceiling: a step back, no alert": (3, [3], (3, 6), set()),
    "above the ceiling in 2 sessions: urgent": (
        3,
        [(3, 6)],
        (3, 6),
        {("pain_ceiling", "urgent", "Pain above 5 in 2 sessions")},
    ),
    "at the ceiling in 2 sessions: nothing": (3, [(3, 5)], (3, 5), set()),
    "mean 2 points (25 %) above a baseline of 8": (
        8,
        [10],
        (10, 3),
        {(*SPIKE, "Pain up this week: 10.0/10")},
    ),
    "1.5 points (19 %) above 8: nothing": (8, [9], (10, 3), set()),
    "mean 30 % (1.5 points) above a baseline of 5": (
        5,
        [7],
        (6, 3),
        {(*SPIKE, "Pain up this week: 6.5/10")},
    ),
    "27 % above 5: nothing": (5, [6, 7], (6, 3), set()),
    "mean 2 points (25 %) below a baseline of 8: improvement": (
        8,
        [6],
        (6, 3),
        {(*IMPROVED, "Pain down this week: 6.0/10")},
    ),
    "1.5 points (19 %) below 8: nothing": (8, [7], (6, 3), set()),
    "30 % below a baseline of 5: improvement": (
        5,
        [4],
        (3, 3),
        {(*IMPROVED, "Pain down this week: 3.5/10")},
    ),
    "27 % below 5: nothing": (5, [4, 3], (4, 3), set()),
}


@pytest.mark.parametrize("baseline, week, today, expected", PAIN_CASES.values(), ids=PAIN_CASES)
def test_pain_at_check_out(alice, plan, baseline, week, today, expected):
    make_session(alice, plan, 20, baseline, baseline if baseline <= 5 else 3)
    for days_ago, score in enumerate(week, start=1):
        before, after = score if isinstance(score, tuple) else (score, 3)
        make_session(alice, plan, days_ago, before, after)
    before, after = today
    finish_today(alice, plan, before=before, after=after)
    assert alerts(alice) == expected


MORNING_CASES = {
    "worse at 5 (the ceiling): needs attention": ("worse", 5, "attention"),
    "worse at 6 (above the ceiling): urgent": ("worse", 6, "urgent"),
    "worse at 0: still needs attention": ("worse", 0, "attention"),
    "the same at 9: no alert": ("same", 9, None),
    "better at 8: no alert": ("better", 8, None),
}


@pytest.mark.parametrize("response, pain, tier", MORNING_CASES.values(), ids=MORNING_CASES)
def test_the_morning_check(alice, plan, response, pain, tier):
    make_session(alice, plan, 1, 3, 3)
    assert events.morning_check(alice, response=response, pain=pain)
    expected = {("morning_worse", tier, f"Worse the next morning: {pain}/10")} if tier else set()
    assert alerts(alice) == expected


@override_settings(PAIN_ACCEPTABLE_CEILING=7)
def test_the_morning_ceiling_is_the_clinics_setting(alice, plan):
    make_session(alice, plan, 1, 3, 3)
    events.morning_check(alice, response="worse", pain=7)
    assert alerts(alice) == {("morning_worse", "attention", "Worse the next morning: 7/10")}


def test_a_worse_morning_names_the_session_it_follows_and_steps_back(alice, plan):
    """The review's first case: "Worse" and 8/10 left no trace for the clinician."""
    make_session(alice, plan, 1, 4, 5)
    events.morning_check(alice, response="worse", pain=8)
    alert = Alert.objects.get(patient=alice)
    yesterday = (alice.local_date() - timedelta(days=1)).isoformat()
    assert alert.detail == f"After the session on {yesterday}: pain 4 before, 5 after."
    pending = Suggestion.objects.filter(patient=alice, status=SuggestionStatus.PENDING)
    assert {s.kind for s in pending} == {SuggestionKind.REGRESS}
    assert pending.count() == plan.items.count()


def test_a_second_morning_answer_raises_nothing_more(alice, plan):
    make_session(alice, plan, 1, 4, 5)
    events.morning_check(alice, response="worse", pain=8)
    assert not events.morning_check(alice, response="worse", pain=9)
    assert Alert.objects.filter(patient=alice).count() == 1


STEP_BACK = ("regress", "attention", "Step-backs on more than one day")


@pytest.mark.parametrize("days_before, expected", [(None, set()), (1, {STEP_BACK})])
def test_step_backs_on_more_than_one_day(alice, plan, days_before, expected):
    if days_before is not None:
        earlier = Suggestion.objects.create(
            patient=alice,
            item=plan.items.first(),
            kind=SuggestionKind.REGRESS,
            status=SuggestionStatus.SUPERSEDED,
            reason="earlier",
            exercise=plan.items.first().exercise,
            sets=1,
            reps=8,
            based_on={},
        )
        from django.utils import timezone

        Suggestion.objects.filter(pk=earlier.pk).update(
            created=timezone.now() - timedelta(days=days_before)
        )
    make_session(alice, plan, 1, 3, 3)
    finish_today(alice, plan, before=3, after=6)  # above the ceiling once: a step back
    assert alerts(alice) == expected


@pytest.mark.parametrize("missed, expected", [(2, set()), (3, {"Nothing logged on 3 due days"})])
def test_nothing_logged_on_due_days(alice, plan, missed, expected):
    make_session(alice, plan, missed + 1, 3, 3)  # every day is due; yesterday counts
    call_command("check_alerts", stdout=io.StringIO())
    assert {title for _k, _t, title in alerts(alice)} == expected
    assert all(tier == "attention" for _k, tier, _t in alerts(alice))


def test_a_bad_back_day_is_for_information(alice, plan):
    opened = player.opening(alice)
    player.start(alice, opened, bad_day=True)
    assert alerts(alice) == {("bad_day", "information", "Bad-back day")}


ACTIVITY_CASES = {
    "mean up 2 points: improvement": (
        [3, 3],
        [5, 5],
        {(*IMPROVED, "Activity score up 2.0 points")},
    ),
    "mean up 1.5: nothing": ([3, 3], [4, 5], set()),
    "mean down 3: nothing (pain and the rest say more)": ([6, 6], [3, 3], set()),
}


@pytest.mark.parametrize("first, latest, expected", ACTIVITY_CASES.values(), ids=ACTIVITY_CASES)
def test_the_activity_scores(alice, first, latest, expected):
    from progression.models import PsfsScore

    PsfsScore.objects.create(
        patient=alice,
        local_date=alice.local_date() - timedelta(days=14),
        activities=[{"activity": f"a{i}", "score": s} for i, s in enumerate(first)],
        mean=psfs.mean(first),
    )
    psfs.record(alice, [{"activity": f"a{i}", "score": s} for i, s in enumerate(latest)])
    assert alerts(alice) == expected


STOPPED = {
    "pain": {("stopped_pain", "attention", "Stopped a session because it hurt")},
    "unwell": set(),  # shown on the record; the safety advice covers the rest
    "no_time": set(),
}


@pytest.mark.parametrize("reason, expected", STOPPED.items(), ids=STOPPED)
def test_stopping_a_session_early(alice, plan, reason, expected):
    created = ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date(), pain_before=4
    )
    session = player.session_for(alice, created.code)  # as the stop view loads it
    player.stop(session, reason)
    player.stop(session, reason)  # a retry raises nothing more
    assert alerts(alice) == expected
    detail = Alert.objects.filter(patient=alice).values_list("detail", flat=True).first()
    if expected:
        assert detail == f"On {alice.local_date().isoformat()}, with pain 4 before starting."
    finish = events.check_out(session, pain=6, effort="hard", note="")
    assert finish and Alert.objects.filter(patient=alice).count() == len(expected)
