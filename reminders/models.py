"""Reminder preferences and the reminders sent.

A patient chooses a time (their own local time) and a channel. Email is the only
channel today; web push would add a Channel value, a subscription model holding the
browser's endpoint and keys, and a sender in reminders/send.py — the selection rules
(reminders/selection.py) and the once-a-day record below stay as they are."""

from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    OFF = "off", _("No reminders")
    EMAIL = "email", _("Email")


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
