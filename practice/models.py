"""The exercise session: one day's go at a plan, each set as it was done, and the next
morning's answer."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exercises.models import Exercise
from routines.models import Routine, RoutineItem


class Effort(models.TextChoices):
    EASY = "easy", _("Easy")
    RIGHT = "right", _("About right")
    HARD = "hard", _("Too hard")


class SessionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class StopReason(models.TextChoices):
    """Why the patient stopped the session early (the "Stop for today" control). The
    values are also SkipReason values: the steps left are logged with the same reason."""

    PAIN = "pain", _("It hurts")
    UNWELL = "unwell", _("I feel unwell")
    NO_TIME = "no_time", _("No time")


class SessionQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(status=SessionStatus.COMPLETED)

    def with_morning(self):
        """Each session with the next morning's answer to it (morning_response,
        morning_pain; None when not answered): two subqueries in the same query, over
        morningcheck_session_idx."""
        mornings = MorningCheck.objects.filter(session=models.OuterRef("pk")).order_by()
        return self.annotate(
            morning_response=models.Subquery(mornings.values("response")[:1]),
            morning_pain=models.Subquery(mornings.values("pain")[:1]),
        )


class ExerciseSession(models.Model):
    """One day's go at a plan. Unique per patient and local date, so a second tap on
    Start (or a retried request) opens the same session instead of a new one."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessions"
    )
    plan = models.ForeignKey(Routine, on_delete=models.PROTECT, related_name="sessions")
    local_date = models.DateField(help_text=_("The patient's own date when it started."))
    # When the patient started, as their phone said: a session done offline is sent
    # later, and keeps the time it happened (practice/forms.py bounds it).
    started = models.DateTimeField(default=timezone.now)
    # When the server got it (the start, then the check-out). A session done offline
    # arrives when the phone is back online, perhaps days later, and so do the alerts
    # it raises; the clinician is shown that (clinic/detail.py). Empty on sessions from
    # before it was kept.
    # Written by the player (practice/player.py, progression/events.py).
    received = models.DateTimeField(null=True, blank=True, editable=False)
    finished = models.DateTimeField(null=True, blank=True)
    pain_before = models.PositiveSmallIntegerField(null=True, blank=True)
    pain_after = models.PositiveSmallIntegerField(null=True, blank=True)
    # The worst pain during the exercises, asked at check-out (clinical.md §3.1: the
    # "pain during" of the rules). Empty on sessions finished before it was asked.
    pain_worst = models.PositiveSmallIntegerField(null=True, blank=True)
    effort = models.CharField(max_length=8, choices=Effort.choices, blank=True)
    note = models.TextField(blank=True, max_length=1000)
    bad_day = models.BooleanField(default=False)
    status = models.CharField(
        max_length=16, choices=SessionStatus.choices, default=SessionStatus.IN_PROGRESS
    )
    # Blank unless the patient stopped early; the steps left are then logged "stopped".
    stopped_reason = models.CharField(max_length=8, choices=StopReason.choices, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "local_date"], name="session_one_per_day"),
            models.CheckConstraint(
                condition=Q(pain_before__isnull=True) | Q(pain_before__gte=0, pain_before__lte=10),
                name="session_pain_before_0_10",
            ),
            models.CheckConstraint(
                condition=Q(pain_after__isnull=True) | Q(pain_after__gte=0, pain_after__lte=10),
                name="session_pain_after_0_10",
            ),
            models.CheckConstraint(
                condition=Q(pain_worst__isnull=True) | Q(pain_worst__gte=0, pain_worst__lte=10),
                name="session_pain_worst_0_10",
            ),
            models.CheckConstraint(
                condition=Q(effort__in=["", *Effort.values]), name="session_effort_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SessionStatus.values), name="session_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(stopped_reason__in=["", *StopReason.values]),
                name="session_stopped_reason_valid",
            ),
            # A completed session has both pain scores and a finish time.
            models.CheckConstraint(
                condition=~Q(status=SessionStatus.COMPLETED)
                | Q(finished__isnull=False, pain_before__isnull=False, pain_after__isnull=False),
                name="session_completed_is_whole",
            ),
        ]
        indexes = [
            # History and Today: a patient's sessions, newest first.
            models.Index(fields=["patient", "-local_date"], name="session_patient_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.patient} on {self.local_date}"

    @property
    def pain_during(self) -> int | None:
        """What the rules read as pain during the exercises: the worst pain when it was
        asked, else the score at check-out (older sessions)."""
        return self.pain_worst if self.pain_worst is not None else self.pain_after

    def days_late(self, zone) -> int:
        """How many days after its own day the session reached the server (0: that day)."""
        if self.received is None:
            return 0
        return max(0, (timezone.localdate(self.received, timezone=zone) - self.local_date).days)

    @property
    def stopped_early(self) -> bool:
        return bool(self.stopped_reason)

    @property
    def stopped_for_pain(self) -> bool:
        """For the rules (clinical.md §2.1: a session stopped for pain is an attention
        alert); reads this row only."""
        return self.stopped_reason == StopReason.PAIN


class Side(models.TextChoices):
    LEFT = "left", _("Left side")
    RIGHT = "right", _("Right side")
    BOTH = "both", _("Both sides")


class StepStatus(models.TextChoices):
    DONE = "done", _("Done")
    EASIER = "easier", _("Done, easier version")
    SKIPPED = "skipped", _("Skipped")
    # Not done because the patient stopped the session early (its reason in skip_reason).
    STOPPED = "stopped", _("Not done: stopped early")


NOT_DONE = (StepStatus.SKIPPED, StepStatus.STOPPED)


class SkipReason(models.TextChoices):
    PAIN = "pain", _("It hurt")
    TOO_HARD = "too_hard", _("Too hard")
    NO_TIME = "no_time", _("No time")
    NO_EQUIPMENT = "no_equipment", _("No equipment")
    UNWELL = "unwell", _("Felt unwell")


class StepLog(models.Model):
    """One set on one side, as it was actually done. The dose is copied, so history
    keeps what was given even after the plan changes."""

    session = models.ForeignKey(ExerciseSession, on_delete=models.CASCADE, related_name="logs")
    item = models.ForeignKey(RoutineItem, on_delete=models.PROTECT, related_name="logs")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=8, choices=Side.choices)
    set_number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=8, choices=StepStatus.choices)
    skip_reason = models.CharField(max_length=16, choices=SkipReason.choices, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    # When the step was done on the phone (see ExerciseSession.started).
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            # The database, not the view, guarantees that a retried request logs once.
            models.UniqueConstraint(
                fields=["session", "item", "side", "set_number"], name="steplog_once_per_step"
            ),
            models.CheckConstraint(condition=Q(side__in=Side.values), name="steplog_side_valid"),
            models.CheckConstraint(
                condition=Q(status__in=StepStatus.values), name="steplog_status_valid"
            ),
            # Skipped and stopped steps say why; done ones have no reason.
            models.CheckConstraint(
                condition=(Q(status__in=NOT_DONE) & Q(skip_reason__in=SkipReason.values))
                | (~Q(status__in=NOT_DONE) & Q(skip_reason="")),
                name="steplog_skip_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(set_number__gte=1, set_number__lte=10), name="steplog_set_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} set {self.set_number} {self.side}: {self.status}"


class MorningResponse(models.TextChoices):
    BETTER = "better", _("Better")
    SAME = "same", _("About the same")
    WORSE = "worse", _("Worse")


class MorningCheck(models.Model):
    """The day after a session: how the back is compared with before it. One a day."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="morning_checks"
    )
    local_date = models.DateField()
    session = models.ForeignKey(
        ExerciseSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="morning_checks",
        help_text=_("The session the day before."),
    )
    response = models.CharField(max_length=8, choices=MorningResponse.choices)
    pain = models.PositiveSmallIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-local_date"]
        indexes = [
            # A session's next-morning answer (history, the clinician's patient page).
            models.Index(fields=["session"], name="morningcheck_session_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "local_date"], name="morningcheck_one_per_day"
            ),
            models.CheckConstraint(
                condition=Q(pain__gte=0, pain__lte=10), name="morningcheck_pain_0_10"
            ),
            models.CheckConstraint(
                condition=Q(response__in=MorningResponse.values), name="morningcheck_response_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.patient} on {self.local_date}: {self.response}, {self.pain}/10"
