from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from bench.scale_data import ClinicBuilder
from organisations.models import Clinic
from organisations.scoping import across_clinics
from practice.models import ExerciseSession, StepLog
from progression import caseload
from routines.models import Routine


class Command(BaseCommand):
    help = (
        "Create a clinic of realistic data for benchmarks: PREFIX-lead sees every patient, "
        "PREFIX-clinician-NN about 40 each, and each patient has a plan and DAYS days of "
        "sessions with step logs, morning checks, safety checks, alerts and activity "
        "scores. The same --seed on the same day gives the same data. PREFIX-patient-0001 "
        "follows a daily plan and has not exercised today."
    )

    def add_arguments(self, parser):
        parser.add_argument("--patients", type=int, default=500)
        parser.add_argument("--days", type=int, default=365, help="Days of history (14 or more).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--prefix", default="scale", help="Start of every username made (default: scale)."
        )
        parser.add_argument(
            "--password",
            default="",
            help="Give every account made this password (for signing in to a benchmark "
            "server). Without it nobody made here can sign in.",
        )
        parser.add_argument(
            "--replace", action="store_true", help="Delete this prefix's clinic first."
        )

    @across_clinics
    def handle(self, *args, patients, days, seed, prefix, password, replace, **options):
        if patients < 1 or days < 14:
            raise CommandError("Give at least 1 patient and 14 days.")
        if not prefix.replace("-", "").isalnum():
            raise CommandError("The prefix may only hold letters, digits and dashes.")
        mine = User.objects.filter(username__startswith=f"{prefix}-")
        if mine.exists():
            if not replace:
                raise CommandError(
                    f"Accounts starting {prefix}- exist already: pass --replace to delete "
                    "them and their data first, or choose another --prefix."
                )
            self._delete(mine)
        builder = ClinicBuilder(
            prefix=prefix,
            seed=seed,
            password_hash=make_password(password) if password else None,
            now=timezone.now(),
        )
        try:
            summary = builder.build(patients, days)
        except LookupError as error:
            raise CommandError(str(error)) from None
        # Bulk inserts send no post_save: the caseload's rows are built here, for today.
        caseload.refresh(
            User.objects.filter(username__startswith=f"{prefix}-patient-").values_list(
                "pk", flat=True
            )
        )
        builder.analyze()
        counts = ", ".join(f"{n:,} {name}" for name, n in summary.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Made {counts} in {summary.seconds:.1f} s."))

    @transaction.atomic
    def _delete(self, users) -> None:
        """Logs and sessions first (they protect plan items and plans), then plans and
        templates (they protect their owners), then the people with what is theirs."""
        StepLog.objects.filter(session__patient__in=users).delete()
        ExerciseSession.objects.filter(patient__in=users).delete()
        Routine.objects.filter(patient__in=users).delete()
        Routine.objects.filter(owner__in=users).delete()
        clinics = list(Clinic.objects.filter(people__in=users).distinct())
        users.delete()
        # The prefix's clinic and organisation (bench/scale_data.py makes one each).
        for clinic in clinics:
            if not clinic.people.exists():
                organisation = clinic.organisation
                clinic.delete()
                if not organisation.clinics.exists():
                    organisation.delete()
