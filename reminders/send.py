"""Sending reminders: who is owed one now (selection.py decides), the email itself,
and its unsubscribe link.

The email says only that the routine is ready: no plan, exercise, pain or missed-day
details, since an inbox is often shared or glanced at by others."""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from practice.models import ExerciseSession
from reminders import selection
from reminders.models import Channel, Reminder, ReminderSettings, UnsubscribeLink
from routines.models import Routine
from safety.models import Screening

logger = logging.getLogger(__name__)


def unsubscribe_token(patient: User) -> str:
    """A new opaque, random token for one email's unsubscribe link (UnsubscribeLink)."""
    return UnsubscribeLink.issue(patient)


def unsubscribe_url(patient: User) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "reminders:unsubscribe", args=[unsubscribe_token(patient)]
    )


def reminder_email(patient: User) -> EmailMessage:
    """In the patient's own language, with one-click unsubscribe headers (RFC 8058)."""
    unsubscribe = unsubscribe_url(patient)
    context = {
        "today_url": settings.SITE_URL.rstrip("/") + reverse("patient:today"),
        "account_url": settings.SITE_URL.rstrip("/") + reverse("account"),
        "unsubscribe_url": unsubscribe,
    }
    with translation.override(patient.language or settings.LANGUAGE_CODE):
        subject = render_to_string("reminders/email_subject.txt", context).strip()
        body = render_to_string("reminders/email_body.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[patient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


@dataclass
class Report:
    considered: int = 0
    sent: int = 0
    already_sent: int = 0
    failed: int = 0


def candidates():
    """Patients who asked for email reminders and can get them: active, with an
    address, an active plan, and exercise not paused by a safety answer. Three queries
    (settings with patients, plans, pauses) whatever their number."""
    plans = Routine.objects.plans().active()
    paused = Screening.objects.locking().values("patient_id")
    return (
        ReminderSettings.objects.filter(
            channel=Channel.EMAIL,
            patient__is_active=True,
            patient__role="patient",
            patient__plans__in=plans,
        )
        .exclude(patient__email="")
        .exclude(patient__in=paused)
        .select_related("patient")
        .prefetch_related(Prefetch("patient__plans", queryset=plans, to_attr="active_plans"))
        .distinct()
    )


def run(now=None) -> Report:
    """Send what is owed at `now`. Safe to run at any time and any number of times,
    also at once: each email is claimed by inserting its Reminder row first, and the
    database lets only one run insert it. A failed send gives the claim back, so the
    next run (within the window) tries again."""
    now = now or timezone.now()
    report = Report()
    wanted = list(candidates())
    ids = [s.patient_id for s in wanted]
    # Finished sessions over the last few days (the zones span about a day either way)
    # and each patient's latest activity: two queries.
    recent = timezone.localdate(now) - timedelta(days=3)
    completed = defaultdict(set)
    for patient_id, day in (
        ExerciseSession.objects.completed()
        .filter(patient_id__in=ids, local_date__gte=recent)
        .values_list("patient_id", "local_date")
    ):
        completed[patient_id].add(day)
    last_activity = dict(
        ExerciseSession.objects.filter(patient_id__in=ids)
        .values("patient_id")
        .annotate(last=Max("local_date"))
        .values_list("patient_id", "last")
    )
    window = timedelta(minutes=settings.REMINDER_WINDOW_MINUTES)
    for choice in wanted:
        patient = choice.patient
        report.considered += 1
        due = selection.owed(
            plan=patient.active_plans[0],
            chosen=choice.time,
            zone=patient.zone,
            now=now,
            completed=completed[patient.pk],
            last_activity=last_activity.get(patient.pk),
            window=window,
        )
        if due is None:
            continue
        try:
            with transaction.atomic():
                claim = Reminder.objects.create(
                    patient=patient, local_date=due.local_date, kind=due.kind, channel=Channel.EMAIL
                )
        except IntegrityError:
            report.already_sent += 1
            continue
        try:
            reminder_email(patient).send()
        except Exception:  # any mail failure: log it, give the claim back, carry on
            logger.exception("Reminder email to patient %s failed", patient.code)
            claim.delete()
            report.failed += 1
            continue
        report.sent += 1
    return report
