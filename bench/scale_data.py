"""A clinic's worth of realistic data for benchmarks: clinicians, patients on plans
copied from the catalogue, a year of sessions with a log per step, next-morning checks,
safety checks, alerts, activity scores and suggestions.

Everything is drawn from one seeded random generator, dates are counted back from each
patient's own today, and rows go in with bulk inserts, a few thousand at a time: the
same seed on the same day gives the same rows. Used by `manage.py make_scale_data`.
"""

import itertools
import math
import random
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import CareLink, Role, User
from exercises.models import Exercise
from learn.models import Read, RoutineRead
from organisations.models import Clinic, Organisation
from practice.models import (
    ExerciseSession,
    MorningCheck,
    MorningResponse,
    SessionStatus,
    SkipReason,
    StepLog,
    StepStatus,
)
from practice.steps import plan_steps
from progression import psfs
from progression.models import PsfsScore, Suggestion
from routines.badday import bad_day_items
from routines.models import EVERY_DAY, Routine, RoutineItem, RoutineKind
from safety import rules as safety
from safety.alerts import DEFAULT_TIER
from safety.models import Alert, AlertKind, AlertTier, Screening, ScreeningQuestion, Tier

BATCH = 2000  # rows per INSERT round; patients are written in groups of this many logs

# (title, [(slug, changes to the catalogue's dose)]): what clinicians actually prescribe.
TEMPLATES = [
    (
        "Hip mobility: the core five",
        [
            ("hip-flexor-stretch", {}),
            ("glute-bridge", {}),
            ("clamshell", {}),
            ("lunge-with-twist", {}),
            ("deep-squat", {}),
        ],
    ),
    (
        "Gentle start: stretches",
        [
            ("cat-camel", {}),
            ("hamstring-stretch", {}),
            ("figure-four-stretch", {}),
            ("childs-pose", {}),
        ],
    ),
    (
        "Strength and control",
        [
            ("glute-bridge", {"sets": 3, "reps": 12}),
            ("clamshell", {"sets": 3}),
            ("bird-dog", {}),
            ("dead-bug", {}),
            ("deep-squat", {}),
            ("lunge-with-twist", {}),
        ],
    ),
    (
        "Mobility mix",
        [
            ("ninety-ninety-switch", {}),
            ("butterfly-stretch", {}),
            ("hip-flexor-stretch", {"hold_seconds": 45}),
            ("cat-camel", {}),
        ],
    ),
]
SCHEDULES = [  # (days bitmask, weight): every day, Mon/Wed/Fri, weekdays, Tue/Thu/Sat
    (EVERY_DAY, 40),
    (0b0010101, 30),
    (0b0011111, 20),
    (0b0101010, 10),
]
ZONES = [
    ("Europe/London", 80),
    ("Europe/Dublin", 6),
    ("America/New_York", 6),
    ("Australia/Sydney", 4),
    ("Asia/Kolkata", 4),
]
# Twenty of each: 400 combinations, and the odd namesake, as in a real clinic.
FIRST_NAMES = "Aisha Ben Carla Dev Ellen Farid Grace Hugo Ines Jack Kemi Liam Maya Nils Olga Priya Rosa Sam Tara Umar"  # noqa: E501
LAST_NAMES = "Adams Bello Chen Doyle Evans Fischer Garcia Hughes Iqbal Jones Kaur Lewis Moreau Novak Okafor Patel Rossi Singh Taylor Walsh"  # noqa: E501
CLINICIAN_NAMES = [
    "Bob Reid",
    "Dana Kerr",
    "Femi Ade",
    "Gwen Hart",
    "Hal Ortiz",
    "Ida Lund",
    "Jon Pace",
    "Kay Moss",
]
NOTES = [
    "Stiff first thing, easier after the bridges.",
    "Did it before work.",
    "Left hip tighter than the right today.",
    "Short on time, went quicker.",
    "Felt good afterwards.",
    "Lunges were wobbly.",
    "Back a bit sore after the long drive yesterday.",
]
ACTIVITIES = [
    "putting on socks",
    "getting out of the car",
    "gardening",
    "lifting the shopping",
    "sitting at my desk for an hour",
    "walking the dog",
    "playing with the grandchildren",
    "sleeping through the night",
    "vacuuming",
]
EFFORTS = (["easy"] * 2) + (["right"] * 6) + ["hard"]
SKIP_REASONS = SkipReason.values


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


@contextmanager
def timestamps_as_given(*models):
    """Let bulk inserts keep the past timestamps given to `auto_now_add` fields (a
    session started last March, not now). Only for this command's own inserts."""
    fields = [f for m in models for f in m._meta.concrete_fields if getattr(f, "auto_now_add", 0)]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f in fields:
            f.auto_now_add = True


LOG_COLUMNS = [
    "session_id",
    "item_id",
    "exercise_id",
    "side",
    "set_number",
    "status",
    "skip_reason",
    "reps",
    "hold_seconds",
    "at",
]


def insert_logs(rows: list[tuple]) -> None:
    """Step logs are nine rows in ten: written as plain tuples with one prepared INSERT
    run many times, several times faster than building models for bulk_create. The
    time goes through the backend's own adapter (UTC text on SQLite)."""
    table = connection.ops.quote_name(StepLog._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in LOG_COLUMNS)
    marks = ", ".join(["%s"] * len(LOG_COLUMNS))
    # Names from the model's _meta, quoted by the backend; every value is a parameter.
    statement = " ".join(["INSERT INTO", table, f"({columns})", "VALUES", f"({marks})"])
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # COPY: several times faster again
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                statement, [(*row[:-1], adapt(row[-1])) for row in rows[start : start + BATCH]]
            )


@dataclass
class Summary:
    seconds: float = 0.0
    counts: Counter = field(default_factory=Counter)


@dataclass
class PatientPlan:
    """A plan and the dates it was followed (an earlier plan ends when a new one starts)."""

    routine: Routine
    items: list
    start: date
    until: date | None = None  # last day followed; None for the active plan


class ClinicBuilder:
    def __init__(self, *, prefix: str, seed: int, password_hash: str | None, now: datetime):
        self.prefix = prefix
        # Reproducible data, not secrets. Codes come from their own stream, seeded with
        # the prefix too, so two clinics made with one seed don't share any.
        self.rng = random.Random(f"{seed}")  # noqa: S311
        self.codes = random.Random(f"{seed}:{prefix}")  # noqa: S311
        self.password_hash = password_hash
        self.now = now
        self.summary = Summary()
        self.pending: dict[type, list] = {}
        questions = ScreeningQuestion.objects.filter(active=True).order_by("order", "id")
        self.questions = [{"key": q.key, "text": q.text, "tier": q.tier} for q in questions]
        self.open_kinds: set[tuple[int, str]] = set()  # (patient, kind) with an open alert

    # --- helpers -------------------------------------------------------------------------
    def code(self) -> uuid.UUID:
        return uuid.UUID(int=self.codes.getrandbits(128), version=4)

    def flush(self, model=None) -> None:
        for m in [model] if model else list(self.pending):
            rows = self.pending.pop(m, [])
            if rows and m is StepLog:
                insert_logs(rows)  # tuples in LOG_COLUMNS order
            elif rows:
                m.objects.bulk_create(rows, batch_size=BATCH)
            self.summary.counts[m.__name__] += len(rows)

    def add(self, row) -> None:
        self.pending.setdefault(type(row), []).append(row)

    def _user(self, username: str, name: str, role: str, zone: str, joined: date) -> User:
        return User(
            clinic=self.clinic,
            username=username,
            name=name,
            role=role,
            timezone=zone,
            code=self.code(),
            # One hash shared by all staff (Argon2 costs ~50 ms a hash), or no password.
            # Patients never have one: they sign in by link (a database constraint).
            password=(role != Role.PATIENT and self.password_hash)
            or UNUSABLE_PASSWORD_PREFIX + f"{self.rng.getrandbits(160):040x}",
            date_joined=datetime.combine(joined, time(9), tzinfo=ZoneInfo(zone)),
        )

    # --- the clinic ----------------------------------------------------------------------
    @transaction.atomic
    def build(self, patients: int, days: int) -> Summary:
        started = timezone.now()
        # With their easier versions: a bad-back day's logs name them.
        exercises = Exercise.objects.select_related("easier").in_bulk(
            {slug for _title, items in TEMPLATES for slug, _dose in items}, field_name="slug"
        )
        missing = {slug for _t, items in TEMPLATES for slug, _d in items} - set(exercises)
        if missing:
            raise LookupError(f"The catalogue lacks {sorted(missing)}: run migrate first.")
        first_day = self.now.date() - timedelta(days=days)
        # Each prefix is one clinic of its own organisation.
        organisation = Organisation.objects.create(name=f"{self.prefix} group", slug=self.prefix)
        self.clinic = Clinic.objects.create(
            organisation=organisation, name=f"{self.prefix} clinic", slug=self.prefix
        )
        clinicians = self._clinicians(patients, first_day)
        templates = self._templates(clinicians, exercises)
        given = (ExerciseSession, StepLog, Screening, Alert, MorningCheck, PsfsScore, Suggestion)
        with timestamps_as_given(*given):
            people = self._patients(patients, first_day)
            lead, staff = clinicians[0], clinicians[1:]
            for n, patient in enumerate(people):
                own = staff[n % len(staff)]
                self.add(CareLink(clinic=self.clinic, clinician=lead, patient=patient))
                self.add(CareLink(clinic=self.clinic, clinician=own, patient=patient))
            self.flush(CareLink)
            for group_start in range(0, len(people), 25):
                group = people[group_start : group_start + 25]
                self._history(group, clinicians, templates, days, first_in_clinic=group_start == 0)
        self.summary.seconds = (timezone.now() - started).total_seconds()
        return self.summary

    @staticmethod
    def analyze() -> None:
        """Refresh the query planner's statistics, as a database does on its own some
        time after a bulk load: PostgreSQL plans the clinician's list in 8 ms with them
        and 61 ms without (it guesses one row where there are thousands).

        On PostgreSQL, outside a transaction, the people's table is also rewritten: the
        database's triggers update a patient's row with each row of their record
        (patient/migrations/0001_record_stamp_triggers.py), so a year loaded in minutes
        leaves hundreds of dead versions of each patient's row (33 MB for 514 rows at 500
        patients, 288 kB rewritten) that autovacuum clears as they come in real use;
        left, they made the list of 5,000 patients 30 times slower."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                cursor.execute("VACUUM (FULL, ANALYZE) accounts_user")
            cursor.execute("ANALYZE")

    def _clinicians(self, patients: int, first_day: date) -> list[User]:
        """A lead who sees every patient (the 500-patient list), and clinicians with a
        caseload of about 40 each."""
        count = max(1, math.ceil(patients / 40))
        users = [
            self._user(
                f"{self.prefix}-lead", "Lead Clinician", Role.CLINICIAN, "Europe/London", first_day
            )
        ]
        for n in range(count):
            name = CLINICIAN_NAMES[n % len(CLINICIAN_NAMES)]
            users.append(
                self._user(
                    f"{self.prefix}-clinician-{n + 1:02d}",
                    name,
                    Role.CLINICIAN,
                    "Europe/London",
                    first_day,
                )
            )
        User.objects.bulk_create(users)
        self.summary.counts["clinicians"] = len(users)
        return users

    def _templates(self, clinicians: list[User], exercises: dict) -> list[tuple[Routine, list]]:
        result = []
        reads = list(Read.objects.published().order_by("order", "slug"))
        for n, (title, entries) in enumerate(TEMPLATES):
            owner = clinicians[1 + n % (len(clinicians) - 1)]
            routine = Routine(
                clinic=self.clinic,
                kind=RoutineKind.TEMPLATE,
                title=title,
                owner=owner,
                shared=True,
                code=self.code(),
            )
            routine.save()
            items = [
                RoutineItem.from_exercise(
                    exercises[slug], routine=routine, order=i, code=self.code(), **dose
                )
                for i, (slug, dose) in enumerate(entries)
            ]
            RoutineItem.objects.bulk_create(items)
            # Two of the library's reads with each routine, copied into every plan.
            routine.reads = reads[n % len(reads) : n % len(reads) + 2] if reads else []
            RoutineRead.objects.bulk_create(
                RoutineRead(routine=routine, read=r) for r in routine.reads
            )
            result.append((routine, items))
        self.summary.counts["Routine (templates)"] = len(result)
        return result

    def _patients(self, count: int, first_day: date) -> list[User]:
        users = []
        for n in range(count):
            name = f"{self.rng.choice(FIRST_NAMES.split())} {self.rng.choice(LAST_NAMES.split())}"
            zone = "Europe/London" if n == 0 else weighted(self.rng, ZONES)
            users.append(
                self._user(
                    f"{self.prefix}-patient-{n + 1:04d}", name, Role.PATIENT, zone, first_day
                )
            )
        User.objects.bulk_create(users, batch_size=BATCH)
        self.summary.counts["patients"] = len(users)
        return users

    # --- one patient's year --------------------------------------------------------------
    def _history(self, group, clinicians, templates, days: int, first_in_clinic: bool) -> None:
        """Plans first (sessions point at them), then sessions (logs and morning checks
        point at them), then everything else, for a group of patients at a time."""
        plans_by_patient = {}
        for n, patient in enumerate(group):
            plans_by_patient[patient] = self._plans(
                patient, clinicians, templates, days, bench=first_in_clinic and n == 0
            )
        Routine.objects.bulk_create(
            [p.routine for plans in plans_by_patient.values() for p in plans], batch_size=BATCH
        )
        for plans in plans_by_patient.values():
            for p in plans:
                for item in p.items:
                    item.routine = p.routine
                    self.add(item)
                for read in p.routine.source_template.reads:
                    self.add(RoutineRead(routine=p.routine, read=read))
        self.flush(RoutineItem)
        self.flush(RoutineRead)
        self.summary.counts["Routine (plans)"] += sum(len(p) for p in plans_by_patient.values())

        sessions = []
        for patient, plans in plans_by_patient.items():
            sessions.extend(
                self._sessions(patient, plans, bench=patient is group[0] and first_in_clinic)
            )
        ExerciseSession.objects.bulk_create([s for s, _extra in sessions], batch_size=BATCH)
        self.summary.counts["ExerciseSession"] += len(sessions)
        for session, extra in sessions:
            self._logs(session, extra)
            self._morning(session, extra)
        for patient, plans in plans_by_patient.items():
            done = [s for s, _extra in sessions if s.patient is patient]
            self._screenings_and_alerts(patient, plans, done, clinicians)
            self._psfs(patient, plans[0].start)
            self._suggestion(patient, plans[-1])
        self.flush()

    def _plans(self, patient, clinicians, templates, days, bench: bool) -> list[PatientPlan]:
        today = patient.local_date(self.now)
        rng = self.rng
        # Most patients have been coming all year; some joined later.
        offset = rng.randint(0, days // 6) if rng.random() < 0.7 else rng.randint(0, days - 14)
        start = today - timedelta(days=days - offset)
        owner = clinicians[1 + rng.randrange(len(clinicians) - 1)]
        changes = [] if bench else [start + timedelta(days=rng.randint(45, 120))]
        changes = [d for d in changes if d < today - timedelta(days=14) and rng.random() < 0.35]
        plans = []
        for n, begin in enumerate([start, *changes]):
            template, template_items = templates[0] if bench else rng.choice(templates)
            active = n == len(changes)
            routine = Routine(
                clinic=self.clinic,
                kind=RoutineKind.PLAN,
                title=template.title,
                owner=owner,
                patient=patient,
                schedule_days=EVERY_DAY if bench else weighted(rng, SCHEDULES),
                start_date=begin,
                active=active,
                source_template=template,
                code=self.code(),
            )
            items = [
                RoutineItem(
                    code=self.code(),
                    exercise=item.exercise,
                    order=item.order,
                    sets=item.sets,
                    reps=item.reps,
                    hold_seconds=item.hold_seconds,
                    rest_seconds=item.rest_seconds,
                    per_side=item.per_side,
                    notes=item.notes,
                )
                for item in template_items
            ]
            plans.append(PatientPlan(routine, items, begin))
        for earlier, later in itertools.pairwise(plans):
            earlier.until = later.start - timedelta(days=1)
        return plans

    def _sessions(self, patient, plans, bench: bool) -> list[tuple[ExerciseSession, dict]]:
        """Sessions on most due days, fewer as the months go by, the odd extra one on a
        rest day, a gap now and then; pain easing slowly with day-to-day noise."""
        rng = self.rng
        zone = patient.zone
        today = patient.local_date(self.now)
        keen = rng.uniform(0.55, 0.97)
        fade = rng.uniform(0.0, 0.5)  # share of keenness lost over a year
        baseline = rng.randint(3, 7)
        easing = rng.uniform(-0.012, 0.002)  # points a day (most improve)
        gap_start = today - timedelta(days=rng.randint(20, 300)) if rng.random() < 0.15 else None
        gap_days = rng.randint(4, 18)
        # A few patients have gone quiet lately (the "nothing logged" rule has work to do).
        quiet_from = today - timedelta(days=rng.randint(4, 9)) if rng.random() < 0.06 else None
        if bench:
            gap_start = quiet_from = None
        result = []
        for plan in plans:
            # The benchmark's patient hasn't exercised today yet; some others have.
            day, last = plan.start, plan.until or today - timedelta(days=1 if bench else 0)
            while day <= last:
                age = (day - plans[0].start).days
                due = bool(plan.routine.schedule_days & (1 << day.weekday()))
                chance = keen * (1 - fade * age / 365) if due else 0.03
                if day == today:
                    chance /= 2  # the day isn't over
                away = (gap_start and gap_start <= day < gap_start + timedelta(days=gap_days)) or (
                    quiet_from and day >= quiet_from
                )
                if not away and rng.random() < chance:
                    bad_day = rng.random() < 0.04
                    before = clamp(
                        baseline + easing * age + rng.gauss(0, 1) + (2 if bad_day else 0)
                    )
                    finished = rng.random() > 0.03
                    after = (
                        clamp(before + rng.choice([-2, -1, -1, 0, 0, 0, 1])) if finished else None
                    )
                    begin = datetime.combine(day, time(rng.randint(6, 20), rng.randrange(60)), zone)
                    begin = min(begin, self.now - timedelta(minutes=30))  # not later today
                    session = ExerciseSession(
                        code=self.code(),
                        patient=patient,
                        plan=plan.routine,
                        local_date=day,
                        started=begin,
                        finished=begin + timedelta(minutes=rng.randint(8, 25))
                        if finished
                        else None,
                        pain_before=before,
                        pain_after=after,
                        effort=rng.choice(EFFORTS) if finished else "",
                        note=rng.choice(NOTES) if finished and rng.random() < 0.08 else "",
                        bad_day=bad_day,
                        status=SessionStatus.COMPLETED if finished else SessionStatus.IN_PROGRESS,
                    )
                    result.append((session, {"items": plan.items, "age": age}))
                day += timedelta(days=1)
        return result

    def _logs(self, session: ExerciseSession, extra: dict) -> None:
        """A log per set and side, as the player writes them; an unfinished session
        stops part-way. Skipping an exercise skips its remaining sets."""
        rng = self.rng
        items = extra["items"]
        steps = plan_steps(bad_day_items(list(items)) if session.bad_day else items)
        if session.status != SessionStatus.COMPLETED:
            steps = steps[: rng.randrange(len(steps))]
        skipped: dict[int, str] = {}
        at = session.started
        for step in steps:
            item = step.item
            if item.pk not in skipped and step.set_number == 1 and rng.random() < 0.05:
                skipped[item.pk] = rng.choice(SKIP_REASONS)
            reason = skipped.get(item.pk, "")
            status = (
                StepStatus.SKIPPED
                if reason
                else (StepStatus.EASIER if rng.random() < 0.06 else StepStatus.DONE)
            )
            at += timedelta(seconds=rng.randint(30, 90))
            row = (session.pk, item.pk, item.exercise.pk, step.side, step.set_number, status)
            self.pending.setdefault(StepLog, []).append(
                (*row, reason, item.reps, item.hold_seconds, at)
            )
        if len(self.pending.get(StepLog, ())) >= BATCH * 5:
            self.flush(StepLog)

    def _morning(self, session: ExerciseSession, extra: dict) -> None:
        """The next morning, for a bit over half of finished sessions."""
        if session.status != SessionStatus.COMPLETED or self.rng.random() > 0.55:
            return
        day = session.local_date + timedelta(days=1)
        if day > session.patient.local_date(self.now):
            return
        pain = clamp(session.pain_after + self.rng.choice([-1, 0, 0, 0, 1]))
        response = (
            MorningResponse.BETTER
            if pain < session.pain_before
            else MorningResponse.WORSE
            if pain > session.pain_before
            else MorningResponse.SAME
        )
        self.add(
            MorningCheck(
                patient=session.patient,
                local_date=day,
                session=session,
                response=response,
                pain=pain,
                at=datetime.combine(day, time(8, self.rng.randrange(60)), session.patient.zone),
            )
        )

    def _screenings_and_alerts(self, patient, plans, sessions, clinicians) -> None:
        """A safety check at the start and weekly since; a few positive answers, each
        alerting the clinician and cleared by them. The latest check is clear and less
        than a week old, so nobody is paused and Start works. Bad-back days and quiet
        spells raise alerts too; the recent ones are still open."""
        rng = self.rng
        zone = patient.zone
        today = patient.local_date(self.now)
        clinician = clinicians[1]
        day = plans[0].start
        last_check = today - timedelta(days=rng.randint(0, 5))
        while day <= today:
            final = day + timedelta(days=7) > today
            if final:
                day = last_check
            roll = rng.random()
            yes = set()
            if not final and roll < 0.004:
                yes = {rng.choice([q["key"] for q in self.questions if q["tier"] == Tier.URGENT])}
            elif not final and roll < 0.03:
                yes = {rng.choice([q["key"] for q in self.questions if q["tier"] == Tier.REVIEW])}
            answers = [{**q, "yes": q["key"] in yes} for q in self.questions]
            tier = safety.tier(
                {a["key"]: a["yes"] for a in answers}, {a["key"]: a["tier"] for a in answers}
            )
            at = datetime.combine(day, time(7, rng.randrange(60)), zone)
            screening = Screening(
                code=self.code(),
                patient=patient,
                local_date=day,
                at=at,
                answers=answers,
                tier=tier,
            )
            if tier != Tier.CLEAR:
                cleared = at + timedelta(days=rng.randint(1, 3))
                if safety.locks_exercise(tier):
                    screening.cleared_at, screening.cleared_by = cleared, clinician
                    screening.cleared_note = "Spoke on the phone; seen by GP, safe to carry on."
                screening.save()  # the alert points at it
                review = tier == Tier.REVIEW
                self.add(
                    Alert(
                        code=self.code(),
                        patient=patient,
                        kind=AlertKind.REVIEW_ANSWER if review else AlertKind.RED_FLAG,
                        tier=AlertTier.ATTENTION if review else AlertTier(tier),
                        title="Review answer" if review else "Red flag",
                        detail="A red-flag question was answered yes.",
                        screening=screening,
                        created=at,
                        resolved_at=cleared,
                        resolved_by=clinician,
                        resolution="Discussed with the patient.",
                    )
                )
            else:
                self.add(screening)
            if final:
                break
            day += timedelta(days=7)
        for session in sessions:
            if session.bad_day:
                self._alert(patient, AlertKind.BAD_DAY, session.started, today, clinician)
            elif session.pain_after is not None and session.pain_after >= 8:
                self._alert(patient, AlertKind.PAIN_CEILING, session.started, today, clinician)
        dates = [s.local_date for s in sessions]
        for earlier, later in itertools.pairwise(dates):
            if (later - earlier).days > 6:
                at = datetime.combine(earlier + timedelta(days=4), time(6, 15), zone)
                self._alert(patient, AlertKind.INACTIVE, at, today, clinician)
        if dates and (today - dates[-1]).days > 4:
            at = datetime.combine(today, time(6, 15), zone)
            self._alert(patient, AlertKind.INACTIVE, at, today, clinician)

    def _alert(self, patient, kind, at: datetime, today: date, clinician) -> None:
        # Recent ones are still open, one per patient and kind (alert_one_open_per_kind).
        recent = (today - at.date()).days < 5 and (patient.pk, kind) not in self.open_kinds
        if recent:
            self.open_kinds.add((patient.pk, kind))
        self.add(
            Alert(
                code=self.code(),
                patient=patient,
                kind=kind,
                tier=DEFAULT_TIER[kind],
                title=str(AlertKind(kind).label),
                detail=str(AlertKind(kind).label),
                created=at,
                resolved_at=None if recent else at + timedelta(days=1),
                resolved_by=None if recent else clinician,
                resolution="" if recent else "Checked in with the patient.",
            )
        )

    def _psfs(self, patient, start: date) -> None:
        rng = self.rng
        today = patient.local_date(self.now)
        chosen = rng.sample(ACTIVITIES, rng.randint(1, 3))
        scores = [rng.randint(2, 6) for _ in chosen]
        day = start
        while day <= today:
            if day == start or rng.random() < 0.7:
                rows = [{"activity": a, "score": s} for a, s in zip(chosen, scores, strict=True)]
                self.add(
                    PsfsScore(
                        patient=patient,
                        local_date=day,
                        activities=rows,
                        mean=psfs.mean(scores),
                        at=datetime.combine(day, time(12), patient.zone),
                    )
                )
            scores = [clamp(s + rng.choice([0, 0, 1, 1, -1])) for s in scores]
            day += timedelta(days=psfs.EVERY_DAYS)

    def _suggestion(self, patient, plan: PatientPlan) -> None:
        """About one patient in five has a suggestion waiting for the clinician."""
        if self.rng.random() > 0.2:
            return
        item = self.rng.choice(plan.items)
        reps = item.reps + 2 if item.reps else None
        hold = item.hold_seconds + 5 if item.hold_seconds else None
        self.add(
            Suggestion(
                code=self.code(),
                patient=patient,
                item=item,
                kind="progress",
                reason="Pain stayed low in the last two sessions.",
                exercise=item.exercise,
                sets=item.sets,
                reps=min(reps, 50) if reps else None,
                hold_seconds=min(hold, 300) if hold else None,
                based_on=Suggestion.snapshot(item),
                created=self.now - timedelta(hours=self.rng.randint(1, 48)),
            )
        )
