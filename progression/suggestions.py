"""Running the progression rules for a patient and storing what they suggest."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practice.models import ExerciseSession, MorningCheck
from progression import attention
from progression import rules as progression
from progression.models import Suggestion, SuggestionKind, SuggestionStatus
from routines.models import Routine
from safety.alerts import raise_alert
from safety.models import AlertKind, Screening, Tier

WINDOW_DAYS = 14


def facts_for(patient) -> tuple[list[progression.SessionFacts], int | None]:
    """The last fortnight's finished sessions with their next-morning scores, and the
    baseline (the first recorded pain score)."""
    today = patient.local_date()
    sessions = list(
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date__gte=today - timedelta(days=WINDOW_DAYS))
        .order_by("local_date")
    )
    mornings = {
        m.local_date: (m.pain, m.response)
        for m in MorningCheck.objects.filter(
            patient=patient, local_date__gte=today - timedelta(days=WINDOW_DAYS)
        )
    }
    first = (
        ExerciseSession.objects.completed().filter(patient=patient).order_by("local_date").first()
    )
    facts = []
    for s in sessions:
        morning_pain, morning_response = mornings.get(s.local_date + timedelta(days=1), (None, ""))
        facts.append(
            progression.SessionFacts(
                local_date=s.local_date,
                pain_before=s.pain_before,
                pain_after=s.pain_after,
                effort=s.effort,
                morning_pain=morning_pain,
                morning_response=morning_response,
            )
        )
    return facts, first.pain_before if first else None


# Joins the caller's transaction (progression/events.py) without a savepoint.
@transaction.atomic(savepoint=False)
def refresh(patient) -> progression.Decision:
    """Decide, then replace the patient's pending suggestions with the new ones (or raise
    an alert). Called after a session is finished and after a morning check."""
    plan = Routine.objects.for_patient(patient).active().first()
    if plan is None:
        return progression.Decision(progression.HOLD, "No plan.")
    facts, baseline = facts_for(patient)
    review_open = Screening.objects.filter(
        patient=patient, tier=Tier.REVIEW, alerts__resolved_at__isnull=True
    ).exists()
    decision = progression.decide(facts, baseline, patient.local_date(), paused=review_open)
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
    if decision.action == progression.ALERT:
        raise_alert(
            patient,
            AlertKind.PAIN_CEILING,
            title=format_lazy(
                _("Pain above {ceiling} in 2 sessions"), ceiling=settings.PAIN_ACCEPTABLE_CEILING
            ),
            detail=decision.reason,
        )
    # A hold keeps what the clinician hasn't decided yet; progress, regress and alert
    # replace it (kept as "superseded", so repeated step-backs can be counted).
    if decision.action not in (progression.PROGRESS, progression.REGRESS, progression.ALERT):
        return decision
    Suggestion.objects.filter(patient=patient, status=SuggestionStatus.PENDING).update(
        status=SuggestionStatus.SUPERSEDED
    )
    # Over the ceiling twice: step back as well as alert (clinical.md §3).
    action = progression.REGRESS if decision.action == progression.ALERT else decision.action
    items = plan.items.select_related("exercise__easier", "exercise__harder")
    Suggestion.objects.bulk_create(
        Suggestion(
            patient=patient,
            item=item,
            kind=action,
            reason=decision.reason,
            exercise=dose.exercise,
            sets=dose.sets,
            reps=dose.reps,
            hold_seconds=dose.hold_seconds,
            based_on=Suggestion.snapshot(item),
        )
        for item in items
        if (dose := progression.next_dose(item, action)) is not None
    )
    if action == progression.REGRESS:
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
    return decision
