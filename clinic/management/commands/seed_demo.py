from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import CareLink, Episode, Role, User
from accounts.two_factor import APP_DEVICE_NAME
from exercises.models import Exercise
from exercises.permissions import CATALOGUE_EDITORS
from learn.plans import assign_with_reads
from organisations.models import Clinic, Organisation
from organisations.scoping import across_clinics
from practice.models import ExerciseSession, SessionStatus, SkipReason, StepLog, StepStatus
from practice.steps import plan_steps
from progression import caseload, suggestions
from routines.models import Routine, RoutineItem, RoutineKind
from safety.models import Screening, ScreeningQuestion, Tier

DEMO_PASSWORD = "hipmob-demo"  # noqa: S105 - printed by `make run`; refused outside DEBUG
# The demo staff's authenticator key (hex, as django-otp stores it), public like the
# password: `manage.py demo_code` prints the current code.
DEMO_TOTP_KEY = "4869704d6f622064656d6f20736563726574"
CORE_FIVE = ["hip-flexor-stretch", "glute-bridge", "clamshell", "lunge-with-twist", "deep-squat"]
TEMPLATE_TITLE = "Hip mobility: the core five"
HISTORY_DAYS = 14
MISSED_DAYS = {4, 9, 10}  # days ago: nobody manages every day


class Command(BaseCommand):
    help = "Create the demo accounts and the demo patient's plan (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. The demo accounts share a published password.",
        )

    @across_clinics  # outermost: what runs on commit runs across clinics too
    @transaction.atomic
    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create demo accounts with DEBUG off: their password is public. "
                "Use --force if this really is a demo server."
            )
        admin = self._user("demo-admin", "Erin Admin", Role.ADMIN, is_staff=True)
        admin.groups.add(*self._groups())
        admin.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
        # Two clinics of two organisations, so the demo shows that neither sees the
        # other. The first is `make run`'s (its details from settings); its clinician
        # is also its clinic admin, as in a small practice.
        main = self._clinic(
            "main",
            Organisation.objects.get_or_create(
                slug="main", defaults={"name": settings.CLINIC_NAME or "HipMob Demo Physio"}
            )[0],
            name=settings.CLINIC_NAME or "HipMob Demo Clinic",
            address="1 Park Row, Leeds LS1 5HN",
            phone=settings.CLINIC_PHONE,
            hours=settings.CLINIC_HOURS,
            country=settings.HIPMOB_COUNTRY if len(settings.HIPMOB_COUNTRY) == 2 else "GB",
            timezone=settings.TIME_ZONE,
        )
        norte = self._clinic(
            "clinica-norte",
            Organisation.objects.get_or_create(
                slug="salud-norte", defaults={"name": "Salud Norte"}
            )[0],
            name="Clínica Norte",
            address="Calle de Alcalá 100, 28009 Madrid",
            phone="+34 910 000 000",
            hours="Lunes a viernes, 8:00–20:00",
            country="ES",
            language="es",
            timezone="Europe/Madrid",
        )
        clinician = self._user("demo-clinician", "Bob Reid", Role.CLINICIAN, clinic=main)
        clinician.is_clinic_admin = True
        clinician.save(update_fields=["is_clinic_admin"])
        patient = self._user("demo-patient", "Alice Morgan", Role.PATIENT, clinic=main)
        if not patient.clinic_identifier:  # the record a clinic keeps
            patient.clinic_identifier, patient.date_of_birth = "DEMO-0001", date(1968, 5, 14)
            patient.save(update_fields=["clinic_identifier", "date_of_birth"])
        self._plan_and_history(clinician, patient)
        other = self._user("demo-clinician-2", "Carmen Ruiz", Role.CLINICIAN, clinic=norte)
        other.is_clinic_admin = True  # Clínica Norte's admin, so each clinic has one
        other.save(update_fields=["is_clinic_admin"])
        other_patient = self._user(
            "demo-patient-2", "Luis García", Role.PATIENT, clinic=norte, language="es"
        )
        self._plan_and_history(other, other_patient)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: demo-clinician (also clinic admin), demo-clinician-2 (a "
                f"second clinic) and demo-admin, password {DEMO_PASSWORD}; demo-patient "
                "signs in by link (manage.py issue_link demo-patient)"
            )
        )

    def _clinic(self, slug: str, organisation: Organisation, **details) -> Clinic:
        clinic, _ = Clinic.objects.update_or_create(
            slug=slug, defaults={"organisation": organisation, **details}
        )
        return clinic

    def _plan_and_history(self, clinician: User, patient: User) -> None:
        CareLink.objects.update_or_create(
            clinician=clinician, patient=patient, defaults={"ended": None}
        )
        template = self._template(clinician)
        plan = Routine.objects.for_patient(patient).active().first() or assign_with_reads(
            template,
            patient,
            owner=clinician,
            start_date=patient.local_date() - timedelta(days=HISTORY_DAYS),
        )
        if not ExerciseSession.objects.filter(patient=patient).exists():
            self._history(patient, plan)
        if not Screening.objects.filter(patient=patient).exists():
            # A clear safety check three days ago, so the demo can start straight away.
            Screening.objects.create(
                patient=patient,
                local_date=patient.local_date() - timedelta(days=3),
                answers=[
                    {"key": q.key, "text": q.text, "tier": q.tier, "yes": False}
                    for q in ScreeningQuestion.objects.filter(active=True)
                ],
                tier=Tier.CLEAR,
            )
        self._episode(clinician, patient, plan)
        caseload.refresh([patient.pk])  # the clinician's list row, ready for today

    def _episode(self, clinician: User, patient: User, plan: Routine) -> None:
        """An open episode of care since the plan began, its review four weeks on."""
        if not Episode.objects.filter(patient=patient).exists():
            Episode.objects.create(
                clinic_id=patient.clinic_id,
                patient=patient,
                # Written by the clinician, in the clinic's language.
                referral_reason=(
                    "Lumbalgia, 6 semanas" if patient.language == "es" else "Low back pain, 6 weeks"
                ),
                started_on=plan.start_date,
                review_on=plan.start_date + timedelta(weeks=4),
                opened_by=clinician,
            )

    def _history(self, patient: User, plan: Routine) -> None:
        """Two weeks of finished sessions, a few days missed, pain easing a little;
        yesterday the lunge was skipped because it hurt. The rules then suggest what
        the clinician sees: a step back for the lunge only, progress for the rest."""
        today = patient.local_date()
        items = list(plan.items.select_related("exercise"))
        for days_ago in range(HISTORY_DAYS, 0, -1):
            if days_ago in MISSED_DAYS:
                continue
            before = 3 + (days_ago * 2) // HISTORY_DAYS + (days_ago % 3 == 0)
            session = ExerciseSession.objects.create(
                patient=patient,
                plan=plan,
                local_date=today - timedelta(days=days_ago),
                pain_before=before,
                pain_worst=before,
                pain_after=max(before - 1 - (days_ago % 2), 1),
                effort="right",
                status=SessionStatus.COMPLETED,
                finished=timezone.now(),
            )
            hurt = (days_ago == 1 and {"lunge-with-twist"}) or set()
            StepLog.objects.bulk_create(
                StepLog(
                    session=session,
                    item=step.item,
                    exercise=step.exercise,
                    side=step.side,
                    set_number=step.set_number,
                    status=StepStatus.SKIPPED if step.exercise.slug in hurt else StepStatus.DONE,
                    skip_reason=SkipReason.PAIN if step.exercise.slug in hurt else "",
                    reps=step.item.reps,
                    hold_seconds=step.item.hold_seconds,
                )
                for step in plan_steps(items)
            )
        suggestions.refresh(patient)

    def _groups(self):
        from django.contrib.auth.models import Group

        group, _ = Group.objects.get_or_create(name=CATALOGUE_EDITORS)
        return [group]

    def _user(
        self,
        username: str,
        name: str,
        role: str,
        is_staff: bool = False,
        clinic: Clinic | None = None,
        language: str = "",
    ) -> User:
        user, _ = User.objects.get_or_create(
            username=username,
            # Created without a password; set (or left unusable, for the patient) below.
            defaults={
                "name": name,
                "role": role,
                "is_staff": is_staff,
                "password": make_password(None),
                "clinic": clinic,
                "language": language,
            },
        )
        # Put the demo back in its known state each time: the password is the demo's.
        # The patient has none: patients sign in only by link (`make run` prints one).
        user.name, user.role, user.is_staff, user.is_active = name, role, is_staff, True
        user.clinic = clinic
        if user.is_patient:
            user.set_unusable_password()
        else:
            user.set_password(DEMO_PASSWORD)
        user.save()
        if user.needs_second_factor:
            TOTPDevice.objects.filter(user=user).exclude(name=APP_DEVICE_NAME).delete()
            TOTPDevice.objects.update_or_create(
                user=user,
                name=APP_DEVICE_NAME,
                defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
            )
        return user

    def _template(self, clinician: User) -> Routine:
        template = (
            Routine.objects.templates()
            .filter(title=TEMPLATE_TITLE, owner=clinician, clinic=clinician.clinic)
            .first()
        ) or Routine.objects.create(
            kind=RoutineKind.TEMPLATE, title=TEMPLATE_TITLE, owner=clinician, shared=True
        )
        if not template.items.exists():
            exercises = Exercise.objects.in_bulk(CORE_FIVE, field_name="slug")
            missing = set(CORE_FIVE) - set(exercises)
            if missing:
                raise CommandError(f"The catalogue lacks {sorted(missing)}: run migrate first.")
            RoutineItem.objects.bulk_create(
                RoutineItem.from_exercise(exercises[slug], routine=template, order=index)
                for index, slug in enumerate(CORE_FIVE)
            )
        return template
