"""Episodes of care: opening one, discharging it, and the numbers of its summary.

The summary covers the episode's days (its start to its discharge, or to today while it
is open): the plans followed with their doses, adherence (progression/adherence.py, as
the clinician's list counts it), pain before exercise from the first session to the
last, the activity scores (PSFS, progression/psfs.py) from the first to the latest, and
the alerts raised. Pain and activity scores run in opposite directions, and the words
say so: pain going down is better, an activity score going up is better.

Five queries whatever the history's length: the plans, their items, the sessions, the
activity scores and the alerts by tier."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import AuditAction, AuditEvent, Episode, User
from practice.models import ExerciseSession
from progression import adherence, attention
from progression.models import PsfsScore
from progression.psfs import MEANINGFUL, MEANINGFUL_ACTIVITY, activity_changes
from routines import schedule
from routines.models import Routine, RoutineItem
from safety.models import Alert, AlertTier


class EpisodeAlreadyOpen(Exception):
    """The patient has an open episode: one at a time (the episode_one_open constraint)."""


class EpisodeAlreadyDischarged(Exception):
    """The episode was closed meanwhile (another tab, another clinician): the first
    discharge stands."""


# --- Opening and discharging ---------------------------------------------------------


def open_episode(
    patient: User, *, by: User, reason: str, started_on: date, review_on: date | None
) -> Episode:
    """A new open episode, audited. A second open one is refused, also when two
    clinicians open one at the same moment (the database's constraint decides)."""
    if Episode.objects.open().filter(patient=patient).exists():
        raise EpisodeAlreadyOpen
    try:
        with transaction.atomic():
            episode = Episode.objects.create(
                clinic_id=patient.clinic_id,
                patient=patient,
                referral_reason=reason,
                started_on=started_on,
                review_on=review_on,
                opened_by=by,
            )
            AuditEvent.record(
                by, AuditAction.EPISODE_OPENED, patient=patient, target=f"episode {episode.code}"
            )
    except IntegrityError as error:
        raise EpisodeAlreadyOpen from error
    return episode


@transaction.atomic
def discharge(
    episode: Episode, *, by: User, outcome: str, note: str, on: date, end_plan: bool
) -> Routine | None:
    """Closes the episode with its outcome, audited; with `end_plan`, the patient's
    active plan ends too (on the discharge day, or as it was if it ended sooner).
    Returns the plan it ended, if any. The plan is saved, not updated, so the
    clinician's list hears of it (progression/caseload.py listens to saves).

    The episode is closed only if it is still open when the database is asked (two
    tabs may both have seen it open): otherwise EpisodeAlreadyDischarged, and nothing
    changes, no audit, no plan."""
    closed = Episode.objects.filter(pk=episode.pk, discharged_on__isnull=True).update(
        discharged_on=on, outcome=outcome, discharge_note=note, discharged_by=by
    )
    if not closed:
        raise EpisodeAlreadyDischarged
    episode.discharged_on, episode.outcome, episode.discharge_note = on, outcome, note
    episode.discharged_by = by
    ended = None
    if end_plan:
        ended = Routine.objects.for_patient(episode.patient).active().first()
        if ended is not None:
            ended.active = False
            if on >= ended.start_date and (ended.end_date is None or ended.end_date > on):
                ended.end_date = on
            ended.save(update_fields=["active", "end_date", "updated"])
    AuditEvent.record(
        by,
        AuditAction.EPISODE_DISCHARGED,
        patient=episode.patient,
        target=f"episode {episode.code}",
        outcome=outcome,
        plan_ended=ended is not None,
    )
    return ended


# --- What the patient page shows -----------------------------------------------------


def for_patient_page(patient: User) -> dict:
    """The open episode (with whether its review is due) and the past ones, newest
    first: one query."""
    episodes = list(Episode.objects.filter(patient=patient).order_by("-started_on", "-pk"))
    current = next((e for e in episodes if e.is_open), None)
    today = patient.local_date()
    return {
        "open_episode": current,
        "past_episodes": [e for e in episodes if not e.is_open],
        "review_due": bool(current and current.review_on and current.review_on <= today),
    }


# --- The words of a change -----------------------------------------------------------


def _points(value) -> str:
    """ "1 point", "3 points", "2.5 points" (a mean), in the page's number format."""
    plural = 1 if value == 1 else 2
    shown = number_format(value.normalize()) if isinstance(value, Decimal) else value
    return ngettext("%(n)s point", "%(n)s points", plural) % {"n": shown}


def _score(value) -> str:
    return number_format(value.normalize()) if isinstance(value, Decimal) else str(value)


@dataclass(frozen=True)
class Change:
    """A score from the first time it was given in the episode to the last."""

    first: int | Decimal | None = None
    last: int | Decimal | None = None
    count: int = 0

    @property
    def change(self):
        return self.last - self.first if self.count > 1 else None


def pain_change(values: list[int]) -> Change:
    return Change(values[0], values[-1], len(values)) if values else Change()


def pain_words(pain: Change) -> str:
    """Pain 0 to 10, where 10 is the worst imaginable: down is better."""
    if pain.count == 0:
        return _("No pain scores in this period.")
    if pain.count == 1:
        return _("Pain %(first)s/10 at the only session: nothing to compare with yet.") % {
            "first": pain.first
        }
    values = {"first": pain.first, "last": pain.last, "points": _points(abs(pain.change))}
    if pain.change < 0:
        return _("Pain went from %(first)s/10 to %(last)s/10: down %(points)s (better).") % values
    if pain.change > 0:
        return _("Pain went from %(first)s/10 to %(last)s/10: up %(points)s (worse).") % values
    return _("Pain was %(first)s/10 at the first session and at the last: no change.") % values


def pain_meaning(pain: Change) -> str:
    """Against clinical.md §3, "Meaningful change (low back pain consensus): 2 points
    or 30% from baseline" (progression/attention.py applies it)."""
    if pain.change is None or pain.change == 0:
        return ""
    values = {
        "points": settings.PAIN_MEANINGFUL_POINTS,
        "share": round(settings.PAIN_MEANINGFUL_SHARE * 100),
    }
    if attention.meaningful_drop(pain.first, pain.last):
        return _("A meaningful improvement (%(points)s points or %(share)s %% or more).") % values
    if attention.meaningful_rise(pain.first, pain.last):
        return _("A meaningful worsening (%(points)s points or %(share)s %% or more).") % values
    return _("Less than a meaningful change (%(points)s points or %(share)s %%).") % values


def activity_words(first: int, latest: int | None, change: int | None) -> str:
    """One activity's score 0 to 10, where 10 is "as before the problem": up is better."""
    if latest is None:
        return _("%(first)s at the start; not rated at the latest score.") % {"first": first}
    if change is None:
        return _("%(first)s at the start; not rated again yet.") % {"first": first}
    values = {"first": first, "last": latest, "points": _points(abs(change))}
    if change > 0:
        return _("%(first)s → %(last)s: up %(points)s (better)") % values
    if change < 0:
        return _("%(first)s → %(last)s: down %(points)s (worse)") % values
    return _("%(first)s → %(last)s: no change") % values


def activity_meaning(change: int | None) -> str:
    """clinical.md §4: "Detectable change (90% CI): 2 points for the mean, 3 for one
    activity" (progression/psfs.py)."""
    if change is None or abs(change) < MEANINGFUL_ACTIVITY:
        return ""
    return _("More than the measure's noise (%(points)s points or more).") % {
        "points": MEANINGFUL_ACTIVITY
    }


def mean_words(mean: Change) -> str:
    if mean.count == 0:
        return ""
    if mean.count == 1:
        return _("Mean %(first)s at the only score: nothing to compare with yet.") % {
            "first": _score(mean.first)
        }
    values = {
        "first": _score(mean.first),
        "last": _score(mean.last),
        "points": _points(abs(mean.change)),
    }
    if mean.change > 0:
        return _("Mean went from %(first)s to %(last)s: up %(points)s (better).") % values
    if mean.change < 0:
        return _("Mean went from %(first)s to %(last)s: down %(points)s (worse).") % values
    return _("Mean was %(first)s at the first score and at the latest: no change.") % values


def mean_meaning(mean: Change) -> str:
    if mean.change is None or mean.change == 0:
        return ""
    values = {"points": _score(MEANINGFUL)}
    if mean.change >= MEANINGFUL:
        return _("A meaningful improvement (%(points)s points or more).") % values
    if mean.change <= -MEANINGFUL:
        return _("A meaningful worsening (%(points)s points or more).") % values
    return _("Less than a meaningful change (%(points)s points).") % values


def adherence_words(done: int, due: int, finished: int) -> str:
    if finished == 0 and due == 0:
        return _("No sessions yet, and none were due.")
    if due == 0:
        return ngettext(
            "%(n)s session finished; none were due.",
            "%(n)s sessions finished; none were due.",
            finished,
        ) % {"n": finished}
    values = {"done": done, "due": due, "percent": round(100 * done / due), "finished": finished}
    return (
        ngettext(
            "%(done)s of %(due)s due days done (%(percent)s %%); %(finished)s session "
            "finished in all.",
            "%(done)s of %(due)s due days done (%(percent)s %%); %(finished)s sessions "
            "finished in all.",
            finished,
        )
        % values
    )


# --- The summary ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """A plan as the adherence code reads it, over the days it was followed: an
    ended or replaced plan is no longer `active`, but its days were due then."""

    start_date: date
    end_date: date
    schedule_days: int
    active: bool = True


@dataclass(frozen=True)
class PlanFollowed:
    plan: Routine
    start: date
    end: date
    days_label: str
    items: list = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    episode: Episode
    start: date
    end: date
    plans: list
    done: int
    due: int
    finished: int
    pain: Change
    psfs: list  # activity rows, progression/psfs.activity_changes with words
    psfs_mean: Change
    alerts: list  # [(tier label, count)], most pressing first
    has_active_plan: bool  # whether discharging can end a plan

    def context(self) -> dict:
        return {
            "summary": self,
            "adherence_words": adherence_words(self.done, self.due, self.finished),
            "pain_words": pain_words(self.pain),
            "pain_meaning": pain_meaning(self.pain),
            "mean_words": mean_words(self.psfs_mean),
            "mean_meaning": mean_meaning(self.psfs_mean),
            "alert_total": sum(n for _label, n in self.alerts),
        }


def period(episode: Episode, today: date) -> tuple[date, date]:
    """The episode's days: to its discharge, or to today while open (never before its
    start; episodes start today or earlier, clinic/forms_record.py, but one stored
    otherwise still gets a one-day period rather than none)."""
    end = episode.discharged_on or today
    return episode.started_on, max(end, episode.started_on)


def _spans(plans: list[Routine], start: date, end: date, zone) -> list[tuple]:
    """(plan, first day, last day) of each plan within start..end. A plan ran from its
    start to its end date, or until the next plan (by when it was assigned) replaced it:
    the day before that plan was assigned or started, whichever came first, since
    assigning a plan ends the old one at once (routines/plans.py), as the clinic's
    report counts it (clinic/reports.py). An inactive plan with neither ran until it
    was last changed."""
    spans = []
    for n, plan in enumerate(plans):
        last = plan.end_date or end
        following = plans[n + 1] if n + 1 < len(plans) else None
        if following is not None:
            assigned = following.created.astimezone(zone).date()
            last = min(last, following.start_date, assigned) - timedelta(days=1)
        elif not plan.active and plan.end_date is None:
            last = min(last, plan.updated.astimezone(zone).date())
        first, last = max(plan.start_date, start), min(last, end)
        if first <= last:
            spans.append((plan, first, last))
    return spans


def summary_for(episode: Episode, today: date) -> Summary:
    patient = episode.patient
    start, end = period(episode, today)
    # Every plan the patient had (a handful): which one followed which decides when
    # each stopped.
    plans = list(
        Routine.objects.for_patient(patient)
        .order_by("created", "pk")
        .only(
            "code",
            "title",
            "start_date",
            "end_date",
            "schedule_days",
            "active",
            "created",
            "updated",
        )
    )
    zone = patient.zone
    spans = _spans(plans, start, end, zone)
    items: dict[int, list] = {}
    for item in (
        RoutineItem.objects.filter(routine__in=[plan.pk for plan, _f, _l in spans])
        .select_related("exercise")
        .order_by("order", "id")
    ):
        items.setdefault(item.routine_id, []).append(item)
    sessions = list(
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date__range=(start, end))
        .order_by("local_date", "pk")
        .values_list("local_date", "pain_before")
    )
    completed = {day for day, _pain in sessions}
    done = due = 0
    days = tuple(start + timedelta(days=n) for n in range((end - start).days + 1))
    for plan, first, last in spans:
        span = _Span(first, last, plan.schedule_days)
        span_done, span_due = adherence.ratio_over(
            span, tuple(d for d in days if first <= d <= last), today, completed
        )
        done, due = done + span_done, due + span_due
    scores = list(
        PsfsScore.objects.filter(patient=patient, local_date__range=(start, end)).order_by(
            "local_date"
        )
    )
    by_tier = dict(
        Alert.objects.filter(
            patient=patient,
            created__gte=datetime.combine(start, time.min, zone),
            created__lt=datetime.combine(end + timedelta(days=1), time.min, zone),
        )
        .order_by()
        .values_list("tier")
        .annotate(n=Count("pk"))
    )
    return Summary(
        episode=episode,
        start=start,
        end=end,
        plans=[
            PlanFollowed(
                plan, first, last, schedule.days_label(plan.schedule_days), items.get(plan.pk, [])
            )
            for plan, first, last in spans
        ],
        done=done,
        due=due,
        finished=len(sessions),
        pain=pain_change([pain for _day, pain in sessions if pain is not None]),
        psfs=[
            {
                **row,
                "words": activity_words(row["baseline"], row["latest"], row["change"]),
                "meaning": activity_meaning(row["change"]),
            }
            for row in activity_changes(scores)
        ],
        psfs_mean=Change(scores[0].mean, scores[-1].mean, len(scores)) if scores else Change(),
        alerts=[(tier.label, by_tier[tier]) for tier in AlertTier if by_tier.get(tier)],
        has_active_plan=any(plan.active for plan in plans),
    )
