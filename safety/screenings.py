"""A patient's red-flag check: which questions it asks and how (safety/rules.py decides),
and recording the answers with the alert they raise (clinical.md §2.1)."""

from dataclasses import dataclass

from django.db.models import Max, Min
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from safety import rules
from safety.alerts import raise_alert
from safety.models import AlertKind, AlertTier, KnownAnswer, Screening, ScreeningQuestion, Tier

# The alert each screening tier raises (clinical.md §2.1, "Alert tiers").
ALERT_FOR = {
    Tier.EMERGENCY: (AlertKind.RED_FLAG, AlertTier.EMERGENCY, _("Red flag: {name}")),
    Tier.URGENT: (AlertKind.RED_FLAG, AlertTier.URGENT, _("Red flag: {name}")),
    Tier.REVIEW: (AlertKind.REVIEW_ANSWER, AlertTier.ATTENTION, _("Review answer: {name}")),
    Tier.HISTORY: (AlertKind.REVIEW_ANSWER, AlertTier.INFORMATION, _("History: {name}")),
}


@dataclass(frozen=True)
class Asked:
    """One question of this check, worded for it."""

    question: ScreeningQuestion
    text: str  # English, as stored; shown translated
    known: bool  # asked as "answer yes only if it is new or has changed"

    @property
    def key(self) -> str:
        return self.question.key


@dataclass(frozen=True)
class Check:
    """The questions of one check, and whether it is the patient's first."""

    questions: list[Asked]
    first: bool


def check_for(patient, *, changed: bool = False) -> Check:
    """The patient's check now. Three queries: the dates of their first and latest
    checks, what their clinician has noted as known, and the questions. Coming back
    before the weekly check is due counts as "something changed"."""
    dates = Screening.objects.filter(patient=patient).aggregate(
        first=Min("local_date"), latest=Max("local_date")
    )
    today = patient.local_date()
    first = dates["first"] is None
    changed = changed or (not first and not rules.check_due(dates["latest"], today))
    days = 0 if first else (today - dates["first"]).days
    known = set(KnownAnswer.objects.filter(patient=patient).values_list("question_key", flat=True))
    questions = [
        Asked(q, q.wording(first), rules.asked_as_known(q.tier, q.key, known))
        for q in ScreeningQuestion.objects.filter(active=True)
        if rules.is_asked(q.when, first=first, changed=changed, days_since_first=days)
    ]
    return Check(questions, first)


def history_for(patient, asked_keys) -> dict[str, bool]:
    """The patient's latest answer to each history question not asked this time (for the
    combined rule). One query over their checks."""
    history_keys = set(
        ScreeningQuestion.objects.filter(tier=Tier.HISTORY).values_list("key", flat=True)
    ) - set(asked_keys)
    found: dict[str, bool] = {}
    for answers in (
        Screening.objects.filter(patient=patient).order_by("-at").values_list("answers", flat=True)
    ):
        for a in answers:
            if a.get("key") in history_keys and a["key"] not in found:
                # Asked as known ("yes only if changed"), a "no" keeps the known yes.
                found[a["key"]] = bool(a.get("yes") or a.get("known"))
        if found.keys() == history_keys:
            break
    return found


def _title(result: str, answers: list[dict], history: dict[str, bool]):
    kind, tier, title = ALERT_FOR[result]
    positive = [a for a in answers if a["yes"]]
    first = next((a for a in positive if a["tier"] == result), None)
    if first is None:  # urgent by the combined rule alone
        other = next(a for a in positive if a["key"] in rules.COMBINED_WITH)
        cancer = ScreeningQuestion.objects.filter(key=rules.COMBINED_HISTORY).first()
        name = format_lazy(
            _("{history}, with {name}"),
            history=_(cancer.short_name) if cancer else rules.COMBINED_HISTORY,
            name=_(other.get("name") or other["text"]),
        )
    else:
        name = _(first.get("name") or first["text"])
    return kind, tier, format_lazy(title, name=name)


def record(patient, answers: list[dict]) -> Screening:
    """The answers as asked ([{key, text, name, tier, yes, known}]), the tier they come
    to (with the combined rule, counting the last answer to a history question asked
    before), and for any "yes" an alert for the clinician. Call inside a transaction."""
    # A known answer left at "no" is unchanged: it counts for nothing now, though a
    # known history fact still counts for the combined rule.
    counted = {a["key"]: a["yes"] for a in answers if a["yes"] or not a.get("known")}
    history = history_for(patient, counted)
    history.update(
        {a["key"]: True for a in answers if a["key"] not in counted and a["tier"] == Tier.HISTORY}
    )
    result = rules.tier(counted, {a["key"]: a["tier"] for a in answers}, history)
    screening = Screening.objects.create(
        patient=patient, local_date=patient.local_date(), answers=answers, tier=result
    )
    if result in ALERT_FOR:
        kind, tier, title = _title(result, answers, history)
        raise_alert(
            patient,
            kind,
            tier=tier,
            title=title,
            detail="; ".join(a["text"] for a in answers if a["yes"])[:300],
            screening=screening,
        )
    return screening
