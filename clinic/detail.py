"""What a patient's page shows the clinician, gathered from the domain apps into one
value: the plan, open alerts and waiting suggestions, recent safety checks, the last
thirty sessions with the pain chart, the activity scores, each exercise's logs and the
reasons for skipping, and the plan's reads. Eleven queries whatever the history's
length: the plan and its items, the alerts, the suggestions, the safety checks, the
sessions, the activity scores, the two summaries of the logs, and two for the reads."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from accounts.models import User
from exercises.models import shown_text
from learn.reads import reads_context
from practice.models import (
    NOT_DONE,
    ExerciseSession,
    SessionStatus,
    SkipReason,
    StepLog,
    StepStatus,
)
from progression import charts
from progression.models import PsfsScore, Suggestion, SuggestionScope, SuggestionStatus
from progression.psfs import MEANINGFUL, MEANINGFUL_ACTIVITY, activity_changes
from routines import schedule
from routines.models import Routine
from safety.models import Screening


@dataclass(frozen=True)
class PatientDetail:
    patient: User
    plan: Routine | None
    days_label: str
    alerts: list
    suggestions: list
    screenings: list
    sessions: list
    chart: dict
    chart_sessions: list
    psfs: list
    psfs_chart: dict
    psfs_change: Decimal | None
    psfs_latest: PsfsScore | None
    psfs_activities: list
    per_exercise: list
    skip_reasons: list
    attached_reads: list
    other_reads: list

    @property
    def suggestion_cards(self) -> list[dict]:
        """The waiting suggestions as the clinician decides them: a whole-routine step
        back is one card (its rows, one decision); every other suggestion its own."""
        cards: dict = {}
        for s in self.suggestions:
            routine = s.scope == SuggestionScope.ROUTINE
            card = cards.setdefault(
                s.group if routine else s.code, {"first": s, "routine": routine, "rows": []}
            )
            card["rows"].append(s)
        return list(cards.values())

    def context(self) -> dict:
        return {
            **{name: getattr(self, name) for name in self.__dataclass_fields__},
            "suggestion_cards": self.suggestion_cards,
            "psfs_meaningful": MEANINGFUL,
            "psfs_meaningful_drop": -MEANINGFUL,
            "psfs_meaningful_activity": MEANINGFUL_ACTIVITY,
        }


def _reason_label(value: str) -> str:
    return str(SkipReason(value).label) if value in SkipReason.values else value


def _per_exercise(patient: User) -> list[dict]:
    """Each exercise's logged sets by outcome."""
    return list(
        StepLog.objects.filter(session__patient=patient)
        .values(name=shown_text("exercise__name"))
        .annotate(
            done=Count("id", filter=Q(status=StepStatus.DONE)),
            easier=Count("id", filter=Q(status=StepStatus.EASIER)),
            skipped=Count("id", filter=Q(status__in=NOT_DONE)),
        )
        .order_by("name")
    )


def _skip_reasons(patient: User) -> list[dict]:
    """The reasons given for skipping, most frequent first."""
    counts = (
        StepLog.objects.filter(session__patient=patient, status__in=NOT_DONE)
        .values("skip_reason")
        .annotate(count=Count("id"))
        .order_by("-count")
    )
    return [{"label": _reason_label(r["skip_reason"]), "count": r["count"]} for r in counts]


def detail_for(patient: User) -> PatientDetail:
    plan = Routine.objects.for_patient(patient).active().with_items("bad_day_exercise").first()
    sessions = list(
        ExerciseSession.objects.filter(patient=patient).with_morning().order_by("-local_date")[:30]
    )
    for session in sessions:
        session.late = session.days_late(patient.zone)
    completed = [s for s in sessions if s.status == SessionStatus.COMPLETED][::-1]
    psfs = list(PsfsScore.objects.filter(patient=patient).order_by("local_date"))
    reads = reads_context(plan)
    return PatientDetail(
        patient=patient,
        plan=plan,
        days_label=schedule.days_label(plan.schedule_days) if plan else "",
        alerts=list(patient.alerts.open().ranked().select_related("screening", "acknowledged_by")),
        suggestions=list(
            Suggestion.objects.filter(patient=patient, status=SuggestionStatus.PENDING)
            .select_related("item__exercise", "exercise")
            .order_by("item__order")
        ),
        screenings=list(Screening.objects.filter(patient=patient).order_by("-at")[:5]),
        sessions=sessions,
        chart=charts.pain_chart(completed),
        chart_sessions=completed,
        psfs=psfs,
        psfs_chart=charts.psfs_chart(psfs),
        psfs_change=psfs[-1].mean - psfs[0].mean if len(psfs) > 1 else None,
        psfs_latest=psfs[-1] if psfs else None,
        psfs_activities=activity_changes(psfs),
        per_exercise=_per_exercise(patient),
        skip_reasons=_skip_reasons(patient),
        attached_reads=reads["attached_reads"],
        other_reads=reads["other_reads"],
    )
