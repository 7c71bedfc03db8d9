from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts import stamps
from accounts.models import User
from organisations.scoping import across_clinics
from progression import caseload


class Command(BaseCommand):
    help = (
        "Rebuild every patient's row of the clinician's list (progression/caseload.py) "
        "for their date now, and renew every patient's record stamp, so the pages kept "
        "under it (Today, history, the player's items) are worked out again. The app "
        "keeps both right by itself; run this after writing to the database outside the "
        "app (bulk inserts, deletes, the shell, a restore), or each night to spare the "
        "first list of the day."
    )

    @across_clinics
    def handle(self, *args, **options):
        started = timezone.now()
        patients = list(User.objects.patients().values_list("pk", flat=True))
        caseload.refresh(patients, started)
        stamps.renew_every_stamp()
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            self.style.SUCCESS(f"Refreshed {len(patients):,} rows in {seconds:.1f} s.")
        )
