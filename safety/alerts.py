"""Raising an alert, telling the clinicians about it, and acknowledging it: the one way
an alert is made (clinical.md §2.1, "Alert tiers").

Emergency and urgent alerts email every clinician linked to the patient as soon as the
raising transaction commits, and send a notification to each of their devices if they
turned notifications on (Web Push, accounts/push.py); each channel is its own notice,
and one that failed is retried by the next cron run (send_missed_first_notices). An
emergency nobody has acknowledged is sent again every settings.ALERT_RESEND_MINUTES
(send_reminders, run by cron), by both. The messages say only that a patient needs the
clinician, and link to the patient page: no name, no health details, since an inbox is
often shared and a lock screen read by anyone nearby."""

import logging
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import push
from accounts.access import clinicians_of
from accounts.models import AuditAction, AuditEvent, User
from hipmob.links import address
from safety.models import (
    NOTIFYING,
    Alert,
    AlertKind,
    AlertNotice,
    AlertTier,
    NoticeChannel,
    NoticeReason,
    Screening,
)

logger = logging.getLogger(__name__)

# The tier each kind comes to unless the caller knows better (a red flag's tier is its
# answers'; a next-morning "worse" above the ceiling is urgent).
DEFAULT_TIER = {
    AlertKind.RED_FLAG: AlertTier.EMERGENCY,
    AlertKind.PAIN_CEILING: AlertTier.URGENT,
    AlertKind.PAIN_SPIKE: AlertTier.ATTENTION,
    AlertKind.MORNING_WORSE: AlertTier.ATTENTION,
    AlertKind.INACTIVE: AlertTier.ATTENTION,
    AlertKind.REGRESS: AlertTier.ATTENTION,
    AlertKind.STOPPED_FOR_PAIN: AlertTier.ATTENTION,
    AlertKind.REVIEW_ANSWER: AlertTier.ATTENTION,
    AlertKind.BAD_DAY: AlertTier.INFORMATION,
    AlertKind.ERASURE: AlertTier.INFORMATION,
    AlertKind.IMPROVED: AlertTier.INFORMATION,
}
# Kinds that may have several open alerts: each new check's answers are new news (and
# the alert is how that check's review answers pause progression until resolved).
REPEATABLE = {AlertKind.RED_FLAG, AlertKind.REVIEW_ANSWER}


def _in_clinic_language(text) -> str:
    """Titles and details are part of the clinical record and read the same whoever's
    request raised them: lazy texts are rendered in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def raise_alert(
    patient: User,
    kind: str,
    *,
    title,
    tier: str | None = None,
    detail="",
    screening: Screening | None = None,
) -> Alert | None:
    """The new alert, or None when the patient already has an open one of this kind
    (a check's answers excepted). An emergency or urgent one notifies the linked clinicians
    once the caller's transaction commits (never for a write that was rolled back).

    title: the plain name of what happened (≤ 120 characters); detail: the longer text.
    Pass lazy texts (gettext_lazy, format_lazy) to keep them in the site's language."""
    kind = AlertKind(kind)
    tier = AlertTier(tier or DEFAULT_TIER[kind])
    if kind not in REPEATABLE and Alert.objects.open().filter(patient=patient, kind=kind).exists():
        return None
    try:
        # A savepoint: a concurrent request that raised the same alert first leaves the
        # caller's transaction usable (alert_one_open_per_kind refuses the second).
        with transaction.atomic():
            alert = Alert.objects.create(
                patient=patient,
                kind=kind,
                tier=tier,
                title=_in_clinic_language(title)[:120],
                detail=_in_clinic_language(detail)[:300],
                screening=screening,
            )
    except IntegrityError:
        if kind in REPEATABLE:
            raise
        return None
    if tier in NOTIFYING:
        transaction.on_commit(partial(notify, alert.pk))
    return alert


def notify(alert_id: int) -> int:
    """The first notice to each linked clinician who hasn't had one; how many were sent."""
    alert = Alert.objects.select_related("patient").get(pk=alert_id)
    return _send(alert, clinicians_of(alert.patient), NoticeReason.FIRST, 0, timezone.now())


def _link(alert: Alert) -> str:
    return settings.SITE_URL.rstrip("/") + address("clinic:patient", alert.patient.code)


def _headline(alert: Alert, reason: str) -> str:
    """Whether it is now or today, and whether it is a reminder: the email's subject and
    the notification's title (in the language active for the recipient)."""
    if alert.tier == AlertTier.EMERGENCY:
        headline = _("A patient needs you now")
    else:
        headline = _("A patient needs you today")
    if reason == NoticeReason.REMINDER:
        headline = _("Reminder: %(subject)s") % {"subject": headline}
    return headline


def notice_email(alert: Alert, recipient: User, reason: str) -> EmailMessage:
    """In the clinician's language. Whether it is now or today, and the link: nothing
    about who the patient is or what they answered."""
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        subject = _headline(alert, reason)
        if reason == NoticeReason.REMINDER:
            lead = _("Nobody has said they are dealing with this yet.")
        else:
            lead = _("One of your patients needs you to look at their page.")
        body = "\n\n".join(
            [
                _("Hello,"),
                lead,
                _("Sign in to HipMob to see who and why:"),
                _link(alert),
                _("You get this email because you look after this patient in HipMob."),
            ]
        )
    return EmailMessage(
        subject=subject,
        body=body + "\n",
        to=[recipient.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def notice_push(alert: Alert, recipient: User, reason: str) -> push.Message:
    """The notification, in the clinician's language: as little as the email says. Its
    tag is the alert's, so a reminder replaces the first notice on the screen."""
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        if reason == NoticeReason.REMINDER:
            body = _("Nobody has said they are dealing with this yet.")
        else:
            body = _("Open HipMob to see who and why.")
        return push.Message(
            title=_headline(alert, reason),
            body=body,
            url=address("clinic:patient", alert.patient.code),
            tag=f"alert-{alert.code}",
            urgency=push.HIGH,
            ttl=push.ALERT_TTL,
        )


def _claim_and_send(alert, recipient, channel, reason, number, now, send) -> bool:
    """Claims one notice by inserting its row (the database lets only one run insert
    it), then sends it (`send()` says how many it reached); a send that reached nobody
    gives the claim back, so a later run retries."""
    try:
        with transaction.atomic():
            claim = AlertNotice.objects.create(
                alert=alert,
                recipient=recipient,
                channel=channel,
                reason=reason,
                number=number,
                sent_at=now,
            )
    except IntegrityError:
        return False  # another run sent this one
    try:
        reached = send()
    except Exception:  # any mail failure: log it, give the claim back, carry on
        logger.exception("Alert %s notice for alert %s failed", channel, alert.code)
        reached = False
    if not reached:
        claim.delete()
    return bool(reached)


def _send(
    alert: Alert, recipients, reason: str, number: int, now: datetime, told=frozenset()
) -> int:
    """Each recipient's notice by email (with an address) and by notification (with a
    device and push configured), each channel claimed on its own; how many were sent.
    `told`: (recipient id, channel) pairs that already had this notice."""
    sent = 0
    by_push = push.configured()
    if by_push:
        recipients = recipients.prefetch_related("push_subscriptions")
    for recipient in recipients:
        if recipient.email and (recipient.pk, NoticeChannel.EMAIL) not in told:
            email = notice_email(alert, recipient, reason)
            sent += _claim_and_send(
                alert, recipient, NoticeChannel.EMAIL, reason, number, now, email.send
            )
        devices = list(recipient.push_subscriptions.all()) if by_push else []
        if devices and (recipient.pk, NoticeChannel.PUSH) not in told:
            message = notice_push(alert, recipient, reason)
            sent += _claim_and_send(
                alert,
                recipient,
                NoticeChannel.PUSH,
                reason,
                number,
                now,
                partial(push.send, recipient, message, devices),
            )
    return sent


def send_reminders(now: datetime | None = None) -> int:
    """For each open, unacknowledged emergency alert whose last notice (or, with none,
    the alert itself) is older than ALERT_RESEND_MINUTES, one reminder to each linked
    clinician. How many were sent. Safe to run at any time, also twice at once."""
    now = now or timezone.now()
    due = now - timedelta(minutes=settings.ALERT_RESEND_MINUTES)
    alerts = (
        Alert.objects.open()
        .filter(tier=AlertTier.EMERGENCY, acknowledged_at__isnull=True)
        .annotate(last_notice=Max("notices__sent_at"), rounds=Max("notices__number"))
        .filter(Q(last_notice__lte=due) | Q(last_notice__isnull=True, created__lte=due))
        .select_related("patient")
        .order_by("created")
    )
    sent = 0
    for alert in alerts:
        number = (alert.rounds or 0) + 1
        sent += _send(alert, clinicians_of(alert.patient), NoticeReason.REMINDER, number, now)
    return sent


def send_missed_first_notices(now: datetime | None = None) -> int:
    """The first notice of each open, unacknowledged emergency or urgent alert to any
    linked clinician who hasn't had it by a channel: its send failed (the claim was
    given back), the clinician had no address or device then, or was linked since. Run
    with the reminders, so a mail server that was down when the alert was raised delays
    it by one cron run."""
    now = now or timezone.now()
    alerts = (
        Alert.objects.open()
        .filter(tier__in=NOTIFYING, acknowledged_at__isnull=True, created__lte=now)
        .select_related("patient")
        .order_by("created")
    )
    sent = 0
    for alert in alerts:
        told = set(
            alert.notices.filter(reason=NoticeReason.FIRST).values_list("recipient_id", "channel")
        )
        sent += _send(alert, clinicians_of(alert.patient), NoticeReason.FIRST, 0, now, told)
    return sent


def acknowledge(alert: Alert, clinician: User) -> bool:
    """Whether this was the first acknowledgement ("I'm dealing with it": reminders
    stop). A later one, or one on a resolved alert, changes nothing."""
    with transaction.atomic():
        done = Alert.objects.filter(
            pk=alert.pk, acknowledged_at__isnull=True, resolved_at__isnull=True
        ).update(acknowledged_at=timezone.now(), acknowledged_by=clinician)
        if not done:
            return False
        AuditEvent.record(
            clinician,
            AuditAction.ALERT_ACKNOWLEDGED,
            patient=alert.patient,
            target=f"alert {alert.code}",
            kind=alert.kind,
            tier=alert.tier,
        )
    return True
