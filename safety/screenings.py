"""Recording a patient's answers to the red-flag questions."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from safety import rules
from safety.alerts import raise_alert
from safety.models import AlertKind, AlertTier, Screening, Tier

# The alert each screening tier raises (clinical.md §2.1, "Alert tiers").
ALERT_FOR = {
    Tier.EMERGENCY: (AlertKind.RED_FLAG, AlertTier.EMERGENCY, _("Red flag: {name}")),
    Tier.URGENT: (AlertKind.RED_FLAG, AlertTier.URGENT, _("Red flag: {name}")),
    Tier.REVIEW: (AlertKind.REVIEW_ANSWER, AlertTier.ATTENTION, _("Review answer: {name}")),
}


def record(patient, answers: list[dict]) -> Screening:
    """The answers as asked ([{key, text, tier, yes}]), the tier they come to, and for
    any "yes" an alert for the clinician. Call inside a transaction."""
    result = rules.tier(
        {a["key"]: a["yes"] for a in answers}, {a["key"]: a["tier"] for a in answers}
    )
    screening = Screening.objects.create(
        patient=patient, local_date=patient.local_date(), answers=answers, tier=result
    )
    if result in ALERT_FOR:
        kind, tier, title = ALERT_FOR[result]
        positive = [a for a in answers if a["yes"]]
        first = next(a for a in positive if a["tier"] == result)
        raise_alert(
            patient,
            kind,
            tier=tier,
            title=format_lazy(title, name=_(first.get("name") or first["text"])),
            detail="; ".join(a["text"] for a in positive)[:300],
            screening=screening,
        )
    return screening
