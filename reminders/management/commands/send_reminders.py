from django.core.management.base import BaseCommand

from organisations.scoping import across_clinics
from reminders import send


class Command(BaseCommand):
    help = (
        "Remind the patients whose session is due and not yet done at their chosen time, "
        "by email and/or notification (and a second nudge the morning after a missed "
        "day). Run it every 15 minutes; running it twice, or twice at once, sends "
        "nothing twice."
    )

    @across_clinics
    def handle(self, *args, **options):
        report = send.run()
        self.stdout.write(
            f"{report.sent} sent, {report.already_sent} already sent, "
            f"{report.failed} failed, {report.considered} patients with reminders."
        )
        if report.failed:
            # A non-zero exit makes cron or systemd report it; the next run retries.
            raise SystemExit(1)
