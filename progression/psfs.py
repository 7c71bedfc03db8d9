"""The Patient-Specific Functional Scale (clinical.md §4): when it is due, the mean of
the activities' scores, and what change is meaningful."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from progression.models import PsfsScore
from safety.alerts import raise_alert
from safety.models import AlertKind

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
    return due_after(last.local_date if last else None, today)


def due_after(last_on: date | None, today: date) -> bool:
    """Whether the scores are due again, given the day they were last given."""
    return last_on is None or today - last_on >= timedelta(days=EVERY_DAYS)


def mean(scores: list[int]) -> Decimal:
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def record(patient, rated: list[dict]) -> None:
    """Today's scores ([{activity, score}]); a second answer the same day (a retry or a
    second tab) keeps the first. A mean up by the detectable change on the first score
    is a meaningful improvement the clinician is told of (clinical.md §2.1)."""
    try:
        with transaction.atomic():
            score = PsfsScore.objects.create(
                patient=patient,
                local_date=patient.local_date(),
                activities=rated,
                mean=mean([r["score"] for r in rated]),
            )
    except IntegrityError:
        return
    first = PsfsScore.objects.filter(patient=patient).order_by("local_date", "pk").first()
    if first.pk != score.pk and score.mean - first.mean >= MEANINGFUL:
        raise_alert(
            patient,
            AlertKind.IMPROVED,
            title=format_lazy(
                _("Activity score up {change} points"), change=f"{score.mean - first.mean:.1f}"
            ),
            detail=format_lazy(
                _("Mean {latest} against {first} at the start."),
                latest=score.mean,
                first=first.mean,
            ),
        )
