"""Running the progression rules for a patient and storing what they suggest."""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practice.models import ExerciseSession, SkipReason, StepLog, StepStatus
from progression import attention
from progression import rules as progression
from progression.models import Suggestion, SuggestionKind, SuggestionScope, SuggestionStatus
from routines.models import Routine
from safety.alerts import raise_alert
from safety.models import AlertKind, Screening, Tier

WINDOW_DAYS = 14


def _item_day(logs: list, item) -> progression.ItemDay:
    """A plan item's logs in one session, counted by outcome; at_dose when every log
    was at the item's current exercise and dose."""
    count = dict.fromkeys(StepStatus.values, 0)
    for_pain = {StepStatus.SKIPPED: 0, StepStatus.STOPPED: 0}
    for log in logs:
        count[log.status] += 1
        if log.status in for_pain and log.skip_reason == SkipReason.PAIN:
            for_pain[log.status] += 1
    at_dose = item is not None and all(
        (log.exercise_id, log.reps, log.hold_seconds)
        == (item.exercise_id, item.reps, item.hold_seconds)
        for log in logs
    )
    if at_dose:
        at_dose = max(log.set_number for log in logs) == item.sets
    return progression.ItemDay(
        done=count[StepStatus.DONE],
        easier=count[StepStatus.EASIER],
        skipped=count[StepStatus.SKIPPED],
        skipped_for_pain=for_pain[StepStatus.SKIPPED],
        stopped=count[StepStatus.STOPPED],
        stopped_for_pain=for_pain[StepStatus.STOPPED],
        at_dose=at_dose,
    )


def facts_for(patient, items=()) -> tuple[list[progression.SessionFacts], int | None]:
    """The last fortnight's finished sessions, oldest first, with their next-morning
    answers and each plan item's logs; and the baseline (the first recorded pain
    score, before the first finished session). Two queries: the sessions with their
    morning answers and the baseline (a subquery), and their logs; with no finished
    session in the fortnight, one more for the baseline."""
    today = patient.local_date()
    by_id = {item.pk: item for item in items}
    firsts = ExerciseSession.objects.completed().filter(patient=OuterRef("patient_id"))
    sessions = list(
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date__gte=today - timedelta(days=WINDOW_DAYS))
        .with_morning()
        .annotate(baseline=Subquery(firsts.order_by("local_date").values("pain_before")[:1]))
        .prefetch_related(Prefetch("logs", queryset=StepLog.objects.order_by()))
        .order_by("local_date")
    )
    if sessions:
        baseline = sessions[0].baseline
    else:
        first = (
            ExerciseSession.objects.completed()
            .filter(patient=patient)
            .order_by("local_date")
            .first()
        )
        baseline = first.pain_before if first else None
    facts = []
    for s in sessions:
        logs: dict[int, list] = {}
        for log in s.logs.all():
            logs.setdefault(log.item_id, []).append(log)
        facts.append(
            progression.SessionFacts(
                local_date=s.local_date,
                pain_before=s.pain_before,
                pain_after=s.pain_after,
                effort=s.effort,
                morning_pain=s.morning_pain,
                morning_response=s.morning_response or "",
                pain_worst=s.pain_worst,
                bad_day=s.bad_day,
                items={pk: _item_day(rows, by_id.get(pk)) for pk, rows in logs.items()},
            )
        )
    return facts, baseline


@dataclass
class Outcome:
    """What the rules made of the evidence: the whole routine's decision and each plan
    item's (by item id)."""

    routine: progression.RoutineDecision
    items: dict = field(default_factory=dict)
    alert: bool = False

    @property
    def action(self) -> str:
        """One word for the whole: alert, a routine step back, else "progress" or
        "regress" when any item has one (step back first), else hold."""
        if self.alert:
            return progression.ALERT
        if self.routine.action == progression.REGRESS:
            return progression.REGRESS
        actions = {d.action for d in self.items.values()}
        for action in (progression.REGRESS, progression.PROGRESS):
            if action in actions:
                return action
        return progression.HOLD


def _raise_alerts(patient, facts, baseline) -> bool:
    """The alerts the sessions call for (bad-back days included: they count for
    alerts). Whether pain was above the ceiling twice (urgent)."""
    this_week, _last_week = progression.weekly_means(facts, patient.local_date())
    if attention.meaningful_rise(baseline, this_week):
        raise_alert(
            patient,
            AlertKind.PAIN_SPIKE,
            title=format_lazy(_("Pain up this week: {mean}/10"), mean=f"{this_week:.1f}"),
            detail=f"This week's mean pain {this_week:.1f}; baseline {baseline}.",
        )
    elif attention.meaningful_drop(baseline, this_week):
        raise_alert(
            patient,
            AlertKind.IMPROVED,
            title=format_lazy(_("Pain down this week: {mean}/10"), mean=f"{this_week:.1f}"),
            detail=f"This week's mean pain {this_week:.1f}; baseline {baseline}.",
        )
    if progression.above_ceiling_twice(facts):
        ceiling = settings.PAIN_ACCEPTABLE_CEILING
        raise_alert(
            patient,
            AlertKind.PAIN_CEILING,
            title=format_lazy(_("Pain above {ceiling} in 2 sessions"), ceiling=ceiling),
            detail=f"Worst pain above {ceiling} in the last two sessions.",
        )
        return True
    return False


def _same(pending: Suggestion, new: Suggestion) -> bool:
    fields = ("kind", "scope", "reason", "exercise_id", "sets", "reps", "hold_seconds")
    return all(getattr(pending, f) == getattr(new, f) for f in fields)


# Joins the caller's transaction (progression/events.py) without a savepoint.
@transaction.atomic(savepoint=False)
def refresh(patient, *, plan_evidence: bool = True) -> Outcome:
    """Decide, raise the alerts the evidence calls for, and bring the patient's waiting
    suggestions up to date: each plan item's pending suggestion becomes what the rules
    say now. A new or changed one replaces the waiting one (kept as "superseded", so
    repeated step-backs can be counted); one the evidence no longer supports (the rules
    now say hold) is withdrawn the same way; an unchanged one is left as it is.

    plan_evidence=False (the evidence came from a bad-back-day session): alerts only;
    no suggestion for the normal plan changes. Called after a check-out, a morning
    check and a correction (progression/events.py)."""
    plan = Routine.objects.for_patient(patient).active().first()
    if plan is None:
        return Outcome(progression.RoutineDecision(progression.HOLD, "No plan."))
    items = list(plan.items.select_related("exercise__easier", "exercise__harder"))
    facts, baseline = facts_for(patient, items)
    alert = _raise_alerts(patient, facts, baseline)
    eligible = progression.eligible(facts)
    review_open = Screening.objects.filter(
        patient=patient, tier=Tier.REVIEW, alerts__resolved_at__isnull=True
    ).exists()
    routine = progression.decide_routine(eligible, patient.local_date(), review_open=review_open)
    outcome = Outcome(routine, alert=alert)
    if not plan_evidence:
        return outcome
    wanted: dict[int, Suggestion] = {}
    group = uuid.uuid4()
    for item in items:
        if routine.action == progression.REGRESS:
            decision = progression.Decision(progression.REGRESS, routine.reason)
            scope = SuggestionScope.ROUTINE
        else:
            decision = progression.decide_item(item.pk, eligible, blocked=routine.blocked)
            scope = SuggestionScope.ITEM
        outcome.items[item.pk] = decision
        if decision.action not in (progression.PROGRESS, progression.REGRESS):
            continue
        dose = progression.next_dose(item, decision.action)
        if dose is None:
            continue
        wanted[item.pk] = Suggestion(
            patient=patient,
            item=item,
            kind=decision.action,
            scope=scope,
            group=group if scope == SuggestionScope.ROUTINE else uuid.uuid4(),
            reason=decision.reason[:300],
            exercise=dose.exercise,
            sets=dose.sets,
            reps=dose.reps,
            hold_seconds=dose.hold_seconds,
            based_on=Suggestion.snapshot(item),
        )
    pending, dismissed = _waiting_and_dismissed(patient)
    for item_id, new in list(wanted.items()):
        earlier = dismissed.get(item_id)
        if earlier and _same(earlier, new) and earlier.based_on == new.based_on:
            del wanted[item_id]  # the clinician said no to this already, on this evidence
    stale = [
        s.pk
        for item_id, s in pending.items()
        if item_id not in wanted or not _same(s, wanted[item_id])
    ]
    if routine.action == progression.REGRESS and stale:
        # A whole-routine step back is one suggestion: its rows are renewed together.
        stale = [s.pk for s in pending.values()]
    fresh = [
        new
        for item_id, new in wanted.items()
        if item_id not in pending or pending[item_id].pk in stale
    ]
    if routine.action == progression.REGRESS and fresh and not stale and pending:
        for new in fresh:  # rows for items the group lacked join the waiting group
            new.group = next(iter(pending.values())).group
    if stale:
        Suggestion.objects.filter(pk__in=stale).update(status=SuggestionStatus.SUPERSEDED)
    Suggestion.objects.bulk_create(fresh)
    if any(new.kind == SuggestionKind.REGRESS for new in fresh):
        _step_backs_alert(patient)
    return outcome


def _waiting_and_dismissed(patient) -> tuple[dict, dict]:
    """The patient's pending suggestions by item, and the latest one dismissed in the
    window by item: one query."""
    rows = Suggestion.objects.filter(
        Q(status=SuggestionStatus.PENDING)
        | Q(
            status=SuggestionStatus.DISMISSED,
            created__gte=timezone.now() - timedelta(days=WINDOW_DAYS),
        ),
        patient=patient,
    ).order_by("created", "id")
    pending, dismissed = {}, {}
    for row in rows:
        (pending if row.status == SuggestionStatus.PENDING else dismissed)[row.item_id] = row
    return pending, dismissed


def _step_backs_alert(patient) -> None:
    days = (
        Suggestion.objects.filter(
            patient=patient,
            kind=SuggestionKind.REGRESS,
            created__gte=timezone.now() - timedelta(days=WINDOW_DAYS),
        )
        .order_by()  # the default ordering would make DISTINCT count rows, not days
        .values("created__date")
        .distinct()
        .count()
    )
    if days >= 2:
        raise_alert(
            patient,
            AlertKind.REGRESS,
            title=_("Step-backs on more than one day"),
            detail="Step-back suggested on more than one day.",
        )
