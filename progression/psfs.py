"""The Patient-Specific Functional Scale (clinical.md §4): when it is due, the mean of
the activities' scores, and what change is meaningful."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction

from progression.models import PsfsScore

EVERY_DAYS = 14
MAX_ACTIVITIES = 3
MEANINGFUL = Decimal(2)  # detectable change of the mean, 90 % confidence (clinical.md §4)
MEANINGFUL_ACTIVITY = 3  # detectable change of one activity's score, the same source


def activity_changes(scores: list[PsfsScore]) -> list[dict]:
    """Each activity named at the baseline with its first and latest score and the
    change (positive is better: 10 is "as before the problem"), oldest scores first.
    `meaningful` is "better", "worse" or "" against the 3-point threshold."""
    if not scores:
        return []
    latest = {a["activity"]: a["score"] for a in scores[-1].activities}
    rows = []
    for first in scores[0].activities:
        now = latest.get(first["activity"])
        change = None if now is None or len(scores) < 2 else now - first["score"]
        meaningful = ""
        if change is not None and change >= MEANINGFUL_ACTIVITY:
            meaningful = "better"
        elif change is not None and change <= -MEANINGFUL_ACTIVITY:
            meaningful = "worse"
        rows.append(
            {
                "activity": first["activity"],
                "baseline": first["score"],
                "latest": now,
                "change": change,
                "meaningful": meaningful,
            }
        )
    return rows


def due(last: PsfsScore | None, today) -> bool:
    return last is None or today - last.local_date >= timedelta(days=EVERY_DAYS)


def mean(scores: list[int]) -> Decimal:
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def record(patient, rated: list[dict]) -> None:
    """Today's scores ([{activity, score}]); a second answer the same day (a retry or a
    second tab) keeps the first."""
    try:
        with transaction.atomic():
            PsfsScore.objects.create(
                patient=patient,
                local_date=patient.local_date(),
                activities=rated,
                mean=mean([r["score"] for r in rated]),
            )
    except IntegrityError:
        pass
