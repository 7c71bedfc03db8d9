"""The clinician's patient list, sorted by who needs attention first.

Sorting needs every linked patient's attention, adherence and pain, so each request
works through the whole caseload (hundreds of patients, each with a year of history).
It is kept to three queries and light Python per patient: scores come from indexed
subqueries (never joins that multiply a year of sessions by the alerts), rows arrive
as tuples rather than models, and full User objects are only built for the page shown.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import DEFAULT_DB_ALIAS
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.access import patients_of
from accounts.models import User, zone_named
from hipmob.links import address
from practice.models import ExerciseSession
from progression import adherence, attention
from routines.models import Routine
from safety.models import TIER_RANK, Alert, AlertTier, tier_rank

RECENT_DAYS = 14
# In the model's field order, as User.from_db expects.
PATIENT_FIELDS = [
    f.attname
    for f in User._meta.concrete_fields
    if f.attname in {"id", "username", "code", "name", "timezone"}
]
LOADED_FIELDS = [f if f != "code" else "code_text" for f in PATIENT_FIELDS]
SUMMARY_FIELDS = [
    "baseline",
    "last_activity",
    "open_alerts",
    "top_alert",
    "last_pains",
]
# The most pressing open alert's tier, when it was raised and its title, as one text.
PACK = "|"
TIERS = {rank: tier for tier, rank in TIER_RANK.items()}
NO_ALERT = len(TIER_RANK)


@dataclass(frozen=True)
class PlanDays:
    """What the list needs of an active plan: its title and when it is due."""

    title: str
    start_date: date
    end_date: date | None
    schedule_days: int
    active: bool = True


def _text(expression):
    """The value as text. Rows of text and numbers skip Django's per-value converters
    (a date or UUID object made for every cell, thousands a request); the few that are
    needed are parsed here, dates with the C-fast date.fromisoformat."""
    return Cast(expression, output_field=CharField())


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _summaries(patients):
    """The patients as tuples of LOADED_FIELDS + SUMMARY_FIELDS, by name, dates and
    codes as text. One index lookup per patient for each score (session_patient_date_idx,
    alert_patient_open_idx). The most pressing open alert (by tier, then the oldest)
    comes packed as "rank|created|title", one lookup rather than three."""
    completed = ExerciseSession.objects.completed().filter(patient=OuterRef("pk"))
    first = completed.order_by("local_date")
    last = completed.order_by("-local_date")
    latest = ExerciseSession.objects.filter(patient=OuterRef("pk")).order_by("-local_date")
    open_alerts = (
        Alert.objects.open()
        .filter(patient=OuterRef("pk"))
        .order_by()
        .values("patient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    top_alert = (
        Alert.objects.open()
        .filter(patient=OuterRef("pk"))
        .annotate(rank=tier_rank())
        .order_by("rank", "created")
        .annotate(
            packed=Concat(
                _text("rank"),
                Value(PACK),
                _text("created"),
                Value(PACK),
                "title",
                output_field=CharField(),
            )
        )
        .values("packed")
    )
    return (
        patients.annotate(
            baseline=Subquery(first.values("pain_before")[:1]),
            # Any session counts as activity, finished or not.
            last_activity=_text(Subquery(latest.values("local_date")[:1])),
            open_alerts=Coalesce(Subquery(open_alerts), 0),
            top_alert=Subquery(top_alert[:1]),
            # Both scores of the last finished session from one lookup, as before * 100 +
            # after (a finished session has both, 0 to 10).
            last_pains=Subquery(
                last.annotate(pains=F("pain_before") * 100 + F("pain_after")).values("pains")[:1]
            ),
        )
        .annotate(code_text=_text("code"))
        .order_by("name", "username")
        .values_list(*LOADED_FIELDS, *SUMMARY_FIELDS)
    )


def rows_for(clinician, query: str = "") -> list[dict]:
    """Every linked patient (matching `query`) as a row, those who need attention
    first: by the tier of their most pressing open alert (emergency, urgent, needs
    attention, for information), the longest waiting first, then other reasons for
    attention (counted as "needs attention"), then the lowest adherence, then the most
    pain. Three queries whatever the caseload (the week's sessions only:
    a fortnight's, for the trend, is fetched for the page shown)."""
    patients = patients_of(clinician)
    if query:
        patients = patients.filter(Q(name__icontains=query) | Q(username__icontains=query))
    summaries = list(_summaries(patients))
    if not summaries:
        return []
    plans = {
        patient_id: PlanDays(title, _day(start), _day(end), days)
        for patient_id, title, start, end, days in Routine.objects.plans()
        .active()
        .filter(patient__in=patients.values("pk"))
        .values_list("patient_id", "title", _text("start_date"), _text("end_date"), "schedule_days")
    }
    zone_at = LOADED_FIELDS.index("timezone")
    todays = {
        tz: timezone.localdate(timezone=zone_named(tz)) for tz in {s[zone_at] for s in summaries}
    }
    week = _completed_since(patients.values("pk"), min(todays.values()) - timedelta(days=6))
    weeks = {
        today: tuple(today - timedelta(days=n) for n in range(6, -1, -1))
        for today in set(todays.values())
    }
    fields = dict.fromkeys([*LOADED_FIELDS, *SUMMARY_FIELDS])
    rows = []
    for summary in summaries:
        values = dict(zip(fields, summary, strict=True))
        values["last_activity"] = _day(values["last_activity"])
        today = todays[values["timezone"]]
        values["today"] = today
        rows.append(_row(values, plans.get(values["id"]), week[values["id"]], weeks[today]))
    rows.sort(key=lambda r: r["sort"])
    return rows


def _completed_since(patients, since: date) -> dict[int, list[tuple[date, int]]]:
    """Each patient's finished sessions since `since`: [(date, pain before)], oldest first."""
    found = defaultdict(list)
    for patient_id, day, pain in (
        ExerciseSession.objects.completed()
        .filter(patient__in=patients, local_date__gte=since)
        .order_by("local_date")
        .values_list("patient_id", _text("local_date"), "pain_before")
    ):
        found[patient_id].append((date.fromisoformat(day), pain))
    return found


def _row(values: dict, plan: PlanDays | None, recent: list, last_week: tuple) -> dict:
    today = values["today"]
    done, due = adherence.ratio_over(plan, last_week, today, {d for d, _ in recent})
    assessed = attention.assess(
        plan=plan,
        baseline=values["baseline"],
        week_scores=[pain for day, pain in recent if day >= last_week[0]],
        last_activity=values["last_activity"],
        today=today,
    )
    rank, raised, title = _top_alert(values["top_alert"])
    if rank == NO_ALERT and assessed.reasons:
        rank = TIER_RANK[AlertTier.ATTENTION]
    return {
        "values": values,
        "plan": plan,
        "done": done,
        "due": due,
        "attention": assessed,
        "tier": TIERS.get(rank),
        "alert_title": title,
        "sort": (
            rank,
            raised,  # the longest waiting first; "~" (none) after every date
            -len(assessed.reasons),
            done / due if due else 1,
            -((values["last_pains"] or 0) // 100),  # the most pain before first
            values["name"].lower(),
        ),
    }


def _top_alert(packed: str | None) -> tuple[int, str, str]:
    """(tier rank, when raised as text, title) of the packed top alert; none: the rank
    after every tier."""
    if packed is None:
        return NO_ALERT, "~", ""
    rank, raised, title = packed.split(PACK, 2)
    return int(rank), raised, title


TRENDS = {
    "up": ("↑", gettext_lazy("rising")),
    "down": ("↓", gettext_lazy("easing")),
    "steady": ("→", gettext_lazy("steady")),
}


def with_patients(rows: list[dict]) -> list[dict]:
    """The rows of one page, each with a User (no query: built from the values already
    loaded, the rest of its fields deferred) and its words ready, so the template's loop
    holds no translation or URL tags (each costs 30 to 100 µs a row). One query: the
    trend of pain over each one's last fortnight."""
    if not rows:
        return rows
    since = min(row["values"]["today"] for row in rows) - timedelta(days=RECENT_DAYS)
    fortnight = _completed_since([row["values"]["id"] for row in rows], since)
    for row in rows:
        values = row["values"]
        values["code"] = uuid.UUID(values["code_text"])
        pains = values["last_pains"]
        values["last_before"], values["last_after"] = (
            divmod(pains, 100) if pains is not None else (None, None)
        )
        patient = User.from_db(
            DEFAULT_DB_ALIAS, PATIENT_FIELDS, [values[f] for f in PATIENT_FIELDS]
        )
        for name in ("open_alerts", "last_before", "last_after"):
            setattr(patient, name, values[name])
        more = values["open_alerts"] - 1
        reasons = row["attention"].reasons
        if row["alert_title"] and more > 0:
            more_alerts = ngettext(
                "and %(n)s more open alert", "and %(n)s more open alerts", more
            ) % {"n": more}
            reasons = [f"{row['alert_title']} ({more_alerts})", *reasons]
        elif row["alert_title"]:
            reasons = [row["alert_title"], *reasons]
        row["trend"] = attention.trend([pain for _day, pain in fortnight[values["id"]][-3:]])
        arrow, trend = TRENDS[row["trend"]]
        row.update(
            patient=patient,
            url=address("clinic:patient", values["code"]),
            tier_label=AlertTier(row["tier"]).label if row["tier"] else "",
            flag="; ".join(reasons),
            adherence=_("%(done)s of %(due)s") % {"done": row["done"], "due": row["due"]},
            trend_label=f"{arrow} {trend}",
        )
    return rows
