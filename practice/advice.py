"""What the summary says about pain, from the same settings thresholds the rules use
(clinical.md §3.1 "Summaries"): "went up" only when pain after - pain before ≥ 1,
"above the level we aim for" when pain after > PAIN_ACCEPTABLE_CEILING, whatever the
change, and a fall is never called a rise. Plain: no queries, no request."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class PainAdvice:
    change: str  # "up", "down", "same" or "" (a score missing)
    above_ceiling: bool  # pain after is above the level we aim for
    take_care: bool  # shown as a callout, with the warning signs
    lines: tuple[str, ...]


def pain_advice(before: int | None, after: int | None) -> PainAdvice:
    if before is None or after is None:
        return PainAdvice("", False, False, ())
    ceiling = settings.PAIN_ACCEPTABLE_CEILING
    rise = after - before
    change = "up" if rise >= 1 else "down" if rise < 0 else "same"
    above = after > ceiling
    big_rise = rise >= settings.PAIN_MEANINGFUL_POINTS
    values = {"before": before, "after": after, "ceiling": ceiling}
    lines = []
    if change == "up":
        lines.append(
            ngettext(
                "Your pain went up by %(n)s point, from %(before)s to %(after)s.",
                "Your pain went up by %(n)s points, from %(before)s to %(after)s.",
                rise,
            )
            % {"n": rise, **values}
        )
    elif change == "down":
        lines.append(_("Your pain came down, from %(before)s to %(after)s.") % values)
    else:
        lines.append(_("Your pain stayed the same, at %(after)s.") % values)
    if above:
        lines.append(
            (
                _("It is still above the level we aim for (%(ceiling)s out of 10 or less).")
                if change == "down"
                else _("That is above the level we aim for (%(ceiling)s out of 10 or less).")
            )
            % values
        )
    if above or big_rise:
        lines.append(
            _(
                "Don't do any more exercise today. If it hasn't settled by tomorrow morning, "
                "tell your clinician before your next session."
            )
        )
    elif change == "up":
        lines.append(
            _(
                "Mild soreness is common after exercise. If it hasn't settled by tomorrow "
                "morning, tell your clinician."
            )
        )
    elif change == "down":
        lines.append(_("Your back felt easier after the session. Nice work."))
    else:
        lines.append(_("Well done for making time for your back today."))
    return PainAdvice(change, above, above or big_rise, tuple(lines))
