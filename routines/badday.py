"""Bad-back day: each item's bad-day version at a lower dose. Plain functions over a
plan's items, so the player, the logs and the tests share one rule (clinical.md §3.1,
"Bad-back-day swap")."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings

from exercises.dose import hold_text
from exercises.models import HOLD_SECONDS, REPS, Exercise


@dataclass(frozen=True)
class EasierItem:
    """Stands in for a RoutineItem on a bad-back day; same pk, so logs still point at
    the plan's item, while the exercise and dose are the easier ones actually done.
    swapped_from: the plan's exercise when another one is done instead, else None."""

    pk: int
    exercise: object
    sets: int
    reps: int | None
    hold_seconds: int | None
    rest_seconds: int
    per_side: bool
    notes: str
    order: int
    swapped_from: object = None

    @property
    def id(self) -> int:
        return self.pk

    @property
    def hold_text(self) -> str:
        return hold_text(self.hold_seconds) if self.hold_seconds else ""


def _substitute(item):
    """The clinician's bad-day choice, else the catalogue's published easier link."""
    if item.bad_day_exercise is not None:
        return item.bad_day_exercise
    easier = item.exercise.easier
    return easier if easier is not None and easier.published else None


def _swapped(item, substitute) -> EasierItem:
    """The substitute at its own dose shape and sidedness: its default dose, one set
    fewer (at least one). The plan item's notes were written for the other exercise."""
    return EasierItem(
        pk=item.pk,
        exercise=substitute,
        sets=max(1, substitute.sets - 1),
        reps=substitute.reps,
        hold_seconds=substitute.hold_seconds,
        rest_seconds=substitute.rest_seconds,
        per_side=substitute.per_side,
        notes="",
        order=item.order,
        swapped_from=item.exercise,
    )


def lower_dose(item) -> EasierItem:
    """The same exercise, one set fewer (at least one) and about a third less work per
    set: reps, the hold, or both."""
    reps = max(REPS[0], math.ceil(item.reps * 2 / 3)) if item.reps else None
    hold = max(HOLD_SECONDS[0], math.ceil(item.hold_seconds * 2 / 3)) if item.hold_seconds else None
    return EasierItem(
        pk=item.pk,
        exercise=item.exercise,
        sets=max(1, item.sets - 1),
        reps=reps,
        hold_seconds=hold,
        rest_seconds=item.rest_seconds,
        per_side=item.per_side,
        notes=item.notes,
        order=item.order,
    )


def bad_day_items(
    items: Sequence, fallback: Callable[[], object] | None = None
) -> list[EasierItem]:
    """Each item's bad-day version, in order. A substitute never repeats an exercise
    already in the routine (another item's, or an earlier item's substitute). The first
    item with no usable substitute becomes the walking break (`fallback()`, asked for
    at most once and only when needed; clinical.md §3.1), unless the routine already
    has it; every other such item is its own exercise at a lower dose."""
    used = {item.exercise.pk for item in items}
    swapped = []
    walk_tried = False
    for item in items:
        substitute = _substitute(item)
        if (substitute is None or substitute.pk in used) and not walk_tried and fallback:
            walk_tried = True
            substitute = fallback()
        if substitute is not None and substitute.pk not in used:
            used.add(substitute.pk)
            swapped.append(_swapped(item, substitute))
        else:
            swapped.append(lower_dose(item))
    return swapped


def walking_break():
    """The bad-day fallback of clinical.md §3.1, if the catalogue publishes it."""
    return Exercise.objects.published().filter(slug=settings.BAD_DAY_FALLBACK).first()
