"""The clinic admin's report: who is active, who was discharged and how, how well
patients kept to their plans, and how pain and activity scores changed over the
episodes of care that ended in a period.

A fixed number of queries for any number of patients: counts and the adherence
inputs are grouped in SQL (due days are worked out from each plan's dates and days,
done days from completed sessions grouped by plan and weekday), and the episodes
carry their first and last scores as subqueries.

Direction matters and differs: pain is 0 (none) to 10 (worst), so a fall is better;
the PSFS activity score is 0 ("can't do it") to 10 ("as before"), so a rise is better.
A change is always `last - first`; the words say which way is better.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import ExtractIsoWeekDay, Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import CareLink, Episode, Outcome, User, zone_named
from practice.models import ExerciseSession
from progression import attention
from progression.models import PsfsScore
from routines.models import Routine

PERIOD_DAYS = 90  # the default period: the last 90 days, today included
LONGEST_PERIOD_DAYS = 3 * 366
GOOD_ADHERENCE = Decimal("0.8")  # the share of patients at or above this is reported
SMALL_N = 5  # below this many, a mean is "too few to read much into"
# A rise of 2 points in the PSFS mean is meaningful for one person (detectable change,
# clinical.md §4). Pain has its own rule: a fall of 2 points or 30 % (clinical.md §3,
# progression/attention.py meaningful_drop, as the discharge summary says).
MEANINGFUL_POINTS = 2


def pain_meaningful() -> dict:
    """The pain rule's numbers for the page's words, from the settings
    progression/attention.py applies."""
    return {
        "points": settings.PAIN_MEANINGFUL_POINTS,
        "share": round(settings.PAIN_MEANINGFUL_SHARE * 100),
    }


# --- the period -----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def clinic_today(clinic) -> date:
    """Today where the clinic is (its default time zone)."""
    return timezone.localdate(timezone=zone_named(clinic.timezone))


def default_period(today: date) -> Period:
    return Period(today - timedelta(days=PERIOD_DAYS - 1), today)


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput({"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        for name in ("start", "end"):
            self.fields[name].widget.attrs["max"] = today.isoformat()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end of the period is before its start."))
            if end > self.today:
                raise forms.ValidationError(_("The period can't end after today."))
            if (end - start).days + 1 > LONGEST_PERIOD_DAYS:
                raise forms.ValidationError(_("Choose a period of three years or less."))
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


def period_from(data, today: date) -> tuple[Period, PeriodForm, str]:
    """The period asked for in the query string, or the default one and why not
    (a message for the page; "" when nothing was asked or it was fine)."""
    default = default_period(today)
    if not data.get("start") and not data.get("end"):
        initial = {"start": default.start, "end": default.end}
        return default, PeriodForm(initial=initial, today=today), ""
    form = PeriodForm(data, today=today)
    if form.is_valid():
        return form.period, form, ""
    errors = [str(e) for e in form.non_field_errors()] or [
        _("Give both dates of the period as dates.")
    ]
    message = _("%(problem)s Showing the last %(days)s days instead.") % {
        "problem": " ".join(errors),
        "days": PERIOD_DAYS,
    }
    initial = {"start": default.start, "end": default.end}
    return default, PeriodForm(initial=initial, today=today), message


# --- who -------------------------------------------------------------------------------


def clinic_patients(clinic):
    return User.objects.patients().filter(clinic=clinic, erased_at__isnull=True)


def active_patients(clinic) -> int:
    """Patients with a clinician linked and a current plan, or an open episode of care.
    One query."""
    linked = CareLink.objects.active().filter(clinic=clinic).values("patient_id")
    planned = Routine.objects.plans().active().filter(clinic=clinic).values("patient_id")
    episodes = Episode.objects.open().filter(clinic=clinic).values("patient_id")
    return (
        clinic_patients(clinic)
        .filter((Q(pk__in=linked) & Q(pk__in=planned)) | Q(pk__in=episodes))
        .count()
    )


def discharged(clinic, period: Period) -> list[dict]:
    """Episodes discharged in the period by outcome, every outcome listed (zeros too).
    One query."""
    counts = dict(
        Episode.objects.filter(clinic=clinic, discharged_on__range=(period.start, period.end))
        .order_by()
        .values_list("outcome")
        .annotate(n=Count("pk"))
    )
    return [
        {"outcome": value, "label": label, "n": counts.get(value, 0)}
        for value, label in Outcome.choices
    ]


# --- adherence ---------------------------------------------------------------------------


def scheduled_days(schedule_days: int, first: date, last: date) -> int:
    """How many days from `first` to `last` (both included) fall on the plan's days."""
    if last < first:
        return 0
    total = (last - first).days + 1
    weeks, rest = divmod(total, 7)
    count = weeks * bin(schedule_days & 0b1111111).count("1")
    for offset in range(rest):
        if schedule_days & (1 << (first + timedelta(days=weeks * 7 + offset)).weekday()):
            count += 1
    return count


@dataclass
class Ratio:
    done: int = 0
    due: int = 0

    def add(self, other: "Ratio") -> None:
        self.done += other.done
        self.due += other.due

    @property
    def share(self) -> Decimal | None:
        return None if not self.due else Decimal(self.done) / Decimal(self.due)

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else int((share * 100).quantize(Decimal(1), ROUND_HALF_UP))


@dataclass
class Adherence:
    overall: Ratio
    patients: dict[int, Ratio]  # patient id: their ratio (only those with days due)

    @property
    def counted(self) -> int:
        return len(self.patients)

    @property
    def good(self) -> int:
        return sum(1 for r in self.patients.values() if r.share >= GOOD_ADHERENCE)

    @property
    def middling(self) -> int:
        return sum(1 for r in self.patients.values() if Decimal("0.5") <= r.share < GOOD_ADHERENCE)

    @property
    def low(self) -> int:
        return sum(1 for r in self.patients.values() if r.share < Decimal("0.5"))

    def share_of_patients(self, n: int) -> int | None:
        if not self.patients:
            return None
        return int((Decimal(100 * n) / len(self.patients)).quantize(Decimal(1), ROUND_HALF_UP))

    @property
    def good_share(self) -> int | None:
        return self.share_of_patients(self.good)

    @property
    def middling_share(self) -> int | None:
        return self.share_of_patients(self.middling)

    @property
    def low_share(self) -> int | None:
        return self.share_of_patients(self.low)


def adherence(clinic, period: Period, now: datetime | None = None) -> Adherence:
    """Sessions done on due days against days due, per patient, over the period.

    Each patient's days are their own: "today" is their local date (User.local_date),
    and a plan's assignment day is where they live, as on their own pages
    (progression/adherence.py), whatever the clinic's time zone.

    A plan counts from its start date to its end date, or until the patient's next plan
    replaced it (the day before that plan was assigned or started, whichever came
    first), or, stopped with neither (inactive: ended by a discharge before it began),
    until the day it was last changed (as clinic/episodes.py `_spans` reads it). Days
    that have ended count; today counts once its session is done. Extra sessions on
    rest days are welcome but don't change the ratio. Two queries."""
    now = now or timezone.now()
    plans = list(
        Routine.objects.plans()
        .filter(clinic=clinic, patient__erased_at__isnull=True)
        .exclude(end_date__lt=period.start)
        .order_by("patient_id", "created", "pk")
        .values(
            "pk",
            "patient_id",
            "patient__timezone",
            "start_date",
            "end_date",
            "schedule_days",
            "created",
            "active",
            "updated",
        )
    )
    zones = {name: zone_named(name) for name in {plan["patient__timezone"] for plan in plans}}
    todays = {name: timezone.localdate(now, timezone=zone) for name, zone in zones.items()}
    # Every patient's today is within a day or so of the others': one count per date.
    dates = sorted(set(todays.values()))
    last = min(period.end, max(dates, default=period.end))
    done = defaultdict(dict)  # plan id: {iso weekday: (sessions, {date: of which that day})}
    for row in (
        ExerciseSession.objects.completed()
        .filter(plan__clinic=clinic, local_date__range=(period.start, last))
        .annotate(weekday=ExtractIsoWeekDay("local_date"))
        .order_by()
        .values("plan_id", "weekday")
        .annotate(
            n=Count("pk"),
            **{f"on_{i}": Count("pk", filter=Q(local_date=day)) for i, day in enumerate(dates)},
        )
    ):
        on = {day: row[f"on_{i}"] for i, day in enumerate(dates)}
        done[row["plan_id"]][row["weekday"]] = (row["n"], on)
    patients: dict[int, Ratio] = defaultdict(Ratio)
    for i, plan in enumerate(plans):
        following = plans[i + 1] if i + 1 < len(plans) else None
        if following is not None and following["patient_id"] != plan["patient_id"]:
            following = None
        name = plan["patient__timezone"]
        ratio = _plan_ratio(
            plan, following, period, todays[name], done.get(plan["pk"], {}), zones[name]
        )
        if ratio.due:
            patients[plan["patient_id"]].add(ratio)
    overall = Ratio()
    for ratio in patients.values():
        overall.add(ratio)
    return Adherence(overall, dict(patients))


def _plan_ratio(plan, following, period: Period, today: date, done: dict, zone) -> Ratio:
    """One plan's ratio; `today` and `zone` are the patient's."""
    first = max(plan["start_date"], period.start)
    last = min(period.end, today)  # today included only if done (below)
    if plan["end_date"]:
        last = min(last, plan["end_date"])
    if following is not None:
        assigned = timezone.localdate(following["created"], timezone=zone)
        last = min(last, following["start_date"] - timedelta(days=1), assigned - timedelta(days=1))
    elif not plan["active"] and plan["end_date"] is None:
        last = min(last, timezone.localdate(plan["updated"], timezone=zone))
    if last < first:
        return Ratio()
    days = plan["schedule_days"]
    due = scheduled_days(days, first, min(last, today - timedelta(days=1)))
    sessions = sum(
        n - on.get(today, 0) for weekday, (n, on) in done.items() if days & (1 << (weekday - 1))
    )
    ratio = Ratio(min(sessions, due), due)
    if last == today and days & (1 << today.weekday()):
        ratio.add(Ratio(1, 1) if done.get(today.isoweekday(), (0, {}))[1].get(today) else Ratio())
    return ratio


# --- outcomes -----------------------------------------------------------------------------


def discharged_episodes(clinic, period: Period):
    """The episodes discharged in the period, each with its first and last pain score
    (pain before each completed session) and PSFS mean within the episode, and how many
    of each there were. One query, the scores as subqueries (session_patient_date_idx,
    psfs_one_per_day's index)."""
    within = {
        "patient": OuterRef("patient_id"),
        "local_date__gte": OuterRef("started_on"),
        "local_date__lte": OuterRef("discharged_on"),
    }
    pains = ExerciseSession.objects.completed().filter(pain_before__isnull=False, **within)
    scores = PsfsScore.objects.filter(**within)

    def counted(queryset):
        return Subquery(
            queryset.order_by().values("patient").annotate(n=Count("pk")).values("n")[:1]
        )

    return (
        Episode.objects.filter(clinic=clinic, discharged_on__range=(period.start, period.end))
        .annotate(
            pain_first=Subquery(pains.order_by("local_date").values("pain_before")[:1]),
            pain_last=Subquery(pains.order_by("-local_date").values("pain_before")[:1]),
            pain_count=counted(pains),
            activity_first=Subquery(scores.order_by("local_date").values("mean")[:1]),
            activity_last=Subquery(scores.order_by("-local_date").values("mean")[:1]),
            activity_count=counted(scores),
        )
        .order_by("discharged_on", "pk")
        .values(
            "code",
            "patient__clinic_identifier",
            "started_on",
            "discharged_on",
            "outcome",
            "pain_first",
            "pain_last",
            "pain_count",
            "activity_first",
            "activity_last",
            "activity_count",
        )
    )


def change(first, last, count) -> Decimal | None:
    """last - first, or None without two scores to compare."""
    if first is None or last is None or not count or count < 2:
        return None
    return Decimal(last) - Decimal(first)


@dataclass
class Change:
    """The mean change over n episodes, and how many changed meaningfully the better
    way: pain ("down") fell 2 points or 30 % or more (clinical.md §3), the activity
    score ("up") rose 2 points or more (clinical.md §4). Each episode is a pair of
    (first, last) scores."""

    better_when: str
    scores: list[tuple] = field(default_factory=list)

    @property
    def changes(self) -> list[Decimal]:
        return [Decimal(last) - Decimal(first) for first, last in self.scores]

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> Decimal | None:
        if not self.changes:
            return None
        return (sum(self.changes) / self.n).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def improved(self) -> int:
        if self.better_when == "down":
            # Whole numbers from the sessions; floats for the rule's tolerance either way.
            return sum(
                1
                for first, last in self.scores
                if attention.meaningful_drop(float(first), float(last))
            )
        return sum(1 for c in self.changes if c >= MEANINGFUL_POINTS)

    @property
    def too_few(self) -> bool:
        return 0 < self.n < SMALL_N


def pain_words(mean: Decimal | None, n: int) -> str:
    """The mean change in pain, in words: down is better."""
    if not n or mean is None:
        return _("No pain scores to compare: no episode discharged in this period has two.")
    values = {"points": abs(mean), "n": n}
    if mean < 0:
        return _("Pain down %(points)s points on average: better (n=%(n)s).") % values
    if mean > 0:
        return _("Pain up %(points)s points on average: worse (n=%(n)s).") % values
    return _("Pain unchanged on average (n=%(n)s).") % values


def activity_words(mean: Decimal | None, n: int) -> str:
    """The mean change in the PSFS activity score, in words: up is better."""
    if not n or mean is None:
        return _("No activity scores to compare: no episode discharged in this period has two.")
    values = {"points": abs(mean), "n": n}
    if mean > 0:
        return _("Activity score up %(points)s points on average: better (n=%(n)s).") % values
    if mean < 0:
        return _("Activity score down %(points)s points on average: worse (n=%(n)s).") % values
    return _("Activity score unchanged on average (n=%(n)s).") % values


# --- the whole report ----------------------------------------------------------------------


@dataclass
class Report:
    period: Period
    today: date
    active: int
    discharged: list[dict]
    adherence: Adherence
    episodes: list[dict]
    pain: Change
    activity: Change
    clinicians: list[dict]

    @property
    def discharged_total(self) -> int:
        return sum(row["n"] for row in self.discharged)

    @property
    def pain_words(self) -> str:
        return pain_words(self.pain.mean, self.pain.n)

    @property
    def activity_words(self) -> str:
        return activity_words(self.activity.mean, self.activity.n)


def _hundredths(value) -> Decimal | None:
    # A PSFS mean through a subquery comes back as a float on SQLite: made a Decimal of
    # two places again, as the column holds it.
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def episode_rows(clinic, period: Period) -> list[dict]:
    rows = []
    for row in discharged_episodes(clinic, period):
        row["activity_first"] = _hundredths(row["activity_first"])
        row["activity_last"] = _hundredths(row["activity_last"])
        row["pain_change"] = change(row["pain_first"], row["pain_last"], row["pain_count"])
        row["activity_change"] = change(
            row["activity_first"], row["activity_last"], row["activity_count"]
        )
        rows.append(row)
    return rows


def by_clinician(clinic, adherence_: Adherence) -> list[dict]:
    """Each active clinician of the clinic: how many patients are linked to them, and
    those patients' adherence over the period. Two queries."""
    caseloads = defaultdict(list)
    for clinician_id, patient_id in (
        CareLink.objects.active()
        .filter(clinic=clinic, patient__erased_at__isnull=True)
        .values_list("clinician_id", "patient_id")
    ):
        caseloads[clinician_id].append(patient_id)
    rows = []
    for clinician in (
        User.objects.clinicians()
        .filter(clinic=clinic, is_active=True)
        .order_by(Lower("name"), "username")
        .only("pk", "name", "username")
    ):
        ratio = Ratio()
        for patient_id in caseloads.get(clinician.pk, []):
            if patient_id in adherence_.patients:
                ratio.add(adherence_.patients[patient_id])
        rows.append(
            {
                "name": clinician.name or clinician.username,
                "caseload": len(caseloads.get(clinician.pk, [])),
                "ratio": ratio,
            }
        )
    return rows


def build(clinic, period: Period, today: date) -> Report:
    """Everything the page and the summary CSV show. Seven queries."""
    adherence_ = adherence(clinic, period)
    episodes = episode_rows(clinic, period)
    pain, activity = Change("down"), Change("up")
    for row in episodes:
        if row["pain_change"] is not None:
            pain.scores.append((row["pain_first"], row["pain_last"]))
        if row["activity_change"] is not None:
            activity.scores.append((row["activity_first"], row["activity_last"]))
    return Report(
        period=period,
        today=today,
        active=active_patients(clinic),
        discharged=discharged(clinic, period),
        adherence=adherence_,
        episodes=episodes,
        pain=pain,
        activity=activity,
        clinicians=by_clinician(clinic, adherence_),
    )


# --- CSV ---------------------------------------------------------------------------------


def safe_cell(value):
    """A cell a spreadsheet won't run as a formula. Text starting with = + - @ or a
    tab or carriage return gets a leading apostrophe (as patient/privacy.py does for a
    patient's own export, which this app can't import); numbers stay numbers, so a
    negative change is still a number."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal | float):
        return value
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


EPISODE_COLUMNS = [
    "episode",
    "clinic_identifier",
    "started_on",
    "discharged_on",
    "outcome",
    "pain_first",
    "pain_last",
    "pain_change_negative_is_better",
    "activity_first",
    "activity_last",
    "activity_change_positive_is_better",
]


def episode_csv_rows(rows: list[dict]):
    yield EPISODE_COLUMNS
    for row in rows:
        two_pains = row["pain_change"] is not None
        two_scores = row["activity_change"] is not None
        yield [
            safe_cell(v)
            for v in (
                str(row["code"]),
                row["patient__clinic_identifier"],
                row["started_on"].isoformat(),
                row["discharged_on"].isoformat(),
                row["outcome"],
                row["pain_first"] if two_pains else None,
                row["pain_last"] if two_pains else None,
                row["pain_change"],
                row["activity_first"] if two_scores else None,
                row["activity_last"] if two_scores else None,
                row["activity_change"],
            )
        ]


def summary_csv_rows(report: Report):
    adherence_ = report.adherence
    yield ["measure", "value"]
    rows = [
        ("period_start", report.period.start.isoformat()),
        ("period_end", report.period.end.isoformat()),
        ("patients_active_now", report.active),
        ("episodes_discharged", report.discharged_total),
        *((f"discharged_{row['outcome']}", row["n"]) for row in report.discharged),
        ("adherence_sessions_done_on_due_days", adherence_.overall.done),
        ("adherence_days_due", adherence_.overall.due),
        ("adherence_percent", adherence_.overall.percent),
        ("patients_with_days_due", adherence_.counted),
        ("patients_adherence_80_percent_or_more", adherence_.good),
        ("pain_episodes_compared", report.pain.n),
        ("pain_mean_change_negative_is_better", report.pain.mean),
        ("pain_episodes_down_meaningfully", report.pain.improved),
        ("activity_episodes_compared", report.activity.n),
        ("activity_mean_change_positive_is_better", report.activity.mean),
        ("activity_episodes_up_2_points_or_more", report.activity.improved),
    ]
    for name, value in rows:
        yield [name, safe_cell(value)]
