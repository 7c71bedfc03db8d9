"""A patient removes their own email address. Reminders by email stop with it: this is
in patient/ because reminders/ sits above accounts/ (changing the address, which needs
no reminders, is accounts/email_change.py)."""

from django.db import transaction
from django.db.models import Case, Value, When

from accounts.email_change import notify_old_address
from accounts.models import AuditAction, AuditEvent, User
from reminders.models import BY_EMAIL, Channel, ReminderSettings


def remove(patient: User) -> str:
    """The address removed ("" if there was none, or a simultaneous tap removed it
    first); a notice goes to it afterwards. Three writes in one transaction."""
    old = patient.email
    if not old:
        return ""
    with transaction.atomic():
        if not User.objects.filter(pk=patient.pk, email=old).update(email=""):
            return ""
        # Reminders by email stop; notifications on their devices, if they chose them
        # too, go on. Email alone turns reminders off rather than to notifications the
        # patient didn't choose for them (the page says so). One update.
        ReminderSettings.objects.filter(patient=patient, channel__in=BY_EMAIL).update(
            channel=Case(
                When(channel=Channel.EMAIL_AND_PUSH, then=Value(Channel.PUSH)),
                default=Value(Channel.OFF),
            )
        )
        AuditEvent.record(patient, AuditAction.EMAIL_REMOVED, patient=patient, previous=old)
    patient.email = ""
    notify_old_address(patient, old, removed=True)
    return old
