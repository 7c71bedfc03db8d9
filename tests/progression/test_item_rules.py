"""Every row of clinical.md §3.1 at its boundaries: each plan item decided from its own
logs (decide_item), the whole routine from the session and morning signals
(decide_routine). Pure functions: plain facts in, a decision out."""

from datetime import date, timedelta

import pytest

from progression import rules
from progression.rules import HOLD, PROGRESS, REGRESS, ItemDay, SessionFacts

TODAY = date(2026, 12, 3)
BRIDGE, CLAM = 1, 2
FULL = ItemDay(done=2)
EASIER = ItemDay(done=1, easier=1)
SKIPPED_PAIN = ItemDay(skipped=2, skipped_for_pain=2)
SKIPPED_TIME = ItemDay(skipped=2)
STOPPED_PAIN = ItemDay(done=1, stopped=1, stopped_for_pain=1)
STOPPED_TIME = ItemDay(done=1, stopped=1)
OLD_DOSE = ItemDay(done=2, at_dose=False)


def s(days_ago, item=FULL, *, worst=2, before=2, after=2, effort="right", morning="", mpain=None):
    """A session `days_ago` with the bridge's logs as `item` and the clamshell done fully."""
    return SessionFacts(
        local_date=TODAY - timedelta(days=days_ago),
        pain_before=before,
        pain_after=after,
        effort=effort,
        morning_pain=mpain,
        morning_response=morning,
        pain_worst=worst,
        items={BRIDGE: item, CLAM: FULL},
    )


ITEM_CASES = {
    # step back this item
    "skipped for pain in the last session": ([s(2), s(1, SKIPPED_PAIN)], REGRESS),
    "stopped for pain in the last session": ([s(2), s(1, STOPPED_PAIN)], REGRESS),
    "skipped for pain only the session before: hold": ([s(2, SKIPPED_PAIN), s(1)], HOLD),
    "skipped for no time: not a step back": ([s(2), s(1, SKIPPED_TIME)], HOLD),
    "stopped for no time: not a step back": ([s(2), s(1, STOPPED_TIME)], HOLD),
    "made easier in 2 sessions in a row": ([s(2, EASIER), s(1, EASIER)], REGRESS),
    "made easier in 2 sessions, not in a row": ([s(3, EASIER), s(2), s(1, EASIER)], HOLD),
    # hold this item
    "made easier once": ([s(2), s(1, EASIER)], HOLD),
    "effort too hard": ([s(2), s(1, effort="hard")], HOLD),
    "worst pain 4": ([s(2), s(1, worst=4)], HOLD),
    "worst pain 5 (the ceiling)": ([s(2), s(1, worst=5)], HOLD),
    # progress this item
    "2 sessions done fully, worst pain 3, about right": (
        [s(2, worst=3), s(1, worst=3)],
        PROGRESS,
    ),
    "easy is not too hard": ([s(2, effort="easy"), s(1, effort="easy")], PROGRESS),
    "worst pain 4 the session before": ([s(2, worst=4), s(1, worst=3)], HOLD),
    "too hard the session before": ([s(2, effort="hard"), s(1)], HOLD),
    "made easier the session before": ([s(2, EASIER), s(1)], HOLD),
    "only 1 session": ([s(1)], HOLD),
    "the session before at the old dose": ([s(2, OLD_DOSE), s(1)], HOLD),
    "a missing morning check is neutral": ([s(2), s(1)], PROGRESS),
    "better and the same mornings": (
        [s(2, morning="better", mpain=1), s(1, morning="same", mpain=2)],
        PROGRESS,
    ),
    "a worse morning after the last": ([s(2), s(1, morning="worse", mpain=3)], HOLD),
    "a worse morning after the one before": ([s(2, morning="worse", mpain=2), s(1)], HOLD),
    "a worse morning 3 sessions ago no longer blocks": (
        [s(3, morning="worse", mpain=2), s(2), s(1)],
        PROGRESS,
    ),
    "pain 6 after but worst pain 3: worst pain is the pain during": (
        [s(2, worst=3), s(1, worst=3, after=6)],
        PROGRESS,
    ),
    "an older session without a worst pain reads pain after": (
        [s(2, worst=None, after=4), s(1)],
        HOLD,
    ),
    "no sessions": ([], HOLD),
}


@pytest.mark.parametrize(("sessions", "action"), ITEM_CASES.values(), ids=ITEM_CASES)
def test_each_item_row(sessions, action):
    routine = rules.decide_routine(sessions, TODAY)
    assert routine.action == HOLD  # none of these steps back the whole routine
    decision = rules.decide_item(BRIDGE, sessions, blocked=routine.blocked)
    assert decision.action == action, decision.reason


def test_one_painful_exercise_steps_back_that_exercise_only():
    sessions = [s(2), s(1, SKIPPED_PAIN)]
    assert rules.decide_item(BRIDGE, sessions).action == REGRESS
    assert rules.decide_item(CLAM, sessions).action == PROGRESS


def test_the_reason_names_the_evidence_and_the_rule():
    sessions = [s(2), s(1, SKIPPED_PAIN, worst=5)]
    reason = rules.decide_item(BRIDGE, sessions).reason
    assert reason.startswith("Skipped for pain on 2 Dec; worst pain 5 on 2 Dec.")
    assert "Rule: skipped or stopped for pain in the last session" in reason


def test_a_review_answer_blocks_progress():
    sessions = [s(2), s(1)]
    routine = rules.decide_routine(sessions, TODAY, review_open=True)
    assert routine.action == HOLD and routine.blocked
    assert rules.decide_item(BRIDGE, sessions, blocked=routine.blocked).action == HOLD


def week(days_ago_scores):
    return [s(d, before=b, worst=2) for d, b in days_ago_scores]


ROUTINE_CASES = {
    "worst pain 6 (above 5)": ([s(2), s(1, worst=6)], REGRESS),
    "worst pain 5": ([s(2), s(1, worst=5)], HOLD),
    "worst pain 6 the session before only": ([s(2, worst=6), s(1)], HOLD),
    "no worst pain recorded, pain after 6": ([s(1, worst=None, after=6)], REGRESS),
    "worse next morning, 2 points above before": (
        [s(1, before=3, morning="worse", mpain=5)],
        REGRESS,
    ),
    "worse next morning, 1 point above before": (
        [s(1, before=3, morning="worse", mpain=4)],
        HOLD,
    ),
    "the same next morning, 3 points above before": (
        [s(1, before=3, morning="same", mpain=6)],
        HOLD,
    ),
    "weekly mean 2 points above last week's (3 → 5)": (
        week([(9, 3), (8, 3), (2, 5), (1, 5)]),
        REGRESS,
    ),
    "weekly mean 1.5 points and 25 % above (6 → 7.5)": (
        week([(9, 6), (8, 6), (2, 7), (1, 8)]),
        HOLD,
    ),
    "weekly mean 30 % above (5 → 6.5)": (week([(9, 5), (8, 5), (2, 6), (1, 7)]), REGRESS),
    "weekly mean 0.5 above: no longer a step back": (
        week([(9, 2), (8, 2), (2, 2), (1, 3)]),
        HOLD,
    ),
    "no last week to compare": (week([(2, 5), (1, 7)]), HOLD),
}


@pytest.mark.parametrize(("sessions", "action"), ROUTINE_CASES.values(), ids=ROUTINE_CASES)
def test_each_whole_routine_row(sessions, action):
    assert rules.decide_routine(sessions, TODAY).action == action


def test_bad_back_days_are_not_eligible():
    bad = SessionFacts(TODAY, 6, 8, "hard", pain_worst=8, bad_day=True)
    sessions = [s(2), s(1), bad]
    assert rules.eligible(sessions) == sessions[:2]
    assert rules.decide_routine(rules.eligible(sessions), TODAY).action == HOLD
    assert rules.above_ceiling_twice([s(1, worst=6), bad])  # alerts still see it


@pytest.mark.parametrize(("worst", "expected"), [((6, 6), True), ((5, 6), False), ((6, 5), False)])
def test_above_the_ceiling_twice_is_for_the_alert(worst, expected):
    assert rules.above_ceiling_twice([s(2, worst=worst[0]), s(1, worst=worst[1])]) == expected


def test_the_thresholds_come_from_settings(settings):
    settings.PAIN_ACCEPTABLE_CEILING = 6
    assert rules.decide_routine([s(1, worst=6)], TODAY).action == HOLD
    settings.PAIN_SAFE_CEILING = 4
    assert rules.decide_item(BRIDGE, [s(2, worst=4), s(1, worst=4)]).action == PROGRESS
    settings.PROGRESS_AFTER_SESSIONS = 3
    assert rules.decide_item(BRIDGE, [s(2), s(1)]).action == HOLD
