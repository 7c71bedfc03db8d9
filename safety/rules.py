"""Red-flag screening (clinical.md §2.1, revised after review; the project's proposal,
needing clinical sign-off). Plain functions: which questions a check asks, how each is
worded, the tier a set of answers comes to, and when the next check is due. The
questions themselves live in the database (ScreeningQuestion), so an admin can adjust
the wording after clinical sign-off.

This is a screen for warning signs, not a diagnosis: a positive answer says "get this
looked at", with how urgently."""

from datetime import date, timedelta

from safety.models import AskedWhen, Tier

# Most serious first; the tiers themselves are safety.models.Tier, the one vocabulary.
# A history answer alone is shown to the clinician and pauses nothing.
ORDER = [Tier.EMERGENCY, Tier.URGENT, Tier.REVIEW, Tier.HISTORY, Tier.CLEAR]
RECHECK_DAYS = 7
# "Every check after week 2": from the patient's first check.
LATER_QUESTIONS_AFTER_DAYS = 14
# The combined rule: "ever had cancer" with weight lost without trying or pain all
# night is urgent.
COMBINED_HISTORY = "cancer"
COMBINED_WITH = frozenset({"weight-loss", "night-pain"})


def is_asked(when: str, *, first: bool, changed: bool, days_since_first: int) -> bool:
    """Whether a question asked `when` is part of this check. first: the patient's first
    check; changed: they said something changed; days_since_first: since the first
    check (0 on it)."""
    if when == AskedWhen.ONCE:
        return first or changed
    if when == AskedWhen.AFTER_TWO_WEEKS:
        return not first and days_since_first >= LATER_QUESTIONS_AFTER_DAYS
    return True


def can_be_known(tier: str) -> bool:
    """Which answers a clinician may mark "known and long-standing": urgent, review and
    history ones. Emergency answers are never suppressed."""
    return tier in (Tier.URGENT, Tier.REVIEW, Tier.HISTORY)


def asked_as_known(tier: str, key: str, known: set[str]) -> bool:
    """Asked as "your clinician knows about this; answer yes only if it is new or has
    changed": then a yes is a change and counts, and the long-standing fact alone raises
    nothing. Never for an emergency question, even if it was marked known when it had
    another tier."""
    return key in known and can_be_known(tier)


def tier(
    answers: dict[str, bool], tiers: dict[str, str], history: dict[str, bool] | None = None
) -> str:
    """The most serious tier among the questions answered "yes", with the combined rule.

    answers: question key → yes/no as answered now; tiers: question key → its tier;
    history: the patient's last answer to each history question not asked this time."""
    positive = [tiers[key] for key, yes in answers.items() if yes and key in tiers]
    if combined(answers, history):
        positive.append(Tier.URGENT)
    return min(positive, key=ORDER.index) if positive else Tier.CLEAR


def combined(answers: dict[str, bool], history: dict[str, bool] | None = None) -> bool:
    """Whether the combined rule made this check urgent."""
    had_cancer = answers.get(COMBINED_HISTORY, (history or {}).get(COMBINED_HISTORY, False))
    return bool(had_cancer) and any(answers.get(key) for key in COMBINED_WITH)


def locks_exercise(result: str) -> bool:
    """Emergency and urgent answers stop self-guided exercise until a clinician clears it."""
    return result in (Tier.EMERGENCY, Tier.URGENT)


def pauses_progression(result: str) -> bool:
    """Emergency, urgent and review answers; a history answer alone pauses nothing."""
    return result in (Tier.EMERGENCY, Tier.URGENT, Tier.REVIEW)


def check_due(last_screened: date | None, today: date, something_changed: bool = False) -> bool:
    """Before the first session, then weekly, and whenever the patient says something
    changed."""
    if something_changed or last_screened is None:
        return True
    return today - last_screened >= timedelta(days=RECHECK_DAYS)
