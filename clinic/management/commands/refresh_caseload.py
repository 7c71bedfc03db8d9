from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts import stamps
from accounts.models import User
from organisations.scoping import across_clinics
from progression import caseload
from safety.models import Screening


class Command(BaseCommand):
    help = (
        "Rebuild every patient's row of the clinician's list (progression/caseload.py) "
        "for their date now, renew every patient's record stamp, so the pages kept under "
        "it (Today, history, the player's items) are worked out again, and set again from "
        "the safety checks whether each one's exercise is paused. The app and the "
        "database's triggers keep all three right by themselves; run this after a restore "
        "or a load that bypassed the triggers, or each night to spare the first list of "
        "the day."
    )

    @across_clinics
    def handle(self, *args, **options):
        started = timezone.now()
        patients = list(User.objects.patients().values_list("pk", flat=True))
        caseload.refresh(patients, started)
        stamps.renew_every_stamp()
        Screening.objects.set_every_pause()
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            self.style.SUCCESS(f"Refreshed {len(patients):,} rows in {seconds:.1f} s.")
        )
