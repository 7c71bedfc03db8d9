from django.core.management.base import BaseCommand

from safety.alerts import send_reminders


class Command(BaseCommand):
    help = (
        "Email the linked clinicians again about each emergency alert nobody has "
        "acknowledged within ALERT_RESEND_MINUTES. Safe to run often, also twice at once; "
        "run it from cron every 5 minutes."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} alert reminder(s) sent.")
