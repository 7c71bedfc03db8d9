"""Red-flag questions, the patient's answers to them, and alerts for the clinician."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from accounts.models import User

SIGN_OFF = _(
    "The project's proposal from clinical.md §2.1; needs the clinic's clinical sign-off before use."
)


class Tier(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency: stop and get emergency care now")
    URGENT = "urgent", _("Urgent: stop and see a doctor today")
    REVIEW = "review", _("Review: carry on gently; clinician reviews progress")
    HISTORY = "history", _("History: shown to the clinician; pauses nothing")
    CLEAR = "clear", _("No warning signs")


QUESTION_TIERS = [Tier.EMERGENCY, Tier.URGENT, Tier.HISTORY, Tier.REVIEW]


class AskedWhen(models.TextChoices):
    EVERY = "every", _("every check")
    ONCE = "once", _("once at the start and when something changed")
    AFTER_TWO_WEEKS = "after_two_weeks", _("every check after week 2")


class ScreeningQuestion(models.Model):
    """One red-flag question. Editable by admins: the wording, tiers and timing are the
    project's proposal from clinical.md §2.1 and need the clinic's clinical sign-off.
    The shipped texts are translated (each English text is its own message id); a
    question an admin rewrites is shown as written."""

    key = models.SlugField(unique=True)
    text = models.CharField(_("question"), max_length=300, help_text=SIGN_OFF)
    recheck_text = models.CharField(
        _("question on later checks"),
        max_length=300,
        blank=True,
        help_text=_(
            'Asked on every check after the first ("since your last check…"). Empty: the '
            "question above is asked every time."
        ),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        help_text=_('Names the answer in the clinician\'s alert, e.g. "bladder symptoms".'),
    )
    tier = models.CharField(
        _("tier if answered yes"),
        max_length=16,
        choices=[c for c in Tier.choices if c[0] in QUESTION_TIERS],
        help_text=SIGN_OFF,
    )
    when = models.CharField(
        _("when asked"), max_length=16, choices=AskedWhen.choices, default=AskedWhen.EVERY
    )
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tier__in=QUESTION_TIERS), name="screeningquestion_tier_valid"
            ),
            models.CheckConstraint(
                condition=Q(when__in=AskedWhen.values), name="screeningquestion_when_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def wording(self, first: bool) -> str:
        """The question as asked: on later checks, about what happened since the last."""
        return self.text if first or not self.recheck_text else self.recheck_text


class ScreeningQuerySet(models.QuerySet):
    def locking(self):
        """Emergency or urgent answers the clinician hasn't cleared. A later check with
        "no" answers does not lift the lock: only the clinician does. The database keeps
        User.exercise_paused by the same rule (patient/migrations/0002_...;
        tests/patient/test_stamp_triggers.py holds the two together)."""
        return self.filter(tier__in=[Tier.EMERGENCY, Tier.URGENT], cleared_at__isnull=True)

    def latest_for(self, patient) -> "Screening | None":
        return self.filter(patient=patient).order_by("-at").first()

    def pausing_for(self, patient) -> "Screening | None":
        """The answer that pauses this patient's exercise, if any."""
        return self.locking().latest_for(patient)

    def set_every_pause(self) -> int:
        """Every person's User.exercise_paused set again from their checks, by locking()'s
        rule, as the database's trigger sets it with each write: after a restore or a
        load that bypassed the triggers (refresh_caseload). One UPDATE; how many rows."""
        pausing = self.model.objects.locking().filter(patient=OuterRef("pk"))
        return User.unscoped.update(exercise_paused=Exists(pausing))


class Screening(models.Model):
    """A patient's answers to the red-flag questions, kept as asked (question text
    included), with the tier they came to."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screenings"
    )
    local_date = models.DateField()
    at = models.DateTimeField(auto_now_add=True)
    answers = models.JSONField(
        help_text=_(
            '[{key, text, name, tier, yes, known}] as asked; known: asked as "yes only if '
            'new or changed".'
        )
    )
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


class KnownAnswer(models.Model):
    """A clinician's note that a patient's "yes" to an urgent, review or history question
    is known and long-standing. Later checks ask that question as "answer yes only if it
    is new or has changed", so the same fact raises no new alert and a change does.
    Never for emergency questions (safety/rules.can_be_known); audited with the note."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="known_answers"
    )
    question_key = models.SlugField()
    screening = models.ForeignKey(
        Screening, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(max_length=2000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]
        constraints = [
            # Noted once per question; a later clear keeps the first note.
            models.UniqueConstraint(
                fields=["patient", "question_key"], name="knownanswer_once_per_question"
            ),
            models.CheckConstraint(condition=~Q(note=""), name="knownanswer_note_given"),
        ]

    def __str__(self) -> str:
        return f"{self.patient}: {self.question_key} known"


class AlertKind(models.TextChoices):
    RED_FLAG = "red_flag", _("Red flag answered yes")
    PAIN_SPIKE = "pain_spike", _("Pain well above baseline")
    PAIN_CEILING = "pain_ceiling", _("Pain above 5 twice")
    INACTIVE = "inactive", _("Nothing logged for 3 due days")
    REGRESS = "regress", _("Repeated step-back suggestions")
    BAD_DAY = "bad_day", _("Bad-back day")
    MORNING_WORSE = "morning_worse", _("Worse the next morning")
    STOPPED_FOR_PAIN = "stopped_pain", _("Session stopped for pain")
    ERASURE = "erasure", _("Erasure requested")
    IMPROVED = "improved", _("Meaningful improvement")
    REVIEW_ANSWER = "review_answer", _("Red-flag review answer")


class AlertTier(models.TextChoices):
    """How soon a clinician should look (clinical.md §2.1, "Alert tiers"). Lists sort
    by it, then by age; it is always shown in words as well as colour."""

    EMERGENCY = "emergency", _("Emergency")
    URGENT = "urgent", _("Urgent")
    ATTENTION = "attention", _("Needs attention")
    INFORMATION = "information", _("For information")


# Most pressing first: the sort key of every alert list.
TIER_RANK = {
    AlertTier.EMERGENCY: 0,
    AlertTier.URGENT: 1,
    AlertTier.ATTENTION: 2,
    AlertTier.INFORMATION: 3,
}
# Tiers that notify the patient's clinicians when the alert is raised.
NOTIFYING = (AlertTier.EMERGENCY, AlertTier.URGENT)


def tier_rank(field: str = "tier") -> Case:
    """TIER_RANK as an SQL expression on `field`, for ordering or for a subquery (the
    caseload's most pressing open alert per patient)."""
    return Case(
        *(When(**{field: tier}, then=Value(rank)) for tier, rank in TIER_RANK.items()),
        default=Value(len(TIER_RANK)),
        output_field=models.PositiveSmallIntegerField(),
    )


class AlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def ranked(self):
        """Emergency, urgent, needs attention, for information; oldest first within a
        tier (what has waited longest is read first)."""
        return self.annotate(tier_rank=tier_rank()).order_by("tier_rank", "created", "pk")


class Alert(models.Model):
    """Something a clinician should look at. Acknowledged ("I'm on it": reminders stop),
    then resolved with a note; never deleted. Raised only by safety/alerts.raise_alert."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(max_length=16, choices=AlertKind.choices)
    tier = models.CharField(_("tier"), max_length=16, choices=AlertTier.choices)
    # The plain name of what happened, e.g. "Red flag: bladder or bowel symptoms".
    title = models.CharField(_("title"), max_length=120)
    detail = models.CharField(max_length=300, blank=True)
    screening = models.ForeignKey(
        Screening, on_delete=models.CASCADE, null=True, blank=True, related_name="alerts"
    )
    created = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
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
            models.CheckConstraint(condition=Q(tier__in=AlertTier.values), name="alert_tier_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="alert_title_given"),
            # Who acknowledged may be deleted later (SET_NULL); when is always kept.
            models.CheckConstraint(
                condition=Q(acknowledged_by__isnull=True) | Q(acknowledged_at__isnull=False),
                name="alert_acknowledged_when",
            ),
            # One open alert per patient and kind, so a rule that fires again adds
            # nothing; a check's answers excepted: each new check's get their own.
            models.UniqueConstraint(
                fields=["patient", "kind"],
                condition=Q(resolved_at__isnull=True) & ~Q(kind__in=["red_flag", "review_answer"]),
                name="alert_one_open_per_kind",
            ),
        ]
        indexes = [
            # The patient page's ranked open alerts, and the caseload's count of them.
            models.Index(fields=["patient", "resolved_at", "tier"], name="alert_patient_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_tier_display()}: {self.title} ({self.patient})"


class NoticeChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    PUSH = "push", _("Notification")  # Web Push to each of the clinician's devices


class NoticeReason(models.TextChoices):
    FIRST = "first", _("First notice")
    REMINDER = "reminder", _("Reminder")


class AlertNotice(models.Model):
    """One message telling a clinician that an alert needs them. The row is written
    before the message is sent (and removed if sending fails), so two runs at once
    cannot both send it: `number` is 0 for the first notice and counts the reminders,
    unique per (alert, recipient, channel)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="notices")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_notices"
    )
    channel = models.CharField(
        max_length=16, choices=NoticeChannel.choices, default=NoticeChannel.EMAIL
    )
    reason = models.CharField(max_length=16, choices=NoticeReason.choices)
    number = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=NoticeChannel.values), name="alertnotice_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(reason=NoticeReason.FIRST, number=0)
                | Q(reason=NoticeReason.REMINDER, number__gt=0),
                name="alertnotice_reason_number",
            ),
            models.UniqueConstraint(
                fields=["alert", "recipient", "channel", "number"], name="alertnotice_once"
            ),
        ]
        indexes = [
            # send_reminders: the latest notice of each open emergency alert.
            models.Index(fields=["alert", "-sent_at"], name="alertnotice_alert_sent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} to {self.recipient} ({self.sent_at:%Y-%m-%d %H:%M})"
