"""Plain factory functions. Each makes one thing with sensible defaults."""

import itertools
from datetime import date
from functools import cache

from django.contrib.auth.hashers import make_password
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import CareLink, Role, User
from accounts.two_factor import APP_DEVICE_NAME
from exercises.models import Exercise, Kind
from organisations.models import Clinic, Organisation
from practice.models import ExerciseSession, StepLog
from routines.models import EVERY_DAY, Routine, RoutineItem, RoutineKind
from safety.alerts import DEFAULT_TIER
from safety.models import Alert, AlertKind, Screening

PASSWORD = "correct-horse-battery-staple"
_counter = itertools.count(1)


@cache
def password_hash() -> str:
    # Hashed once (with Argon2, as in production): each hash costs ~50 ms by design.
    return make_password(PASSWORD)


def make_organisation(**fields) -> Organisation:
    n = next(_counter)
    fields.setdefault("name", f"Organisation {n}")
    fields.setdefault("slug", f"organisation-{n}")
    return Organisation.objects.create(**fields)


def make_clinic(organisation: Organisation | None = None, **fields) -> Clinic:
    n = next(_counter)
    fields.setdefault("name", f"Clinic {n}")
    fields.setdefault("slug", f"clinic-{n}")
    return Clinic.objects.create(organisation=organisation or make_organisation(), **fields)


def default_clinic() -> Clinic:
    """The clinic people join unless a test names one (one per test database)."""
    organisation, _ = Organisation.objects.get_or_create(
        slug="test-organisation", defaults={"name": "Test organisation"}
    )
    clinic, _ = Clinic.objects.get_or_create(
        slug="test-clinic", defaults={"name": "Test clinic", "organisation": organisation}
    )
    return clinic


def make_user(role: str = Role.PATIENT, **fields) -> User:
    n = next(_counter)
    if role != Role.ADMIN and "clinic" not in fields and "clinic_id" not in fields:
        fields["clinic"] = default_clinic()
    fields.setdefault("username", f"user{n}")
    fields.setdefault("name", f"Person {n}")
    # Patients have no password (they sign in by link; a database constraint insists).
    fields.setdefault("password", make_password(None) if role == Role.PATIENT else password_hash())
    return User.objects.create(role=role, **fields)


def make_patient(**fields) -> User:
    return make_user(Role.PATIENT, **fields)


def make_clinician(**fields) -> User:
    return make_user(Role.CLINICIAN, **fields)


def link(clinician: User, patient: User) -> CareLink:
    return CareLink.objects.create(clinician=clinician, patient=patient)


def make_exercise(**fields) -> Exercise:
    n = next(_counter)
    defaults = {
        "slug": f"exercise-{n}",
        "name": f"Exercise {n}",
        "kind": Kind.MOBILITY,
        "summary": "A gentle movement.",
        "target": "Hips",
        "start_position": "Lie on your back.",
        "cues": "Breathe out.\nMove slowly.\nCome back.",
        "illustration": "img/exercises/glute-bridge.svg",
        "illustration_alt": "A person lifting the hips.",
        "sets": 2,
        "reps": 10,
        "published": True,
    }
    return Exercise.objects.create(**{**defaults, **fields})


def make_plan(patient: User, clinician: User, exercises, **fields) -> Routine:
    plan = Routine.objects.create(
        kind=RoutineKind.PLAN,
        title=fields.pop("title", "Morning routine"),
        owner=clinician,
        patient=patient,
        start_date=fields.pop("start_date", date(2026, 1, 1)),
        schedule_days=fields.pop("schedule_days", EVERY_DAY),
        **fields,
    )
    RoutineItem.objects.bulk_create(
        RoutineItem.from_exercise(exercise, routine=plan, order=i)
        for i, exercise in enumerate(exercises)
    )
    return plan


def make_screening(patient: User, tier: str = "clear", days_ago: int = 0) -> Screening:
    """A safety check, clear unless told otherwise (the player needs one this week)."""
    from datetime import timedelta

    return Screening.objects.create(
        patient=patient,
        local_date=patient.local_date() - timedelta(days=days_ago),
        answers=[{"key": "test", "text": "A test question", "tier": tier, "yes": tier != "clear"}],
        tier=tier,
    )


def make_alert(patient: User, kind: str = AlertKind.INACTIVE, **fields) -> Alert:
    """An alert as a rule would leave it, written directly (no notices sent)."""
    fields.setdefault("tier", DEFAULT_TIER[kind])
    fields.setdefault("title", str(AlertKind(kind).label))
    return Alert.objects.create(patient=patient, kind=kind, **fields)


def add_authenticator(user: User) -> TOTPDevice:
    """A confirmed authenticator app for a clinician or admin, as set-up leaves it."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name=APP_DEVICE_NAME, defaults={"confirmed": True}
    )
    return device


class HipMobClient(Client):
    """Django's test client; force_login also completes a staff member's second step,
    exactly as django_otp.login does after a good code, unless second_step=False."""

    def force_login(self, user, backend=None, *, second_step: bool = True):
        super().force_login(user, backend)
        if second_step and user.needs_second_factor:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = add_authenticator(user).persistent_id
            session.save()


def make_session(
    patient: User, plan: Routine, days_ago: int, before: int, after: int
) -> ExerciseSession:
    """A finished session with one done set of each of the plan's exercises."""
    from datetime import UTC, datetime, timedelta

    session = ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=patient.local_date() - timedelta(days=days_ago),
        pain_before=before,
        pain_after=after,
        effort="right",
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )
    StepLog.objects.bulk_create(
        StepLog(
            session=session,
            item=item,
            exercise=item.exercise,
            side="both",
            set_number=1,
            status="done",
            reps=item.reps,
        )
        for item in plan.items.all()
    )
    return session


def speak(user: User, language: str) -> User:
    """The language a person chose on their account page ("" for the browser's)."""
    user.language = language
    user.save(update_fields=["language"])
    return user


def make_full_session(
    patient: User,
    plan: Routine,
    days_ago: int,
    *,
    before: int = 2,
    worst: int | None = 2,
    after: int = 2,
    effort: str = "right",
    bad_day: bool = False,
    outcomes: dict | None = None,
) -> ExerciseSession:
    """A finished session with every set and side of the plan logged, as the player
    leaves it: done, unless `outcomes` says otherwise for an exercise (by slug):
    "easier", or "skipped:<reason>" / "stopped:<reason>" for all of its steps."""
    from datetime import UTC, datetime, timedelta

    from practice.steps import plan_steps

    session = ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=patient.local_date() - timedelta(days=days_ago),
        pain_before=before,
        pain_worst=worst,
        pain_after=after,
        effort=effort,
        bad_day=bad_day,
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )
    outcomes = outcomes or {}
    logs = []
    for step in plan_steps(list(plan.items.select_related("exercise"))):
        status, _sep, reason = outcomes.get(step.item.exercise.slug, "done").partition(":")
        logs.append(
            StepLog(
                session=session,
                item=step.item,
                exercise=step.item.exercise,
                side=step.side,
                set_number=step.set_number,
                status=status,
                skip_reason=reason,
                reps=step.item.reps,
                hold_seconds=step.item.hold_seconds,
            )
        )
    StepLog.objects.bulk_create(logs)
    return session
