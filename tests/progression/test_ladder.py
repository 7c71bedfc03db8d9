"""The ladder of clinical.md §3.1, one rung per suggestion, for each kind of dose: holds
(+10 s to 60 s, then +1 set to 3), reps (+2 to 12, then +1 set to 3), reps with a hold
(+2 s to 10 s, then +2 reps to 12, then +1 set to 3); a step back goes down the same
rungs; past either end, the easier or harder exercise at its starting dose."""

from types import SimpleNamespace

import pytest

from progression.rules import HOLD, PROGRESS, REGRESS, next_dose

EASIER = SimpleNamespace(name="Easier", published=True, sets=1, reps=5, hold_seconds=None)
HARDER = SimpleNamespace(name="Harder", published=True, sets=2, reps=8, hold_seconds=3)
EXERCISE = SimpleNamespace(name="This", published=True, easier=EASIER, harder=HARDER)
ALONE = SimpleNamespace(name="Alone", published=True, easier=None, harder=None)


def item(sets, reps, hold, exercise=EXERCISE):
    return SimpleNamespace(exercise=exercise, sets=sets, reps=reps, hold_seconds=hold)


def step(dose, action, exercise=EXERCISE):
    new = next_dose(item(*dose, exercise=exercise), action)
    if new is None:
        return None
    shape = (new.sets, new.reps, new.hold_seconds)
    return shape if new.exercise is exercise else (new.exercise.name, *shape)


LADDER = {
    # holds (sets, reps, hold)
    "hold +10 s": ((2, None, 30), PROGRESS, (2, None, 40)),
    "hold 55 s tops out at 60": ((1, None, 55), PROGRESS, (1, None, 60)),
    "hold at 60 s: a set more": ((1, None, 60), PROGRESS, (2, None, 60)),
    "hold at 60 s and 3 sets: the harder exercise": ((3, None, 60), PROGRESS, ("Harder", 2, 8, 3)),
    "hold step back -10 s": ((1, None, 30), REGRESS, (1, None, 20)),
    "hold step back at 60 s: a set fewer": ((3, None, 60), REGRESS, (2, None, 60)),
    "hold step back to the bottom, 10 s": ((1, None, 15), REGRESS, (1, None, 10)),
    "hold at the bottom with sets: a set fewer": ((3, None, 10), REGRESS, (2, None, 10)),
    "hold at the very bottom: the easier exercise": (
        (1, None, 10),
        REGRESS,
        ("Easier", 1, 5, None),
    ),
    # a long stretch stays on the stretch ladder; a timed walk moves by minutes
    "a 90 s stretch: a set more": ((1, None, 90), PROGRESS, (2, None, 90)),
    "a 90 s stretch steps back 10 s": ((1, None, 90), REGRESS, (1, None, 80)),
    "a 5-minute walk: a walk more": ((1, None, 300), PROGRESS, (2, None, 300)),
    "a 5-minute walk steps back a minute": ((1, None, 300), REGRESS, (1, None, 240)),
    "a 2-minute walk at the bottom: the easier exercise": (
        (1, None, 120),
        REGRESS,
        ("Easier", 1, 5, None),
    ),
    # reps
    "reps +2": ((2, 10, None), PROGRESS, (2, 12, None)),
    "reps 11 tops out at 12": ((1, 11, None), PROGRESS, (1, 12, None)),
    "reps at 12: a set more": ((2, 12, None), PROGRESS, (3, 12, None)),
    "reps at 3 × 12: the harder exercise": ((3, 12, None), PROGRESS, ("Harder", 2, 8, 3)),
    "reps step back -2": ((2, 10, None), REGRESS, (2, 8, None)),
    "reps step back at 12: a set fewer": ((3, 12, None), REGRESS, (2, 12, None)),
    "reps at the bottom (4) with 2 sets: a set fewer": ((2, 4, None), REGRESS, (1, 4, None)),
    "reps at the very bottom: the easier exercise": ((1, 4, None), REGRESS, ("Easier", 1, 5, None)),
    # reps with a hold on each
    "held reps: +2 s of hold": ((2, 10, 5), PROGRESS, (2, 10, 7)),
    "held reps: hold at 10 s, +2 reps": ((2, 10, 10), PROGRESS, (2, 12, 10)),
    "held reps: at 12 × 10 s, a set more": ((2, 12, 10), PROGRESS, (3, 12, 10)),
    "held reps at the top: the harder exercise": ((3, 12, 10), PROGRESS, ("Harder", 2, 8, 3)),
    "held reps step back: -2 s": ((2, 10, 5), REGRESS, (2, 10, 3)),
    "held reps step back at 10 s: -2 reps": ((2, 10, 10), REGRESS, (2, 8, 10)),
    "held reps step back at the top: a set fewer": ((3, 12, 10), REGRESS, (2, 12, 10)),
    "held reps at the very bottom: the easier exercise": (
        (1, 4, 2),
        REGRESS,
        ("Easier", 1, 5, None),
    ),
    # hold: no change
    "hold decision: no new dose": ((2, 10, None), HOLD, None),
}


@pytest.mark.parametrize(("dose", "action", "expected"), LADDER.values(), ids=LADDER)
def test_one_rung(dose, action, expected):
    assert step(dose, action) == expected


@pytest.mark.parametrize(("dose", "action"), [((3, 12, None), PROGRESS), ((1, None, 10), REGRESS)])
def test_past_the_end_without_a_variant_there_is_no_rung(dose, action):
    assert step(dose, action, exercise=ALONE) is None


def test_an_unpublished_variant_is_never_suggested():
    hidden = SimpleNamespace(**{**vars(HARDER), "published": False})
    exercise = SimpleNamespace(name="This", published=True, easier=None, harder=hidden)
    assert step((3, 12, None), PROGRESS, exercise=exercise) is None


def test_the_rungs_come_from_settings(settings):
    settings.LADDER_HOLD_STEP = 5
    settings.LADDER_REPS_TOP = 15
    assert step((1, None, 30), PROGRESS) == (1, None, 35)
    assert step((2, 12, None), PROGRESS) == (2, 14, None)
