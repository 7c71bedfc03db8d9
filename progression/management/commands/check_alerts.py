from django.core.management.base import BaseCommand
from django.db.models import Max, Prefetch
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from organisations.scoping import across_clinics
from progression import attention
from routines.models import Routine
from safety.alerts import raise_alert
from safety.models import AlertKind


class Command(BaseCommand):
    help = (
        "Raise an alert for each patient with nothing logged on 3 or more due days. "
        "Safe to run often (one open alert per patient); run it daily from cron."
    )

    @across_clinics
    def handle(self, *args, **options):
        plans = Routine.objects.plans().active()
        patients = (
            User.objects.patients()
            .filter(plans__in=plans)
            .annotate(last_activity=Max("sessions__local_date"))
            .prefetch_related(Prefetch("plans", queryset=plans, to_attr="active_plans"))
            .distinct()
        )
        raised = 0
        for patient in patients:
            plan = patient.active_plans[0]
            missed = attention.missed_due_days(plan, patient.last_activity, patient.local_date())
            if missed >= attention.INACTIVE_DAYS:
                alert = raise_alert(
                    patient,
                    AlertKind.INACTIVE,
                    title=format_lazy(_("Nothing logged on {days} due days"), days=missed),
                    detail=f"Nothing logged on {missed} due days.",
                )
                raised += alert is not None
        self.stdout.write(f"{raised} new inactivity alert(s).")
