"""Red-flag screening (clinical.md §2). Plain functions: the tier of a set of answers,
and when the next check is due. The questions themselves live in the database
(ScreeningQuestion), so an admin can adjust the wording after clinical sign-off.

This is a screen for warning signs, not a diagnosis: a positive answer says "get this
looked at", with how urgently."""

from datetime import date, timedelta

from safety.models import Tier

# Most serious first; the tiers themselves are safety.models.Tier, the one vocabulary.
ORDER = [Tier.EMERGENCY, Tier.URGENT, Tier.REVIEW, Tier.CLEAR]
RECHECK_DAYS = 7


def tier(answers: dict[str, bool], tiers: dict[str, str]) -> str:
    """The most serious tier among the questions answered "yes".

    answers: question key → yes/no; tiers: question key → its tier."""
    positive = [tiers[key] for key, yes in answers.items() if yes and key in tiers]
    return min(positive, key=ORDER.index) if positive else Tier.CLEAR


def locks_exercise(result: str) -> bool:
    """Emergency and urgent answers stop self-guided exercise until a clinician clears it."""
    return result in (Tier.EMERGENCY, Tier.URGENT)


def pauses_progression(result: str) -> bool:
    return result != Tier.CLEAR


def check_due(last_screened: date | None, today: date, something_changed: bool = False) -> bool:
    """Before the first session, then weekly, and whenever the patient says something
    changed."""
    if something_changed or last_screened is None:
        return True
    return today - last_screened >= timedelta(days=RECHECK_DAYS)
