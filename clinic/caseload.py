"""The clinician's patient list, sorted by who needs attention first.

The sort inputs are columns of each patient's CaseloadEntry (progression/caseload.py
keeps them), so the list sorts and pages in SQL and reads only the page's rows. Before
reading, the entries that are out of date (a patient's new day, or a change since) are
refreshed in bulk; most requests find none.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    PositiveSmallIntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.access import patients_of
from hipmob.links import address
from progression import attention
from progression import caseload as entries
from progression.models import NO_ALERT, CaseloadEntry, Trend
from safety.models import TIER_RANK, AlertTier

TIERS = {rank: tier for tier, rank in TIER_RANK.items()}
ATTENTION = TIER_RANK[AlertTier.ATTENTION]
TREND_ARROWS = {Trend.UP: "↑", Trend.DOWN: "↓", Trend.STEADY: "→"}


@dataclass(frozen=True)
class Page:
    rows: list[dict]
    number: int
    pages: int
    total: int


def ordered(patients):
    """The entries of `patients`, those who need attention first: by the tier of their
    most pressing open alert (emergency, urgent, needs attention, for information), the
    longest waiting first, then other reasons for attention (counted as "needs
    attention"), then the lowest adherence over the last week, then the most pain
    before the last session, then by name."""
    return (
        CaseloadEntry.objects.filter(patient__in=patients)
        .annotate(
            # Reasons count as "needs attention" only without an open alert: an
            # alert's own tier stands (a bad-back day stays "for information").
            rank=Case(
                When(alert_rank=NO_ALERT, reasons__gt=0, then=Value(ATTENTION)),
                default=F("alert_rank"),
                output_field=PositiveSmallIntegerField(),
            ),
            adherence=Case(
                When(due=0, then=Value(1.0)),
                default=Cast("done", FloatField()) / Cast("due", FloatField()),
                output_field=FloatField(),
            ),
        )
        .order_by(
            "rank",
            F("alert__created").asc(nulls_last=True),
            "-reasons",
            "adherence",
            Coalesce("last_before", 0).desc(),
            Lower("patient__name"),
            "patient__username",
            "pk",
        )
    )


def page_for(clinician, query: str, number: int, size: int) -> Page:
    """One page of the clinician's linked patients (matching `query` by name or
    username). Two queries when every entry is up to date: the count (with how many
    are not) and the page's rows with their patient, plan and alert."""
    patients = patients_of(clinician)
    if query:
        patients = patients.filter(Q(name__icontains=query) | Q(username__icontains=query))
    counts = patients.aggregate(total=Count("pk"), stale=Count("pk", filter=entries.stale()))
    if counts["stale"]:
        entries.refresh_stale(patients)
    pages = max(1, -(-counts["total"] // size))
    number = min(number, pages)
    start = (number - 1) * size
    page = ordered(patients).select_related("patient", "plan", "alert")[start : start + size]
    return Page([_row(entry) for entry in page], number, pages, counts["total"])


def _row(entry: CaseloadEntry) -> dict:
    """The entry with its words ready, so the template's loop holds no translation or
    URL tags (each costs 30 to 100 µs a row)."""
    assessed = attention.Attention(attention.reasons(entry.missed_days, entry.pain_up))
    tier = TIERS.get(entry.rank)
    reasons = assessed.reasons
    if entry.alert is not None:
        title, more = entry.alert.title, entry.open_alerts - 1
        if more > 0:
            more_alerts = ngettext(
                "and %(n)s more open alert", "and %(n)s more open alerts", more
            ) % {"n": more}
            title = f"{title} ({more_alerts})"
        reasons = [title, *reasons]
    trend = Trend(entry.trend)
    return {
        "entry": entry,
        "patient": entry.patient,
        "plan": entry.plan,
        "done": entry.done,
        "due": entry.due,
        "attention": assessed,
        "tier": tier,
        "alert_title": entry.alert.title if entry.alert else "",
        "trend": entry.trend,
        "url": address("clinic:patient", entry.patient.code),
        "tier_label": AlertTier(tier).label if tier else "",
        "flag": "; ".join(reasons),
        "adherence": _("%(done)s of %(due)s") % {"done": entry.done, "due": entry.due},
        "trend_label": f"{TREND_ARROWS[trend]} {trend.label}",
    }
