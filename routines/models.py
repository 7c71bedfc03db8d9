import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exercises.models import Dose, Exercise
from organisations.scoping import clinic_scoped

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
    plan copied from one (so later template edits never change a plan silently). It
    belongs to its writer's clinic: templates are shared within a clinic only."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    clinic = models.ForeignKey(
        "organisations.Clinic", on_delete=models.PROTECT, related_name="routines"
    )
    kind = models.CharField(max_length=16, choices=RoutineKind.choices)
    title = models.CharField(_("title"), max_length=120)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="routines_owned",
        help_text=_("The clinician who wrote it."),
    )
    shared = models.BooleanField(
        _("shared with the clinic's clinicians"),
        default=False,
        help_text=_("Templates only: the clinic's other clinicians can use and duplicate it."),
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
    # Templates only: the patient whose plan this is a copy of, being changed ("Change
    # the plan"). It holds their items and notes, so it is erased with them.
    prepared_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = clinic_scoped(models.Manager.from_queryset(RoutineQuerySet))
    unscoped = RoutineQuerySet.as_manager()

    class Meta:
        default_manager_name = "unscoped"
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
                condition=Q(prepared_for__isnull=True) | Q(kind=RoutineKind.TEMPLATE),
                name="routine_prepared_for_template",
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

    def save(self, *args, **kwargs):
        if self.clinic_id is None:
            # Its writer's clinic (the owner is usually loaded already: no query).
            self.clinic_id = self.owner.clinic_id
        super().save(*args, **kwargs)


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
