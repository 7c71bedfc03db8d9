"""The Patient-Specific Functional Scale (clinical.md §4): when it is due, the mean of
the activities' scores, and what change is meaningful."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction

from progression.models import PsfsScore

EVERY_DAYS = 14
MAX_ACTIVITIES = 3
MEANINGFUL = Decimal(2)  # detectable change of the mean, 90 % confidence (clinical.md §4)


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
