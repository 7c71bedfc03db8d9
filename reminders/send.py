"""Sending reminders: who is owed one now (selection.py decides), the email with its
unsubscribe link, and the notification to each of the patient's devices (Web Push).

Both say only that the routine is ready: no plan, exercise, pain or missed-day
details, since an inbox is often shared and a lock screen read by others."""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import push
from accounts.models import PushSubscription, User
from organisations.scoping import across_clinics
from practice.models import ExerciseSession
from reminders import selection
from reminders.models import BY_EMAIL, BY_PUSH, Reminder, ReminderSettings, UnsubscribeLink
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


def reminder_push(patient: User) -> push.Message:
    """In the patient's own language; a newer reminder replaces one still on the screen."""
    with translation.override(patient.language or settings.LANGUAGE_CODE):
        return push.Message(
            title=_("Time for your exercises"),
            body=_("Your routine for today is ready in HipMob."),
            url=reverse("patient:today"),
            tag="reminder",
            urgency=push.NORMAL,
            ttl=push.REMINDER_TTL,
        )


@dataclass
class Report:
    considered: int = 0
    sent: int = 0
    already_sent: int = 0
    failed: int = 0


def candidates():
    """Patients who asked for reminders and can get them: active, with an address for
    an email channel or a device for a notification channel (push configured), an
    active plan, and exercise not paused by a safety answer. Two queries (settings with
    patients, plans; pauses are a subquery), and one more for their devices when push
    is configured, whatever their number."""
    plans = Routine.objects.plans().active()
    paused = Screening.objects.locking().values("patient_id")
    reachable = Q(channel__in=BY_EMAIL) & ~Q(patient__email="")
    prefetch = [Prefetch("patient__plans", queryset=plans, to_attr="active_plans")]
    if push.configured():
        has_device = Exists(PushSubscription.objects.filter(user=OuterRef("patient")))
        reachable |= Q(channel__in=BY_PUSH) & Q(has_device)
        prefetch.append(Prefetch("patient__push_subscriptions", to_attr="devices"))
    return (
        ReminderSettings.objects.filter(
            reachable,
            patient__is_active=True,
            patient__role="patient",
            patient__plans__in=plans,
        )
        .exclude(patient__in=paused)
        .select_related("patient")
        .prefetch_related(*prefetch)
        .distinct()
    )


def deliver(choice: ReminderSettings) -> bool:
    """The reminder by each channel the patient chose and can get; whether any arrived.
    An email that fails is logged; each device is tried once."""
    patient = choice.patient
    arrived = False
    if choice.channel in BY_EMAIL and patient.email:
        try:
            reminder_email(patient).send()
            arrived = True
        except Exception:  # any mail failure: log it, carry on with the other channel
            logger.exception("Reminder email to patient %s failed", patient.code)
    devices = getattr(patient, "devices", [])  # prefetched by candidates() (push on)
    if choice.channel in BY_PUSH and devices:
        arrived |= push.send(patient, reminder_push(patient), devices) > 0
    return arrived


@across_clinics  # the job serves every clinic's patients, whoever calls it
def run(now=None) -> Report:
    """Send what is owed at `now`. Safe to run at any time and any number of times,
    also at once: each reminder (its email and notifications together) is claimed by
    inserting its Reminder row first, and the database lets only one run insert it. A
    reminder that reached nobody gives the claim back, so the next run (within the
    window) tries again; one that reached any channel isn't sent again."""
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
                    patient=patient,
                    local_date=due.local_date,
                    kind=due.kind,
                    channel=choice.channel,
                )
        except IntegrityError:
            report.already_sent += 1
            continue
        if not deliver(choice):
            claim.delete()
            report.failed += 1
            continue
        report.sent += 1
    return report
