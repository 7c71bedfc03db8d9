"""Recording a patient's answers to the red-flag questions."""

from safety import rules
from safety.models import Alert, AlertKind, Screening, Tier


def record(patient, answers: list[dict]) -> Screening:
    """The answers as asked ([{key, text, tier, yes}]), the tier they come to, and for
    any "yes" an alert for the clinician. Call inside a transaction."""
    result = rules.tier(
        {a["key"]: a["yes"] for a in answers}, {a["key"]: a["tier"] for a in answers}
    )
    screening = Screening.objects.create(
        patient=patient, local_date=patient.local_date(), answers=answers, tier=result
    )
    if result != Tier.CLEAR:
        positive = [a["text"] for a in answers if a["yes"]]
        Alert.objects.create(
            patient=patient,
            kind=AlertKind.RED_FLAG,
            screening=screening,
            detail=f"{screening.get_tier_display()}: " + "; ".join(positive)[:200],
        )
    return screening
