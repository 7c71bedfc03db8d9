"""The bad-back-day swap (clinical.md §3.1): the substitute runs at its own dose shape
and sidedness (its default dose, one set fewer, at least one) and never repeats an
exercise already in the routine; with no substitute, the walking break once, then the
same exercise at a lower dose."""

from types import SimpleNamespace

import pytest

from routines.badday import bad_day_items, lower_dose


def exercise(pk, name, sets=2, reps=None, hold=None, per_side=False, easier=None, published=True):
    return SimpleNamespace(
        pk=pk,
        name=name,
        sets=sets,
        reps=reps,
        hold_seconds=hold,
        rest_seconds=20,
        per_side=per_side,
        easier=easier,
        published=published,
    )


CAT_CAMEL = exercise(1, "Cat-camel", sets=1, reps=6)
CHILD = exercise(2, "Child's pose", sets=3, hold=30)
BIRD_DOG = exercise(3, "Bird dog", sets=5, hold=8, per_side=True, easier=CAT_CAMEL)
BRIDGE = exercise(4, "Glute bridge", sets=2, reps=10, hold=3)
CLAM = exercise(5, "Clamshell", sets=2, reps=10, per_side=True, easier=CAT_CAMEL)
WALK = exercise(6, "Walking break", sets=1, hold=300)


def item(pk, ex, *, sets=None, reps=None, hold=None, bad_day=None, per_side=None):
    return SimpleNamespace(
        pk=pk,
        exercise=ex,
        bad_day_exercise=bad_day,
        sets=sets or ex.sets,
        reps=reps if reps is not None else ex.reps,
        hold_seconds=hold if hold is not None else ex.hold_seconds,
        rest_seconds=30,
        per_side=ex.per_side if per_side is None else per_side,
        notes="Go slowly",
        order=pk,
    )


def shape(easier):
    return (
        easier.exercise.name,
        easier.sets,
        easier.reps,
        easier.hold_seconds,
        easier.per_side,
        easier.swapped_from.name if easier.swapped_from else None,
    )


def test_the_substitute_runs_at_its_own_dose_and_sidedness():
    """The review's case: cat-camel ran as "Hold for 6 seconds · left side · set 1 of 4"."""
    (swapped,) = bad_day_items([item(10, BIRD_DOG)])
    assert shape(swapped) == ("Cat-camel", 1, 6, None, False, "Bird dog")
    assert swapped.rest_seconds == 20 and swapped.notes == ""  # the notes were bird dog's


def test_the_clinicians_choice_comes_before_the_catalogues_and_loses_a_set():
    (swapped,) = bad_day_items([item(10, BIRD_DOG, bad_day=CHILD)])
    assert shape(swapped) == ("Child's pose", 2, None, 30, False, "Bird dog")


def test_a_substitute_already_in_the_routine_is_not_repeated():
    """Cat-camel is in the plan: bird dog falls back to itself at a lower dose."""
    items = [item(10, CAT_CAMEL), item(11, BIRD_DOG)]
    swapped = bad_day_items(items)
    assert [s.exercise.name for s in swapped] == ["Cat-camel", "Bird dog"]
    assert shape(swapped[1]) == ("Bird dog", 4, None, 6, True, None)


def test_two_items_with_the_same_substitute_get_it_once():
    swapped = bad_day_items([item(10, BIRD_DOG), item(11, CLAM)])
    assert [shape(s) for s in swapped] == [
        ("Cat-camel", 1, 6, None, False, "Bird dog"),
        ("Clamshell", 1, 7, None, True, None),
    ]
    names = [s.exercise.name for s in swapped]
    assert len(names) == len(set(names))


def test_an_unpublished_easier_link_is_not_used():
    hidden = exercise(9, "Hidden", reps=5, published=False)
    plain = exercise(8, "Plain", reps=9, easier=hidden)
    (swapped,) = bad_day_items([item(10, plain)])
    assert shape(swapped) == ("Plain", 1, 6, None, False, None)


def test_no_substitute_falls_back_to_the_walking_break_once():
    """§3.1: the walking break when no substitute exists; never twice in one session,
    and asked for only when needed."""
    asked = []

    def walk():
        asked.append(1)
        return WALK

    swapped = bad_day_items([item(10, CHILD), item(11, CAT_CAMEL), item(12, BIRD_DOG)], walk)
    assert [shape(s) for s in swapped] == [
        ("Walking break", 1, None, 300, False, "Child's pose"),
        ("Cat-camel", 1, 4, None, False, None),
        ("Bird dog", 4, None, 6, True, None),  # cat-camel is already in the routine
    ]
    assert asked == [1]
    assert bad_day_items([item(10, BIRD_DOG)], walk)[0].exercise is CAT_CAMEL
    assert asked == [1]  # a routine where every item has a substitute never asks


def test_the_walking_break_is_not_repeated_when_the_plan_has_one():
    swapped = bad_day_items([item(10, WALK), item(11, CHILD)], lambda: WALK)
    assert [s.exercise.name for s in swapped] == ["Walking break", "Child's pose"]
    assert shape(swapped[1]) == ("Child's pose", 2, None, 20, False, None)


def test_with_no_walking_break_published_the_item_keeps_a_lower_dose():
    (swapped,) = bad_day_items([item(10, CHILD)], lambda: None)
    assert shape(swapped) == ("Child's pose", 2, None, 20, False, None)


@pytest.mark.parametrize(
    ("sets", "reps", "hold", "expected"),
    [
        (3, 12, None, (2, 8, None)),
        (1, 1, None, (1, 1, None)),
        (2, None, 30, (1, None, 20)),
        (2, None, 1, (1, None, 1)),
        (1, 10, None, (1, 7, None)),
        (2, 10, 5, (1, 7, 4)),  # reps with a hold: both a third less
    ],
)
def test_the_lower_dose_of_the_same_exercise(sets, reps, hold, expected):
    lower = lower_dose(
        SimpleNamespace(
            **{**vars(item(10, BRIDGE)), "sets": sets, "reps": reps, "hold_seconds": hold}
        )
    )
    assert (lower.sets, lower.reps, lower.hold_seconds) == expected
