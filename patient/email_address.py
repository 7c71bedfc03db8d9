"""A patient removes their own email address. Reminders by email stop with it: this is
in patient/ because reminders/ sits above accounts/ (changing the address, which needs
no reminders, is accounts/email_change.py)."""

from django.db import transaction

from accounts.email_change import notify_old_address
from accounts.models import AuditAction, AuditEvent, User
from reminders.models import Channel, ReminderSettings


def remove(patient: User) -> str:
    """The address removed ("" if there was none, or a simultaneous tap removed it
    first); a notice goes to it afterwards. Three writes in one transaction."""
    old = patient.email
    if not old:
        return ""
    with transaction.atomic():
        if not User.objects.filter(pk=patient.pk, email=old).update(email=""):
            return ""
        # Email was the only way to remind them: reminders go off (no other channel
        # exists yet; with web push, a patient with push set up could keep that).
        ReminderSettings.objects.filter(patient=patient, channel=Channel.EMAIL).update(
            channel=Channel.OFF
        )
        AuditEvent.record(patient, AuditAction.EMAIL_REMOVED, patient=patient, previous=old)
    patient.email = ""
    notify_old_address(patient, old, removed=True)
    return old
