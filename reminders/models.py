"""Reminder preferences and the reminders sent.

A patient chooses a time (their own local time) and a channel: email, a notification
on their devices (Web Push; accounts.PushSubscription holds each device), or both.
reminders/selection.py decides when; the once-a-day record below holds for every
channel together."""

import secrets
from datetime import time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import hash_token


class Channel(models.TextChoices):
    OFF = "off", _("No reminders")
    EMAIL = "email", _("Email")
    PUSH = "push", _("Notification")
    EMAIL_AND_PUSH = "email_push", _("Email and notification")


# The channels that send an email, and those that send a notification to each device.
BY_EMAIL = (Channel.EMAIL, Channel.EMAIL_AND_PUSH)
BY_PUSH = (Channel.PUSH, Channel.EMAIL_AND_PUSH)


class ReminderSettings(models.Model):
    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    channel = models.CharField(
        _("remind me by"), max_length=16, choices=Channel.choices, default=Channel.OFF
    )
    time = models.TimeField(_("at"), default=time(18, 0), help_text=_("Your own local time."))
    sitting_breaks = models.BooleanField(
        _("show sitting-break ideas on Today"),
        default=False,
        help_text=_("Two one-minute moves for long spells of sitting."),
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("reminder settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="remindersettings_channel_valid"
            ),
        ]
        indexes = [
            # send_reminders: everyone who wants reminders by a channel.
            models.Index(fields=["channel"], name="remindersettings_channel_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.patient}: {self.channel} at {self.time:%H:%M}"

    @classmethod
    def for_patient(cls, patient) -> "ReminderSettings":
        """The patient's settings, or the defaults (unsaved) if they never chose any."""
        return cls.objects.filter(patient=patient).first() or cls(patient=patient)


class Kind(models.TextChoices):
    DUE = "due", _("Session due today")
    NUDGE = "nudge", _("The morning after a missed day")


class Reminder(models.Model):
    """One reminder sent to a patient on their local date. At most one a day: the
    database refuses a second row, so two runs of send_reminders at once (or a rerun
    in the same window) send nothing twice."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    local_date = models.DateField(help_text=_("The patient's own date it was sent for."))
    kind = models.CharField(max_length=16, choices=Kind.choices)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "local_date"], name="reminder_one_per_day"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="reminder_kind_valid"),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values) & ~Q(channel=Channel.OFF),
                name="reminder_channel_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder to {self.patient} for {self.local_date}"


class UnsubscribeLinkQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires__gt=timezone.now())


class UnsubscribeLink(models.Model):
    """The one-click unsubscribe link in a reminder email (RFC 8058). Its token is random
    and says nothing about whose it is; only its SHA-256 hash is stored, so a copy of the
    database can't unsubscribe anyone. It works for UNSUBSCRIBE_LINK_DAYS, and stops
    early when revoked (the patient signs out everywhere, or is erased)."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unsubscribe_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = UnsubscribeLinkQuerySet.as_manager()

    class Meta:
        indexes = [
            # Clearing a patient's expired links when a new email is sent, and revoking.
            models.Index(fields=["patient", "expires"], name="unsubscribe_patient_idx"),
        ]

    def __str__(self) -> str:
        return f"Unsubscribe link {self.pk} (expires {self.expires:%Y-%m-%d})"

    @classmethod
    def issue(cls, patient) -> str:
        """A new link's token (it exists only in the email). The patient's expired links
        are deleted meanwhile, so a patient has at most one row per email sent within
        UNSUBSCRIBE_LINK_DAYS."""
        now = timezone.now()
        cls.objects.filter(patient=patient, expires__lte=now).delete()
        token = secrets.token_urlsafe(32)
        cls.objects.create(
            patient=patient,
            token_hash=hash_token(token),
            expires=now + timedelta(days=settings.UNSUBSCRIBE_LINK_DAYS),
        )
        return token

    @classmethod
    def find(cls, token: str) -> "UnsubscribeLink | None":
        if not token or len(token) > 100:
            return None
        return cls.objects.select_related("patient").filter(token_hash=hash_token(token)).first()

    @classmethod
    def revoke_all(cls, patient) -> int:
        return cls.objects.usable().filter(patient=patient).update(revoked_at=timezone.now())

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires > timezone.now()
