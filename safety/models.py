"""Red-flag questions, the patient's answers to them, and alerts for the clinician."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
