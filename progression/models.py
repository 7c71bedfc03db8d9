"""What the rules suggest for a plan, and the outcome measure."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exercises.dose import dose_text
from exercises.models import Exercise
from routines.models import Routine, RoutineItem
from safety.models import TIER_RANK, Alert


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the clinician")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")
    SUPERSEDED = "superseded", _("Replaced by a newer one, or withdrawn")


class SuggestionKind(models.TextChoices):
    PROGRESS = "progress", _("Progress")
    REGRESS = "regress", _("Step back")


class SuggestionScope(models.TextChoices):
    ITEM = "item", _("This exercise")
    ROUTINE = "routine", _("The whole routine")


class Suggestion(models.Model):
    """Progress or step back one plan item, worked out by progression/rules.py. Never
    applied by itself: the clinician accepts (which changes the plan) or dismisses it.

    A whole-routine step back is ONE suggestion to the clinician: a row per plan item
    (each keeps its own dose, its own snapshot and the one-pending-per-item rule) that
    share a `group` and the scope "routine"; it is shown as one card, and accepting or
    dismissing any row decides the whole group at once (progression/decisions.py)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestions"
    )
    item = models.ForeignKey(RoutineItem, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=8, choices=SuggestionKind.choices)
    scope = models.CharField(
        max_length=8, choices=SuggestionScope.choices, default=SuggestionScope.ITEM
    )
    # Shared by the rows of one whole-routine suggestion; an item's own is its alone.
    group = models.UUIDField(default=uuid.uuid4, editable=False)
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
                fields=["item"],
                condition=Q(status=SuggestionStatus.PENDING),
                name="suggestion_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SuggestionKind.values), name="suggestion_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SuggestionStatus.values), name="suggestion_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=SuggestionScope.values), name="suggestion_scope_valid"
            ),
        ]
        indexes = [
            # Deciding a whole-routine suggestion: its group's rows.
            models.Index(fields=["group"], name="suggestion_group_idx"),
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


# An alert rank after every tier: no open alert.
NO_ALERT = len(TIER_RANK)


class Trend(models.TextChoices):
    UP = "up", _("rising")
    DOWN = "down", _("easing")
    STEADY = "steady", _("steady")


def _pain(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 10})


class CaseloadEntry(models.Model):
    """What the clinician's patient list sorts by, one row per patient, so the list
    sorts and pages in SQL (clinic/caseload.py). progression/caseload.py keeps it:
    the alert, pain and plan columns in the transaction that changes them; the columns
    that depend on the date (adherence over the last week, missed due days, the reasons
    for attention, the trend) once per patient-local day, for `computed_for`, and again
    after any change (fresh_until is then emptied)."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="caseload_entry",
    )
    # The active plan (its title is shown; its schedule gives adherence), and the most
    # pressing open alert (by tier, then the oldest). Deleting either (the admin, an
    # erasure) deletes the row: the next list makes it again.
    plan = models.ForeignKey(Routine, on_delete=models.CASCADE, null=True, related_name="+")
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, null=True, related_name="+")
    alert_rank = models.PositiveSmallIntegerField(default=NO_ALERT)
    open_alerts = models.PositiveIntegerField(default=0)
    # The first finished session's pain before, and the last finished session's scores.
    baseline = models.PositiveSmallIntegerField(null=True)
    last_before = models.PositiveSmallIntegerField(null=True)
    last_after = models.PositiveSmallIntegerField(null=True)
    # Any session's day, finished or not.
    last_activity = models.DateField(null=True)
    # Depend on the date: computed for the patient's own date `computed_for`.
    done = models.PositiveSmallIntegerField(default=0)
    due = models.PositiveSmallIntegerField(default=0)
    missed_days = models.PositiveSmallIntegerField(default=0)
    pain_up = models.BooleanField(default=False)
    reasons = models.PositiveSmallIntegerField(default=0)
    trend = models.CharField(max_length=6, choices=Trend, default=Trend.STEADY)
    computed_for = models.DateField(null=True)
    # When the patient's day `computed_for` ends; empty when an input changed since.
    fresh_until = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(alert_rank__gte=0, alert_rank__lte=NO_ALERT),
                name="caseload_alert_rank_valid",
            ),
            models.CheckConstraint(
                condition=Q(alert__isnull=True, alert_rank=NO_ALERT, open_alerts=0)
                | Q(alert__isnull=False, alert_rank__lt=NO_ALERT, open_alerts__gte=1),
                name="caseload_alert_consistent",
            ),
            models.CheckConstraint(condition=_pain("baseline"), name="caseload_baseline_0_10"),
            models.CheckConstraint(
                condition=Q(last_before__isnull=True, last_after__isnull=True)
                | Q(last_before__gte=0, last_before__lte=10, last_after__gte=0, last_after__lte=10),
                name="caseload_last_pains_0_10",
            ),
            models.CheckConstraint(
                condition=Q(done__lte=models.F("due"), due__lte=7), name="caseload_done_of_due"
            ),
            models.CheckConstraint(
                condition=Q(reasons__gte=0, reasons__lte=2), name="caseload_reasons_0_2"
            ),
            models.CheckConstraint(
                condition=Q(trend__in=Trend.values), name="caseload_trend_valid"
            ),
        ]
        indexes = [
            # The list's "which rows are out of date" count and refresh.
            models.Index(fields=["fresh_until"], name="caseload_fresh_until_idx"),
        ]

    def __str__(self) -> str:
        return f"Caseload entry of {self.patient_id} for {self.computed_for}"
