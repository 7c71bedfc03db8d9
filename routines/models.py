import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exercises.dose import dose_text
from exercises.models import Dose, Exercise

EVERY_DAY = 0b1111111


class RoutineKind(models.TextChoices):
    TEMPLATE = "template", _("Template")
    PLAN = "plan", _("Patient plan")


class RoutineQuerySet(models.QuerySet):
    def plans(self):
        return self.filter(kind=RoutineKind.PLAN)

    def templates(self):
        return self.filter(kind=RoutineKind.TEMPLATE)

    def active(self):
        return self.filter(active=True)

    def for_patient(self, patient):
        return self.plans().filter(patient=patient)

    def with_items(self, *related: str):
        """Items in order, each with its exercise (and `related`): one extra query."""
        items = RoutineItem.objects.select_related("exercise", *related).order_by("order", "id")
        return self.prefetch_related(models.Prefetch("items", queryset=items))


class Routine(models.Model):
    """A list of exercises with doses: either a clinician's template, or a patient's
    plan copied from one (so later template edits never change a plan silently)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=RoutineKind.choices)
    title = models.CharField(_("title"), max_length=120)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="routines_owned",
        help_text=_("The clinician who wrote it."),
    )
    shared = models.BooleanField(
        _("shared with all clinicians"),
        default=False,
        help_text=_("Templates only: other clinicians can use and duplicate it."),
    )
    # Plans only.
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="plans",
    )
    schedule_days = models.PositiveSmallIntegerField(
        _("days of the week"),
        default=EVERY_DAY,
        help_text=_("Bit 0 is Monday … bit 6 is Sunday."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    active = models.BooleanField(default=True)
    source_template = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RoutineKind.values), name="routine_kind_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=RoutineKind.PLAN, patient__isnull=False, start_date__isnull=False)
                    | Q(kind=RoutineKind.TEMPLATE, patient__isnull=True)
                ),
                name="routine_plan_has_patient_and_start",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="routine_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(schedule_days__gte=1, schedule_days__lte=EVERY_DAY),
                name="routine_schedule_days_valid",
            ),
            # A patient follows one plan at a time.
            models.UniqueConstraint(
                fields=["patient"],
                condition=Q(kind=RoutineKind.PLAN, active=True),
                name="routine_one_active_plan",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == RoutineKind.PLAN:
            return f"{self.title} ({self.patient})"
        return self.title


class RoutineItem(Dose):
    # In builder URLs: codes, not sequential ids.
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    notes = models.TextField(_("notes for the patient"), blank=True, max_length=1000)
    bad_day_exercise = models.ForeignKey(
        Exercise,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bad-day version"),
        help_text=_("Done instead on a bad-back day. Empty: the exercise's easier version."),
    )

    class Meta:
        ordering = ["order", "id"]
        constraints = Dose.Meta.constraints
        indexes = [
            # Loading a routine's items in order.
            models.Index(fields=["routine", "order"], name="routineitem_order_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} — {self.dose}"

    @classmethod
    def from_exercise(cls, exercise: Exercise, **fields) -> "RoutineItem":
        """An item with the exercise's default dose."""
        defaults = {
            "sets": exercise.sets,
            "reps": exercise.reps,
            "hold_seconds": exercise.hold_seconds,
            "rest_seconds": exercise.rest_seconds,
            "per_side": exercise.per_side,
        }
        return cls(exercise=exercise, **{**defaults, **fields})


class Effort(models.TextChoices):
    EASY = "easy", _("Easy")
    RIGHT = "right", _("About right")
    HARD = "hard", _("Too hard")


class SessionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class SessionQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(status=SessionStatus.COMPLETED)


class Session(models.Model):
    """One day's go at a plan. Unique per patient and local date, so a second tap on
    Start (or a retried request) opens the same session instead of a new one."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessions"
    )
    plan = models.ForeignKey(Routine, on_delete=models.PROTECT, related_name="sessions")
    local_date = models.DateField(help_text=_("The patient's own date when it started."))
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    pain_before = models.PositiveSmallIntegerField(null=True, blank=True)
    pain_after = models.PositiveSmallIntegerField(null=True, blank=True)
    effort = models.CharField(max_length=8, choices=Effort.choices, blank=True)
    note = models.TextField(blank=True, max_length=1000)
    bad_day = models.BooleanField(default=False)
    status = models.CharField(
        max_length=16, choices=SessionStatus.choices, default=SessionStatus.IN_PROGRESS
    )

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
                condition=Q(effort__in=["", *Effort.values]), name="session_effort_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SessionStatus.values), name="session_status_valid"
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


class Side(models.TextChoices):
    LEFT = "left", _("Left side")
    RIGHT = "right", _("Right side")
    BOTH = "both", _("Both sides")


class StepStatus(models.TextChoices):
    DONE = "done", _("Done")
    EASIER = "easier", _("Done, easier version")
    SKIPPED = "skipped", _("Skipped")


class SkipReason(models.TextChoices):
    PAIN = "pain", _("It hurt")
    TOO_HARD = "too_hard", _("Too hard")
    NO_TIME = "no_time", _("No time")
    NO_EQUIPMENT = "no_equipment", _("No equipment")


class StepLog(models.Model):
    """One set on one side, as it was actually done. The dose is copied, so history
    keeps what was given even after the plan changes."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="logs")
    item = models.ForeignKey(RoutineItem, on_delete=models.PROTECT, related_name="logs")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=8, choices=Side.choices)
    set_number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=8, choices=StepStatus.choices)
    skip_reason = models.CharField(max_length=16, choices=SkipReason.choices, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

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
            models.CheckConstraint(
                condition=(Q(status=StepStatus.SKIPPED) & Q(skip_reason__in=SkipReason.values))
                | (~Q(status=StepStatus.SKIPPED) & Q(skip_reason="")),
                name="steplog_skip_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(set_number__gte=1, set_number__lte=10), name="steplog_set_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} set {self.set_number} {self.side}: {self.status}"


class Tier(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency: stop and get emergency care now")
    URGENT = "urgent", _("Urgent: stop and see a doctor today")
    REVIEW = "review", _("Review: carry on gently; clinician reviews progress")
    CLEAR = "clear", _("No warning signs")


class ScreeningQuestion(models.Model):
    """One red-flag question. Editable by admins: the wording and tiers are the
    project's proposal from clinical.md §2 and need the clinic's clinical sign-off."""

    key = models.SlugField(unique=True)
    text = models.CharField(_("question"), max_length=300)
    tier = models.CharField(
        _("tier if answered yes"),
        max_length=16,
        choices=[c for c in Tier.choices if c[0] != Tier.CLEAR],
    )
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tier__in=[Tier.EMERGENCY, Tier.URGENT, Tier.REVIEW]),
                name="screeningquestion_tier_valid",
            )
        ]

    def __str__(self) -> str:
        return self.text


class ScreeningQuerySet(models.QuerySet):
    def locking(self):
        """Emergency or urgent answers the clinician hasn't cleared. A later check with
        "no" answers does not lift the lock: only the clinician does."""
        return self.filter(tier__in=[Tier.EMERGENCY, Tier.URGENT], cleared_at__isnull=True)

    def latest_for(self, patient) -> "Screening | None":
        return self.filter(patient=patient).order_by("-at").first()

    def pausing_for(self, patient) -> "Screening | None":
        """The answer that pauses this patient's exercise, if any."""
        return self.locking().latest_for(patient)


class Screening(models.Model):
    """A patient's answers to the red-flag questions, kept as asked (question text
    included), with the tier they came to."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screenings"
    )
    local_date = models.DateField()
    at = models.DateTimeField(auto_now_add=True)
    answers = models.JSONField(help_text=_("[{key, text, tier, yes}] as asked."))
    tier = models.CharField(max_length=16, choices=Tier.choices)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_note = models.TextField(blank=True, max_length=2000)

    objects = ScreeningQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(condition=Q(tier__in=Tier.values), name="screening_tier_valid"),
        ]
        indexes = [
            # Today: the patient's latest screening.
            models.Index(fields=["patient", "-at"], name="screening_patient_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.patient}: {self.get_tier_display()} ({self.local_date})"

    @property
    def locked(self) -> bool:
        return self.tier in (Tier.EMERGENCY, Tier.URGENT) and self.cleared_at is None


class AlertKind(models.TextChoices):
    RED_FLAG = "red_flag", _("Red flag answered yes")
    PAIN_SPIKE = "pain_spike", _("Pain well above baseline")
    PAIN_CEILING = "pain_ceiling", _("Pain above 5 twice")
    INACTIVE = "inactive", _("Nothing logged for 3 due days")
    REGRESS = "regress", _("Repeated step-back suggestions")
    BAD_DAY = "bad_day", _("Bad-back day")


class AlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Alert(models.Model):
    """Something a clinician should look at. Resolved with a note, never deleted."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(max_length=16, choices=AlertKind.choices)
    detail = models.CharField(max_length=300, blank=True)
    screening = models.ForeignKey(
        Screening, on_delete=models.CASCADE, null=True, blank=True, related_name="alerts"
    )
    created = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolution = models.TextField(blank=True, max_length=2000)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AlertKind.values), name="alert_kind_valid"),
        ]
        indexes = [
            # The clinician's list: open alerts per patient.
            models.Index(fields=["patient", "resolved_at"], name="alert_patient_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.patient}"


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
        Session,
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


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the clinician")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")
    SUPERSEDED = "superseded", _("Replaced by a newer one, or withdrawn")


class Suggestion(models.Model):
    """Progress or step back one plan item, worked out by routines/progression.py. Never
    applied by itself: the clinician accepts (which changes the plan) or dismisses it."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestions"
    )
    item = models.ForeignKey(RoutineItem, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(
        max_length=8, choices=[("progress", _("Progress")), ("regress", _("Step back"))]
    )
    reason = models.CharField(max_length=300)
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    sets = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    # The dose it was worked out from: if the plan has changed since, it is out of date.
    based_on = models.JSONField(default=dict)
    status = models.CharField(
        max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created"]
        constraints = [
            # One open suggestion per plan item: a newer one replaces it.
            models.UniqueConstraint(
                fields=["item"], condition=Q(status="pending"), name="suggestion_one_pending"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["progress", "regress"]), name="suggestion_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SuggestionStatus.values), name="suggestion_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.item}"

    @property
    def dose(self) -> str:
        return dose_text(self.sets, self.reps, self.hold_seconds, self.item.per_side)

    @staticmethod
    def snapshot(item) -> dict:
        return {
            "exercise": item.exercise_id,
            "sets": item.sets,
            "reps": item.reps,
            "hold_seconds": item.hold_seconds,
        }


class PsfsScore(models.Model):
    """Patient-Specific Functional Scale (Stratford et al. 1995; free to use, with this
    attribution): up to 3 activities the back makes hard, each rated 0 (can't do) to 10
    (as before the problem). Rated at baseline, then every two weeks."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="psfs_scores"
    )
    local_date = models.DateField()
    activities = models.JSONField(help_text=_("[{activity, score}], 1 to 3 of them."))
    mean = models.DecimalField(max_digits=4, decimal_places=2)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["local_date"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "local_date"], name="psfs_one_per_day"),
            models.CheckConstraint(condition=Q(mean__gte=0, mean__lte=10), name="psfs_mean_0_10"),
        ]

    def __str__(self) -> str:
        return f"PSFS {self.mean} for {self.patient} on {self.local_date}"
