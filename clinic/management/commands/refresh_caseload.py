from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import User
from organisations.scoping import across_clinics
from progression import caseload


class Command(BaseCommand):
    help = (
        "Rebuild every patient's row of the clinician's list (progression/caseload.py) "
        "for their date now. The list refreshes rows that are out of date by itself; "
        "run this after writing to sessions, alerts or plans outside the app (bulk "
        "inserts, deletes, the shell), or each night to spare the first list of the day."
    )

    @across_clinics
    def handle(self, *args, **options):
        started = timezone.now()
        patients = list(User.objects.patients().values_list("pk", flat=True))
        caseload.refresh(patients, started)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            self.style.SUCCESS(f"Refreshed {len(patients):,} rows in {seconds:.1f} s.")
        )
