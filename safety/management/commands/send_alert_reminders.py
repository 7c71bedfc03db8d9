from django.core.management.base import BaseCommand

from organisations.scoping import across_clinics
from safety.alerts import send_missed_first_notices, send_reminders


class Command(BaseCommand):
    help = (
        "Email the linked clinicians again about each emergency alert nobody has "
        "acknowledged within ALERT_RESEND_MINUTES, and send any first notice of an "
        "emergency or urgent alert that failed or is owed to a newly linked clinician. "
        "Safe to run often, also twice at once; run it from cron every 5 minutes."
    )

    @across_clinics
    def handle(self, *args, **options):
        missed = send_missed_first_notices()
        sent = send_reminders()
        self.stdout.write(f"{sent} alert reminder(s) sent; {missed} missed first notice(s) sent.")
