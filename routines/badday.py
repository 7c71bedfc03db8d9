"""Bad-back day: each item's bad-day version at a lower dose. A plain function over a
plan item, so the player, the logs and the tests share one rule."""

import math
from dataclasses import dataclass

from exercises.models import HOLD_SECONDS, REPS


@dataclass(frozen=True)
class EasierItem:
    """Stands in for a RoutineItem on a bad-back day; same pk, so logs still point at
    the plan's item, while the exercise and dose are the easier ones actually done."""

    pk: int
    exercise: object
    sets: int
    reps: int | None
    hold_seconds: int | None
    rest_seconds: int
    per_side: bool
    notes: str
    order: int

    @property
    def id(self) -> int:
        return self.pk


def easier_version(item) -> EasierItem:
    """The clinician's bad-day choice, else the catalogue's easier link, else the same
    exercise; one set fewer (at least one) and about a third less work per set."""
    exercise = item.bad_day_exercise or item.exercise.easier or item.exercise
    reps = max(REPS[0], math.ceil(item.reps * 2 / 3)) if item.reps else None
    hold = max(HOLD_SECONDS[0], math.ceil(item.hold_seconds * 2 / 3)) if item.hold_seconds else None
    return EasierItem(
        pk=item.pk,
        exercise=exercise,
        sets=max(1, item.sets - 1),
        reps=reps,
        hold_seconds=hold,
        rest_seconds=item.rest_seconds,
        per_side=item.per_side,
        notes=item.notes,
        order=item.order,
    )
