"""Every page keeps a fixed number of SQL queries, whatever the size of the data (the
product brief's budget). Each page and action is counted on a small world, then again
after the world has grown (more sessions, logs, checks, alerts, plan items, patients,
routines and exercises), and pinned to a number. A URL added without a pin here fails
test_every_url_is_pinned. (The pages' own modules pin some of these too, with their
own data shapes.)"""

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import email_change
from accounts.access import patients_of
from accounts.models import AuditAction, AuditEvent, PushSubscription, SignInLink, User
from exercises.models import Exercise
from learn.models import Read, RoutineRead
from patient import history as patient_history
from patient import today as patient_today
from practice import player
from practice.models import ExerciseSession, MorningCheck, SessionStatus, StepLog, StepStatus
from practice.steps import plan_steps
from progression import caseload
from progression.models import PsfsScore, Suggestion
from reminders.models import ReminderSettings
from reminders.send import unsubscribe_token
from routines.models import Routine, RoutineItem, RoutineKind
from safety.alerts import DEFAULT_TIER, REPEATABLE
from safety.models import Alert, AlertKind, Screening, ScreeningQuestion
from tests.factories import (
    add_authenticator,
    link,
    make_alert,
    make_exercise,
    make_patient,
    make_plan,
    make_screening,
)

pytestmark = pytest.mark.django_db

CORE = ["glute-bridge", "clamshell"]
READ = "sitting-breaks"  # a shipped read the world never attaches (the attach pages do)
MORE = ["hip-flexor-stretch", "lunge-with-twist", "deep-squat", "bird-dog", "dead-bug"]
_numbers = itertools.count(1)


def completed(patient, plan, days_ago: int, pain: int = 4) -> ExerciseSession:
    return ExerciseSession(
        patient=patient,
        plan=plan,
        local_date=patient.local_date() - timedelta(days=days_ago),
        pain_before=pain,
        pain_after=max(pain - 1, 0),
        effort="right",
        status=SessionStatus.COMPLETED,
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )


def log_all(sessions, items) -> None:
    StepLog.objects.bulk_create(
        StepLog(
            session=session,
            item=step.item,
            exercise=step.item.exercise,
            side=step.side,
            set_number=step.set_number,
            status=StepStatus.DONE,
            reps=step.item.reps,
            hold_seconds=step.item.hold_seconds,
        )
        for session in sessions
        for step in plan_steps(items)
    )


def suggest(patient, item) -> Suggestion:
    return Suggestion.objects.create(
        patient=patient,
        item=item,
        kind="progress",
        reason="Pain stayed low.",
        exercise=item.exercise,
        sets=item.sets,
        reps=item.reps,
        hold_seconds=item.hold_seconds,
        based_on=Suggestion.snapshot(item),
    )


class World:
    """Alice (patient) and Bob (her clinician), small: a plan of two exercises and one
    read, two finished sessions, today's session checked in, a safety check, an
    activity score, an open alert and a suggestion, and one routine of Bob's."""

    def __init__(self, alice, bob):
        self.alice, self.bob = alice, bob
        User.objects.filter(pk=bob.pk).update(email="bob@example.org")  # for a reset
        today = alice.local_date()
        exercises = [Exercise.objects.get(slug=slug) for slug in CORE]
        self.plan = make_plan(alice, bob, exercises, start_date=today - timedelta(days=120))
        self.screening = make_screening(alice, days_ago=1)
        past = ExerciseSession.objects.bulk_create([completed(alice, self.plan, n) for n in (2, 1)])
        log_all(past, self.items)
        self.session = ExerciseSession.objects.create(
            patient=alice, plan=self.plan, local_date=today
        )
        self.check_in()
        PsfsScore.objects.create(
            patient=alice,
            local_date=today - timedelta(days=20),
            activities=[{"activity": "putting on socks", "score": 4}],
            mean=4,
        )
        self.alert = make_alert(alice, AlertKind.BAD_DAY, detail="x")
        self.suggestion = suggest(alice, self.items[0])
        self.template = Routine.objects.create(
            kind=RoutineKind.TEMPLATE, title="Bob's routine", owner=bob, shared=True
        )
        RoutineItem.objects.bulk_create(
            RoutineItem.from_exercise(e, routine=self.template, order=i)
            for i, e in enumerate(exercises)
        )
        first_read = Read.objects.published().exclude(slug=READ).order_by("slug").first()
        RoutineRead.objects.create(routine=self.plan, read=first_read)
        RoutineRead.objects.create(routine=self.template, read=first_read)
        other = make_patient(name="Dee Walker")
        link(bob, other)
        make_plan(other, bob, exercises, start_date=today - timedelta(days=30))

    @property
    def items(self) -> list:
        return list(self.plan.items.select_related("exercise").order_by("order", "id"))

    def check_in(self) -> None:
        ExerciseSession.objects.filter(pk=self.session.pk).update(
            pain_before=3, pain_after=None, status=SessionStatus.IN_PROGRESS, finished=None
        )

    def grow(self) -> None:
        """Ten to forty times more of everything a page could loop over."""
        alice, bob, today = self.alice, self.bob, self.alice.local_date()
        for i, slug in enumerate(MORE, start=len(CORE)):
            RoutineItem.from_exercise(
                Exercise.objects.get(slug=slug), routine=self.plan, order=i
            ).save()
        # The same pain as the small world's sessions, and morning checks older than
        # the fortnight the progression rules read: the rules take the same branch, so
        # a count that differs is a query per row, not a different decision.
        past = ExerciseSession.objects.bulk_create(
            [completed(alice, self.plan, n) for n in range(3, 90)]
        )
        log_all(past, self.items)
        older = Screening.objects.bulk_create(
            Screening(
                patient=alice, local_date=today - timedelta(days=7 * n), answers=[], tier="clear"
            )
            for n in range(2, 14)
        )
        for screening in older:  # `at` is set on insert: put each on its own day
            Screening.objects.filter(pk=screening.pk).update(
                at=datetime.combine(screening.local_date, datetime.min.time(), tzinfo=UTC)
            )
        MorningCheck.objects.bulk_create(
            MorningCheck(
                patient=alice, local_date=s.local_date + timedelta(days=1), response="same", pain=3
            )
            for s in past[20:60]
        )
        PsfsScore.objects.bulk_create(
            PsfsScore(
                patient=alice,
                local_date=today - timedelta(days=20 + 14 * n),
                activities=[{"activity": "putting on socks", "score": n % 10}],
                mean=n % 10,
            )
            for n in range(1, 8)
        )
        # Six open of different kinds (one open per kind) and six resolved.
        kinds = [
            kind
            for kind in AlertKind
            if kind not in (*REPEATABLE, AlertKind.BAD_DAY)
            and not Alert.objects.open().filter(patient=alice, kind=kind).exists()
        ]
        Alert.objects.bulk_create(
            Alert(
                patient=alice,
                kind=kinds[n // 2],
                tier=DEFAULT_TIER[kinds[n // 2]],
                title="x",
                detail="x",
                resolved_at=None if n % 2 else datetime(2026, 1, 1, tzinfo=UTC),
            )
            for n in range(12)
        )
        for item in self.items[2:5]:
            suggest(alice, item)
        exercises = [Exercise.objects.get(slug=slug) for slug in CORE]
        for _ in range(25):
            patient = make_patient()
            link(bob, patient)
            plan = make_plan(patient, bob, exercises, start_date=today - timedelta(days=60))
            ExerciseSession.objects.bulk_create([completed(patient, plan, n) for n in range(1, 15)])
        for n in range(6):
            routine = Routine.objects.create(kind=RoutineKind.TEMPLATE, title=f"R{n}", owner=bob)
            RoutineItem.objects.bulk_create(
                RoutineItem.from_exercise(e, routine=routine, order=i)
                for i, e in enumerate(Exercise.objects.all()[:4])
            )
        for i, slug in enumerate(MORE, start=len(CORE)):  # orders without gaps, as saved
            RoutineItem.from_exercise(
                Exercise.objects.get(slug=slug), routine=self.template, order=i
            ).save()
        for _ in range(30):
            make_exercise()
        reads = list(Read.objects.published().exclude(slug=READ).order_by("slug")[1:5])
        RoutineRead.objects.bulk_create(RoutineRead(routine=self.plan, read=r) for r in reads)
        RoutineRead.objects.bulk_create(RoutineRead(routine=self.template, read=r) for r in reads)


@dataclass(frozen=True)
class Page:
    name: str  # the URL's name
    who: str  # alice, bob or anonymous
    path: object  # World -> path
    queries: int
    method: str = "GET"
    data: object = None  # World -> POST data
    htmx: bool = False
    prepare: object = None  # World -> None: put the state back before each count
    label: str = ""
    status: int = 0  # expected answer; 0: 200, or 302 for a plain POST

    @property
    def expected_status(self) -> int:
        if self.status:
            return self.status
        return 302 if self.method == "POST" and not self.htmx else 200

    @property
    def id(self) -> str:
        return self.label or f"{self.name}-{self.method.lower()}"


def first_step(w: World) -> dict:
    item = w.items[0]
    return {"item": item.pk, "side": "both", "set_number": 1, "action": "done"}


def forget_records(w: World) -> None:
    cache.clear()


def keep_record(w: World) -> None:
    """Today's record as the previous visit left it, under the current stamp."""
    patient_today.today_for(User.objects.get(pk=w.alice.pk))


def keep_history(w: World) -> None:
    """The history's first page as the previous visit left it, under the current stamp."""
    patient_history.history_for(User.objects.get(pk=w.alice.pk), None)


def keep_plan_items(w: World) -> None:
    """The plan's items as the session's previous step left them, under the stamp."""
    player.session_for(User.objects.get(pk=w.alice.pk), w.session.code)


def reset_today(w: World) -> None:
    ExerciseSession.objects.filter(patient=w.alice, local_date=w.alice.local_date()).delete()


def unlogged(w: World) -> None:
    w.session.logs.all().delete()
    w.check_in()


def not_stopped(w: World) -> None:
    """As before the first stop: nothing logged, no reason, no alert for it."""
    unlogged(w)
    ExerciseSession.objects.filter(pk=w.session.pk).update(stopped_reason="")
    Alert.objects.filter(patient=w.alice, kind=AlertKind.STOPPED_FOR_PAIN).delete()


def first_suggestion_waiting(w: World) -> None:
    """Only the world's own suggestion waiting, as before the first request: each run
    of the rules then replaces it, so both sizes take the same branch."""
    Suggestion.objects.filter(patient=w.alice).exclude(pk=w.suggestion.pk).delete()
    Suggestion.objects.filter(pk=w.suggestion.pk).update(status="pending")


def all_logged(w: World) -> None:
    w.session.logs.all().delete()
    log_all([w.session], w.items)
    w.check_in()


def checkin_stage(w: World) -> None:
    ExerciseSession.objects.filter(pk=w.session.pk).update(pain_before=None)


def urgent(w: World) -> None:
    w.screening = make_screening(w.alice, tier="urgent")


def pending(w: World) -> None:
    Suggestion.objects.filter(item=w.items[0]).delete()
    w.suggestion = suggest(w.alice, w.items[0])


def open_alert(w: World) -> None:
    """A new open alert, no one's acknowledged (the one before, if any, resolved)."""
    Alert.objects.open().filter(patient=w.alice, kind=AlertKind.IMPROVED).update(
        resolved_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    w.alert = make_alert(w.alice, AlertKind.IMPROVED, detail="x")


def template_item(w: World):
    return w.template.items.order_by("order", "id").first()


def caseload_up_to_date(w: World) -> None:
    """The list's steady state: its rows already refreshed for today (the first list
    of a day, or after a change, also refreshes them: tests/clinic/test_caseload.py)."""
    caseload.refresh_stale(patients_of(w.bob))


def doomed(w: World) -> None:
    w.doomed = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Old", owner=w.bob)


def sign_in_link(w: World) -> None:
    _link, w.token = SignInLink.issue(w.alice, created_by=w.bob)


def no_authenticator(w: World) -> None:
    TOTPDevice.objects.filter(user=w.bob).delete()


def read_off_plan(w: World) -> None:
    RoutineRead.objects.filter(read__slug=READ).delete()


def read_on_plan(w: World) -> None:
    read_off_plan(w)
    read = Read.objects.get(slug=READ)
    RoutineRead.objects.create(routine=w.plan, read=read)
    RoutineRead.objects.create(routine=w.template, read=read)


def no_recovery_codes(w: World) -> None:
    StaticDevice.objects.filter(user=w.bob).delete()


def no_erasure_request(w: World) -> None:
    User.objects.filter(pk=w.alice.pk).update(erasure_requested_at=None)
    Alert.objects.filter(patient=w.alice, kind=AlertKind.ERASURE).delete()


def alice_email(w: World) -> None:
    User.objects.filter(pk=w.alice.pk).update(email="alice@example.org")
    w.alice.email = "alice@example.org"


def no_email_requests(w: World) -> None:
    AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGE_REQUESTED).delete()


def email_link(w: World) -> str:
    return f"/account/email/confirm/{email_change.make_token(w.alice, 'new@example.org')}/"


def reset_link(w: World) -> str:
    w.bob.refresh_from_db()  # the token covers the email address set in the world
    uid = urlsafe_base64_encode(force_bytes(w.bob.pk))
    return f"/password-reset/{uid}/{default_token_generator.make_token(w.bob)}/"


def yesterdays(w: World) -> ExerciseSession:
    return ExerciseSession.objects.get(
        patient=w.alice, local_date=w.alice.local_date() - timedelta(days=1)
    )


def correction(w: World) -> dict:
    """Yesterday's pain after changed; every step as it was."""
    session = yesterdays(w)
    steps = {f"step_{log.pk}": log.status for log in session.logs.all()}
    return {"pain_before": str(session.pain_before), "pain_after": "5", **steps}


def uncorrected(w: World) -> None:
    ExerciseSession.objects.filter(pk=yesterdays(w).pk).update(pain_after=3)


def fresh_alice(w: World) -> None:
    w.alice.refresh_from_db()  # signing out everywhere changed her session version


def alices_device(w: World) -> PushSubscription:
    endpoint = "https://fcm.googleapis.com/fcm/send/alice"
    device, _created = PushSubscription.objects.get_or_create(
        user=w.alice,
        endpoint=endpoint,
        defaults={"p256dh": "B" + "A" * 86, "auth": "A" * 22, "device": "Phone"},
    )
    return device


def no_morning(w: World) -> None:
    MorningCheck.objects.filter(patient=w.alice, local_date=w.alice.local_date()).delete()


def no_psfs_today(w: World) -> None:
    PsfsScore.objects.filter(patient=w.alice, local_date=w.alice.local_date()).delete()


def fresh_item(w: World) -> None:
    RoutineItem.from_exercise(
        Exercise.objects.get(slug="cat-camel"), routine=w.template, order=99
    ).save()


def last_template_item(w: World):
    return w.template.items.order_by("-order", "-id").first()


def no_to_every_question(w: World) -> dict:
    return {q.key: "no" for q in ScreeningQuestion.objects.filter(active=True)}


def open_episode(w: World) -> None:
    """Alice's one episode, open since her plan began; her plan active again (a
    discharge may have ended it)."""
    w.alice.episodes.all().delete()
    w.episode = w.alice.episodes.create(
        clinic=w.alice.clinic, referral_reason="Low back pain", started_on=w.plan.start_date
    )
    Routine.objects.filter(pk=w.plan.pk).update(active=True, end_date=None)


def no_episode(w: World) -> None:
    w.alice.episodes.all().delete()


def record_as_added(w: World) -> None:
    User.objects.filter(pk=w.alice.pk).update(phone="", clinic_identifier="")


def discharge_path(w: World) -> str:
    return f"/clinic/patients/{w.alice.code}/episodes/{w.episode.code}/discharge/"


def clinic_admin(w: World) -> None:
    """Bob as his clinic's admin, with an exercise of the clinic's own and his routine
    shared (the clinic admin's pages: reports, own exercises, shared routines)."""
    User.objects.filter(pk=w.bob.pk).update(is_clinic_admin=True)
    w.own_exercise = Exercise.objects.filter(slug="test-clinic-own").first() or make_exercise(
        slug="test-clinic-own", clinic=w.bob.clinic
    )
    Exercise.objects.filter(pk=w.own_exercise.pk).update(published=True)
    Routine.objects.filter(pk=w.template.pk).update(shared=True)


def own_exercise_path(suffix: str = ""):
    return lambda w: f"/clinic/exercises/{w.own_exercise.slug}/{suffix}"


OWN_EXERCISE = {
    "name": "Knee hug",
    "kind": "stretch",
    "level": "beginner",
    "summary": "Eases a stiff lower back.",
    "target": "The lower back",
    "start_position": "Lie on your back.",
    "cues": "Bring one knee in.\nHold it.\nBreathe out.",
    "sets": "2",
    "hold_seconds": "20",
    "rest_seconds": "30",
    "illustration": "img/exercises/childs-pose.svg",
    "illustration_alt": "A person hugging one knee to the chest.",
}


ALICE, BOB, NOBODY = "alice", "bob", "anonymous"
BOB_FIRST_STEP = "bob-password-only"  # has an authenticator, hasn't typed its code yet
BOB_NO_DEVICE = "bob-no-authenticator"  # must set one up first


def patient_path(suffix: str = ""):
    return lambda w: f"/clinic/patients/{w.alice.code}/{suffix}"


def routine_path(suffix: str = ""):
    return lambda w: f"/clinic/routines/{w.template.code}/{suffix}"


def session_path(suffix: str = ""):
    return lambda w: f"/sessions/{w.session.code}/{suffix}"


PAGES = [
    # --- everyone ---------------------------------------------------------------------------
    Page("home", ALICE, lambda w: "/", 2, status=302),
    Page("healthz", NOBODY, lambda w: "/healthz", 1),
    Page("favicon.ico", NOBODY, lambda w: "/favicon.ico", 0, label="favicon", status=301),
    Page("admin/login/", NOBODY, lambda w: "/admin/login/", 0, label="admin-login", status=302),
    Page("login", NOBODY, lambda w: "/sign-in/", 0),
    Page(
        "login",
        NOBODY,
        lambda w: "/sign-in/",
        13,
        method="POST",
        # Staff sign in with a password (patients by link, below).
        data=lambda w: {"username": "bob", "password": "correct-horse-battery-staple"},
    ),
    Page("use_link", NOBODY, lambda w: f"/link/{w.token}/", 1, prepare=sign_in_link),
    Page(
        "use_link",
        NOBODY,
        lambda w: f"/link/{w.token}/",
        11,  # no axes access log for a patient's link sign-in (its path held the token)
        method="POST",
        prepare=sign_in_link,
    ),
    # A patient: axes keeps no access log for them, so it has none to close.
    Page("logout", ALICE, lambda w: "/sign-out/", 4, method="POST"),
    Page(
        "sign_out_everywhere",
        ALICE,
        lambda w: "/sign-out/everywhere/",
        11,  # axes' log no longer closed (-2); unsubscribe links revoked, devices removed (+2)
        method="POST",
        prepare=fresh_alice,
    ),
    Page("account", ALICE, lambda w: "/account/", 4),  # +1: her devices for notifications
    # Push is off in the suite (no VAPID keys): subscribing stores nothing; a test finds no
    # device. tests/accounts/test_push.py counts the list with keys, at 1 and 10 devices.
    Page("push_subscribe", ALICE, lambda w: "/account/devices/", 2, method="POST"),
    Page("push_test", ALICE, lambda w: "/account/devices/test/", 3, method="POST"),
    Page(
        "push_remove",
        ALICE,
        lambda w: f"/account/devices/{alices_device(w).code}/remove/",
        4,
        method="POST",
    ),
    Page(
        "language",
        ALICE,
        lambda w: "/account/language/",
        3,
        method="POST",
        data=lambda w: {"language": "es"},
    ),
    Page("reminders:settings", ALICE, lambda w: "/account/reminders/", 3),
    Page(
        "reminders:settings",
        ALICE,
        lambda w: "/account/reminders/",
        12,
        method="POST",
        data=lambda w: {"channel": "off", "time": "08:30"},
        prepare=lambda w: ReminderSettings.objects.filter(patient=w.alice).delete(),
    ),
    Page(
        "reminders:unsubscribe",
        NOBODY,
        lambda w: f"/reminders/unsubscribe/{unsubscribe_token(w.alice)}/",
        1,
    ),
    Page(
        "reminders:unsubscribe",
        NOBODY,
        lambda w: f"/reminders/unsubscribe/{unsubscribe_token(w.alice)}/",
        2,
        method="POST",
        status=200,
    ),
    Page("learn:list", ALICE, lambda w: "/learn/", 3),
    Page("learn:read", ALICE, lambda w: f"/learn/{READ}/", 4),
    Page("erasure", ALICE, lambda w: "/account/erase/", 2),
    Page(
        "erasure",
        ALICE,
        lambda w: "/account/erase/",
        # since issue 14 the request is an alert for the clinicians: 6 more; +1 (issue
        # 20) the alert updates the caseload's row
        11,
        method="POST",
        data=lambda w: {"understood": "on"},
        prepare=no_erasure_request,
    ),
    Page(
        "email_change",
        ALICE,
        lambda w: "/account/email/",
        5,  # the hour's requests counted, the address looked up, the request audited
        method="POST",
        data=lambda w: {"email": "new@example.org"},
        prepare=no_email_requests,
    ),
    Page("email_confirm", ALICE, email_link, 2, prepare=alice_email),
    Page(
        "email_confirm",
        ALICE,
        email_link,
        7,  # the address looked up, changed and audited
        method="POST",
        prepare=alice_email,
    ),
    Page(
        "email_remove",
        ALICE,
        lambda w: "/account/email/remove/",
        7,  # the address removed, email reminders off, audited
        method="POST",
        prepare=alice_email,
    ),
    Page("two_factor", BOB_FIRST_STEP, lambda w: "/two-step/", 3),
    Page(
        "two_factor_setup",
        BOB_NO_DEVICE,
        lambda w: "/two-step/set-up/",
        6,
        prepare=no_authenticator,
    ),
    Page("recovery_codes", BOB, lambda w: "/two-step/recovery-codes/", 4),
    Page(
        "recovery_codes",
        BOB,
        lambda w: "/two-step/recovery-codes/",
        13,
        method="POST",
        prepare=no_recovery_codes,
    ),
    Page("password_reset", NOBODY, lambda w: "/password-reset/", 0),
    Page(
        "password_reset",
        NOBODY,
        lambda w: "/password-reset/",
        1,
        method="POST",
        data=lambda w: {"email": "bob@example.org"},
    ),
    Page("password_reset_done", NOBODY, lambda w: "/password-reset/sent/", 0),
    Page("password_reset_confirm", NOBODY, reset_link, 5, status=302),
    Page("password_reset_complete", NOBODY, lambda w: "/password-reset/done/", 0),
    Page("exercises:list", ALICE, lambda w: "/exercises/", 5),
    Page("exercises:detail", ALICE, lambda w: "/exercises/glute-bridge/", 5),
    # --- the patient ------------------------------------------------------------------------
    # Today's record worked out (a change since the last visit, a new day, a new worker):
    # session + user, and ten of the record (patient/today.py); kept: session + user only
    # (the record is in the cache under the patient's record stamp; whether exercise is
    # paused is read with the user, User.exercise_paused, which the database keeps).
    Page("patient:today", ALICE, lambda w: "/today/", 11, prepare=forget_records),
    Page("patient:today", ALICE, lambda w: "/today/", 2, prepare=keep_record, label="today-kept"),
    Page("patient:manifest", NOBODY, lambda w: "/manifest.webmanifest", 0),
    Page("patient:service_worker", NOBODY, lambda w: "/sw.js", 0),
    # session + user, plan, items, walking break, the latest check, the days' sessions
    # (the answer that pauses exercise only when one does); at both sizes
    # (tests/patient/test_offline.py pins it at 2 and 8 exercises too).
    Page("patient:offline_pack", ALICE, lambda w: "/offline/pack.json", 7),
    # Worked out: session + user, the page's count and sessions, their step logs, the
    # chart, the plan, the weeks' dates. Kept (patient/history.py): session + user, and
    # the logs of today's session, in progress.
    Page("patient:history", ALICE, lambda w: "/history/", 8, prepare=forget_records),
    Page(
        "patient:history",
        ALICE,
        lambda w: "/history/",
        3,
        prepare=keep_history,
        label="history-kept",
    ),
    Page("patient:psfs", ALICE, lambda w: "/activities/", 3),
    Page(
        "patient:psfs",
        ALICE,
        lambda w: "/activities/",
        # one more since issue 14: the first score, to tell a meaningful improvement
        7,
        method="POST",
        data=lambda w: {"score_0": "5"},
        prepare=no_psfs_today,
    ),
    # The check's questions: the patient's check dates, known answers, the questions.
    Page("patient:safety", ALICE, lambda w: "/safety/", 5),
    Page(
        "patient:safety",
        ALICE,
        lambda w: "/safety/",
        # and the history answers for the combined rule: 2 queries
        10,
        method="POST",
        data=no_to_every_question,
    ),
    Page("patient:safety_result", ALICE, lambda w: f"/safety/{w.screening.code}/", 3),
    Page("patient:correct", ALICE, lambda w: f"/sessions/{yesterdays(w).code}/correct/", 4),
    # The three POSTs that bring new evidence rerun the per-item rules (clinical.md
    # §3.1): +3 or +4 each for the plan's logs, the items (now read every time), the
    # waiting and dismissed suggestions, and replacing a stale one.
    Page(
        "patient:correct",
        ALICE,
        lambda w: f"/sessions/{yesterdays(w).code}/correct/",
        # +1: the pain scores update the caseload's row (issue 20); -1: the rules read the
        # baseline with the fortnight's sessions (issue 20)
        16,
        method="POST",
        data=correction,
        prepare=lambda w: (uncorrected(w), first_suggestion_waiting(w)),
    ),
    # 16: the known answers too.
    Page("patient:export_json", ALICE, lambda w: "/my-data/hipmob.json", 17),  # +1: devices
    Page("patient:export_csv", ALICE, lambda w: "/my-data/hipmob.csv", 5),
    Page(
        "patient:morning",
        ALICE,
        lambda w: "/morning/",
        # -1: the rules read the baseline with the fortnight's sessions (issue 20)
        17,
        method="POST",
        data=lambda w: {"response": "same", "pain": "3"},
        prepare=lambda w: (no_morning(w), first_suggestion_waiting(w)),
    ),
    Page(
        "patient:start",
        ALICE,
        lambda w: "/sessions/start/",
        # +1: a new session updates the caseload's row (last activity, issue 20); -1: the
        # latest safety check is read with whether an answer pauses exercise (issue 20)
        9,
        method="POST",
        prepare=reset_today,
    ),
    Page(
        "patient:start_bad_day",
        ALICE,
        lambda w: "/sessions/bad-day/",
        # +1: a new session updates the caseload's row (last activity, issue 20); -1: the
        # latest safety check is read with whether an answer pauses exercise (issue 20)
        12,
        method="POST",
        prepare=reset_today,
    ),
    # Issue 20: 6 to 5, whether a safety answer pauses exercise is read with the session;
    # 4 once the plan's items are kept under the record stamp (the next step, a swap).
    Page("patient:session", ALICE, session_path(), 5, label="session-step"),
    Page(
        "patient:session",
        ALICE,
        session_path(),
        4,
        prepare=keep_plan_items,
        label="session-step-kept",
    ),
    Page("patient:session", ALICE, session_path(), 5, htmx=True, label="session-step-fragment"),
    Page(
        "patient:session", ALICE, session_path(), 5, prepare=checkin_stage, label="session-checkin"
    ),
    Page("patient:session", ALICE, session_path(), 5, prepare=all_logged, label="session-checkout"),
    Page(
        "patient:check_in",
        ALICE,
        session_path("check-in/"),
        7,  # issue 20: 8 to 7, the pause read with the session
        method="POST",
        data=lambda w: {"pain": "3"},
        htmx=True,
        prepare=checkin_stage,
    ),
    Page(
        "patient:log_step",
        ALICE,
        session_path("step/"),
        # Issue 20: 12 to 6: one INSERT ... ON CONFLICT DO NOTHING instead of a transaction,
        # a SELECT and a savepoint; the steps and logs read once, the pause with the session
        6,
        method="POST",
        data=first_step,
        htmx=True,
        prepare=unlogged,
    ),
    Page(
        "patient:log_step",
        ALICE,
        session_path("step/"),
        5,  # the plan's items kept, as for every step after the first
        method="POST",
        data=first_step,
        htmx=True,
        prepare=lambda w: (unlogged(w), keep_plan_items(w)),
        label="log-step-kept",
    ),
    Page(
        "patient:stop",
        ALICE,
        session_path("stop/"),
        # stopping because it hurt raises an alert: 4 more than another reason. Issue 20:
        # +1 the alert updates the caseload's row, -1 the player reads less (488c104)
        16,
        method="POST",
        data=lambda w: {"reason": "pain"},
        htmx=True,
        prepare=not_stopped,
    ),
    Page(
        "patient:check_out",
        ALICE,
        session_path("check-out/"),
        # Issue 20: -1 the player reads less (488c104); the caseload's row +1, offset by
        # check_out no longer reading the session back; -1 the rules read the baseline
        # with the fortnight's sessions
        18,
        method="POST",
        data=lambda w: {"pain_worst": "2", "pain": "2", "effort": "right", "note": ""},
        htmx=True,
        prepare=lambda w: (all_logged(w), first_suggestion_waiting(w)),
    ),
    # --- the clinician ----------------------------------------------------------------------
    # Sorted and paged in SQL (issue 20): session, user, device, the count, the page.
    Page("clinic:patients", BOB, lambda w: "/clinic/patients/", 5, prepare=caseload_up_to_date),
    Page("clinic:patient", BOB, patient_path(), 17),  # +1 (issue 19): the episodes of care
    Page("clinic:handout", BOB, patient_path("handout/"), 7),
    # Issue 19: the record, episodes of care and the discharge summary (tests/clinic/
    # test_episodes.py and test_record.py count them with their own data too).
    Page("clinic:record", BOB, patient_path("record/"), 4),
    Page(
        "clinic:record",
        BOB,
        patient_path("record/"),
        9,  # the identifier looked for in the clinic, the changed fields saved, audited
        method="POST",
        data=lambda w: {
            "name": "Alice Morgan",
            "date_of_birth": "1961-04-12",
            "phone": "+44 7700 900123",
            "language": "en",
            "clinic_identifier": "NHS-1",
            "timezone": "Europe/London",
        },
        prepare=record_as_added,
    ),
    Page(
        "clinic:open_episode",
        BOB,
        patient_path("episodes/"),
        9,
        method="POST",
        data=lambda w: {
            "referral_reason": "Low back pain, 6 weeks",
            "started_on": w.alice.local_date().isoformat(),
        },
        prepare=no_episode,
    ),
    # The request's, the patient, the episode, the audit; plans, items, sessions,
    # activity scores and alerts by tier.
    Page("clinic:discharge", BOB, discharge_path, 11, prepare=open_episode),
    Page(
        "clinic:discharge",
        BOB,
        discharge_path,
        12,
        method="POST",
        data=lambda w: {
            "outcome": "improved",
            "discharged_on": w.alice.local_date().isoformat(),
            "end_plan": "on",
        },
        prepare=open_episode,
    ),
    Page("clinic:assign", BOB, patient_path("assign/"), 8),
    Page(
        "clinic:assign",
        BOB,
        patient_path("assign/"),
        # +1: the new plan updates the caseload's row (issue 20); -1: the template's items,
        # read by the form to check them, are the ones copied (issue 20)
        16,
        method="POST",
        data=lambda w: {
            "template": w.template.pk,
            "days": ["0", "2", "4"],
            "start_date": w.alice.local_date().isoformat(),
        },
    ),
    Page("clinic:add_patient", BOB, lambda w: "/clinic/patients/new/", 3),
    Page(
        "clinic:add_patient",
        BOB,
        lambda w: "/clinic/patients/new/",
        16,
        method="POST",
        status=201,  # the page with the new patient's sign-in link
        data=lambda w: {
            "name": "Ed Young",
            "email": "",
            "timezone": "Europe/London",
            "request_id": uuid.uuid4().hex,
        },
    ),
    Page("clinic:new_link", BOB, patient_path("link/"), 9, method="POST", status=200),
    Page(
        "clinic:clear_screening",
        BOB,
        lambda w: f"/clinic/patients/{w.alice.code}/screenings/{w.screening.code}/clear/",
        10,
        method="POST",
        data=lambda w: {"note": "Seen by the GP today; fine to carry on."},
        prepare=urgent,
    ),
    Page(
        "clinic:decide_suggestion",
        BOB,
        lambda w: f"/clinic/patients/{w.alice.code}/suggestions/{w.suggestion.code}/",
        9,
        method="POST",
        data=lambda w: {"decision": "dismiss"},
        prepare=pending,
    ),
    Page(
        "clinic:acknowledge_alert",
        BOB,
        lambda w: f"/clinic/patients/{w.alice.code}/alerts/{w.alert.code}/acknowledge/",
        9,
        method="POST",
        prepare=open_alert,
    ),
    Page(
        "clinic:resolve_alert",
        BOB,
        lambda w: f"/clinic/patients/{w.alice.code}/alerts/{w.alert.code}/resolve/",
        10,  # +1: the caseload's row (issue 20)
        method="POST",
        data=lambda w: {"note": "Spoke to her on the phone."},
        prepare=open_alert,
    ),
    Page("clinic:edit_plan", BOB, patient_path("edit-plan/"), 12, method="POST"),
    Page(
        "clinic:attach_read",
        BOB,
        patient_path("reads/"),
        11,
        method="POST",
        data=lambda w: {"read": READ},
        prepare=read_off_plan,
    ),
    Page(
        "clinic:detach_read",
        BOB,
        patient_path(f"reads/{READ}/remove/"),
        7,
        method="POST",
        prepare=read_on_plan,
    ),
    Page(
        "clinic:attach_template_read",
        BOB,
        routine_path("reads/"),
        9,
        method="POST",
        data=lambda w: {"read": READ},
        prepare=read_off_plan,
    ),
    Page(
        "clinic:detach_template_read",
        BOB,
        routine_path(f"reads/{READ}/remove/"),
        5,
        method="POST",
        prepare=read_on_plan,
    ),
    Page("clinic:routines", BOB, lambda w: "/clinic/routines/", 4),
    Page("clinic:create_routine", BOB, lambda w: "/clinic/routines/new/", 4, method="POST"),
    Page("clinic:builder", BOB, routine_path(), 11),
    Page(
        "clinic:builder",
        BOB,
        lambda w: f"/clinic/routines/{w.template.code}/?kind=stretch",
        11,
        htmx=True,
        label="builder-library-fragment",
    ),
    Page(
        "clinic:add_item",
        BOB,
        routine_path("items/"),
        16,
        method="POST",
        data=lambda w: {"exercise": Exercise.objects.get(slug="cat-camel").pk},
        htmx=True,
    ),
    Page(
        "clinic:update_item",
        BOB,
        lambda w: f"/clinic/routines/{w.template.code}/items/{template_item(w).code}/",
        27,
        method="POST",
        data=lambda w: {
            f"i{template_item(w).pk}-sets": "3",
            f"i{template_item(w).pk}-reps": "8",
            f"i{template_item(w).pk}-rest_seconds": "30",
        },
        htmx=True,
    ),
    Page(
        "clinic:move_item",
        BOB,
        lambda w: f"/clinic/routines/{w.template.code}/items/{template_item(w).code}/move/",
        15,
        method="POST",
        data=lambda w: {"direction": "down"},
        htmx=True,
    ),
    Page(
        "clinic:remove_item",
        BOB,
        lambda w: f"/clinic/routines/{w.template.code}/items/{last_template_item(w).code}/remove/",
        14,
        method="POST",
        htmx=True,
        prepare=fresh_item,
    ),
    Page(
        "clinic:routine_settings",
        BOB,
        routine_path("settings/"),
        6,
        method="POST",
        data=lambda w: {"title": "Renamed", "shared": "on"},
    ),
    Page("clinic:duplicate", BOB, routine_path("duplicate/"), 11, method="POST"),
    Page(
        "clinic:delete_routine",
        BOB,
        lambda w: f"/clinic/routines/{w.doomed.code}/delete/",
        11,  # +1: deleting also looks for caseload rows naming it as their plan
        method="POST",
        prepare=doomed,
    ),
    # The clinic admin's pages (issue 19; tests/clinic/test_reports.py and
    # test_own_exercises.py count them with their own data too). The report: session,
    # user, device, then active patients, discharges, plans, done days grouped, the
    # episodes with their scores, care links, clinicians.
    Page("clinic:reports", BOB, lambda w: "/clinic/reports/", 10, prepare=clinic_admin),
    Page(
        "clinic:reports_csv", BOB, lambda w: "/clinic/reports/report.csv", 4, prepare=clinic_admin
    ),
    Page("clinic:own_exercises", BOB, lambda w: "/clinic/exercises/", 5, prepare=clinic_admin),
    Page(
        "clinic:new_own_exercise", BOB, lambda w: "/clinic/exercises/new/", 3, prepare=clinic_admin
    ),
    Page(
        "clinic:new_own_exercise",
        BOB,
        lambda w: "/clinic/exercises/new/",
        7,  # the slugs taken, and the new exercise in a transaction
        method="POST",
        data=lambda w: OWN_EXERCISE,
        prepare=clinic_admin,
    ),
    Page("clinic:edit_own_exercise", BOB, own_exercise_path(), 4, prepare=clinic_admin),
    Page(
        "clinic:edit_own_exercise",
        BOB,
        own_exercise_path(),
        5,
        method="POST",
        data=lambda w: OWN_EXERCISE,
        prepare=clinic_admin,
    ),
    Page(
        "clinic:publish_own_exercise",
        BOB,
        own_exercise_path("publish/"),
        5,
        method="POST",
        data=lambda w: {"published": "0"},
        prepare=clinic_admin,
    ),
    Page(
        "clinic:unshare_template",
        BOB,
        routine_path("unshare/"),
        5,
        method="POST",
        prepare=clinic_admin,
    ),
]
# Not counted here, and why.
EXEMPT = {
    "admin:": "Django's own admin, for a few catalogue editors",
    # The clinic admin's pages and actions, pinned at two sizes in their own modules
    # (tests/clinic/test_staff.py, test_handover.py, test_clinic_profile.py; the
    # invitation page in tests/accounts/test_invitations.py): their persona is a clinic
    # admin, whom this module's world doesn't have.
    "clinic:manage": "tests/clinic/test_staff.py",
    "clinic:staff": "tests/clinic/test_staff.py",
    "clinic:invite": "tests/clinic/test_staff.py",
    "clinic:revoke_invitation": "tests/clinic/test_staff.py",
    "clinic:deactivate_staff": "tests/clinic/test_staff.py",
    "clinic:reactivate_staff": "tests/clinic/test_staff.py",
    "clinic:profile": "tests/clinic/test_staff.py",
    "clinic:sign_off_thresholds": "tests/clinic/test_staff.py",
    # The form is pinned; the handover's POST sends, after its commit, one first notice
    # per emergency or urgent alert the colleague hasn't had (safety.alerts.notify).
    "clinic:handover": "tests/clinic/test_handover.py",
    # The page is pinned (one query); accepting hashes a password and makes an account.
    "accept_invitation": "tests/accounts/test_invitations.py",
    # Lists nothing: one lookup of one person (tests/accounts/test_sso.py).
    "openid_connect_": "Staff single sign-on, a hand-off to the organisation's provider",
}


def count(page: Page, world: World, client) -> int:
    """The queries of one request, after a warm-up request of the same person: once a
    minute a clinician's request also writes the session (the idle timeout), which
    belongs to no page."""
    if page.prepare:
        page.prepare(world)
    if page.who == NOBODY:
        client.logout()
        client.get("/sign-in/")  # a CSRF cookie
    else:
        user = world.alice if page.who == ALICE else world.bob
        if page.who == BOB_FIRST_STEP:
            add_authenticator(world.bob)
        client.force_login(user, second_step=page.who == BOB)
        client.get("/" if page.who.startswith("bob-") else "/account/")
    headers = {"HX-Request": "true"} if page.htmx else {}
    data = page.data(world) if page.data else {}
    if page.method == "POST":
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    path = page.path(world)
    with CaptureQueriesContext(connection) as queries:
        if page.method == "POST":
            response = client.post(path, data, headers=headers)
        else:
            response = client.get(path, headers=headers)
    assert response.status_code == page.expected_status, (page.id, response.status_code)
    return len(queries)


@pytest.fixture
def world(alice, bob) -> World:
    return World(alice, bob)


@pytest.mark.parametrize("pinned", PAGES, ids=[p.id for p in PAGES])
# Not called "page": pytest-playwright would treat it as its browser fixture, and pytest
# would then reorder the suite around the browser tests.
def test_the_page_keeps_a_fixed_number_of_queries_as_the_data_grows(pinned, world, client):
    small = count(pinned, world, client)
    world.grow()
    assert ExerciseSession.objects.filter(patient=world.alice).count() == 90
    assert world.plan.items.count() == 7
    large = count(pinned, world, client)
    assert (small, large) == (pinned.queries, pinned.queries), f"{pinned.id}: {small} then {large}"


def url_names(patterns, namespace: str = "") -> set[str]:
    names = set()
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            names.add(f"{namespace}{entry.name or entry.pattern}")
    return names


def test_every_url_is_pinned():
    pinned = {page.name for page in PAGES}
    names = url_names(get_resolver().url_patterns)
    missing = {n for n in names if n not in pinned and not n.startswith(tuple(EXEMPT))}
    assert not missing, f"Pin these in PAGES (or say why in EXEMPT): {sorted(missing)}"
    assert pinned <= names, f"Pinned but not in the URLconf: {sorted(pinned - names)}"
