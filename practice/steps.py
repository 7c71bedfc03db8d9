"""The steps of a session, derived from the plan: one per set and side. Plain
functions: the current step is the first one without a log, so a reload, a closed tab
or a dead battery resumes exactly where the patient was."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from practice.models import Side

StepKey = tuple[int, str, int]  # (item id, side, set number)


@dataclass(frozen=True)
class Step:
    index: int  # position in the whole session, from 0
    item: object  # RoutineItem, with .exercise loaded
    side: str
    set_number: int
    exercise_number: int  # 1-based position of the item in the plan

    @property
    def key(self) -> StepKey:
        return (self.item.pk, self.side, self.set_number)

    @property
    def exercise(self):
        return self.item.exercise


def plan_steps(items: Sequence) -> list[Step]:
    """Each set in turn; a one-sided exercise does the left, then the right, per set."""
    steps: list[Step] = []
    for number, item in enumerate(items, start=1):
        sides = (Side.LEFT, Side.RIGHT) if item.per_side else (Side.BOTH,)
        for set_number in range(1, item.sets + 1):
            for side in sides:
                steps.append(Step(len(steps), item, side, set_number, number))
    return steps


def current_step(steps: Sequence[Step], logged: Iterable[StepKey]) -> Step | None:
    done = set(logged)
    return next((step for step in steps if step.key not in done), None)


def find_step(steps: Sequence[Step], key: StepKey) -> Step | None:
    return next((step for step in steps if step.key == key), None)


def transition(steps: Sequence[Step], step: Step) -> str:
    """What comes before this step, for the player's cue: "start" (a new exercise),
    "switch" (same set, other side) or "rest" (the next set of the same exercise)."""
    if step.index == 0:
        return "start"
    previous = steps[step.index - 1]
    if previous.item.pk != step.item.pk:
        return "start"
    if previous.set_number == step.set_number:
        return "switch"
    return "rest"


# What a skip covers, as the patient chose it: this side of this set only, both sides
# of this set, or the rest of the exercise.
SKIP_SIDE, SKIP_SET, SKIP_EXERCISE = "side", "set", "exercise"


def skipped_by(steps: Sequence[Step], step: Step, scope: str, logged: Iterable[StepKey]):
    """The steps not yet logged that a skip of `step` with `scope` covers; never a step
    of another exercise, and never another set unless the whole exercise is skipped."""
    done = set(logged)
    if scope == SKIP_SIDE:
        covered = [step]
    elif scope == SKIP_SET:
        covered = [
            s for s in steps if s.item.pk == step.item.pk and s.set_number == step.set_number
        ]
    else:
        covered = [s for s in steps if s.item.pk == step.item.pk]
    return [s for s in covered if s.key not in done]
