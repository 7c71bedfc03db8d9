"""The guided session's rules: which stage a session is at, derived from what is saved,
and each write the player makes (start, check-in, a step). No requests here: the views
in patient/views/player.py call one of these and render the result.

Every write is safe to repeat: the session is unique per patient and day, a step log is
unique per (session, item, side, set), and pain scores are only written once. So the
player can resend a request whose answer it never got."""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hipmob.links import address
from practice import steps, summary
from practice.advice import pain_advice
from practice.models import NOT_DONE, ExerciseSession, SessionStatus, StepLog, StepStatus
from routines import schedule
from routines.badday import bad_day_items, walking_break
from routines.models import Routine, RoutineItem
from safety import rules as safety
from safety.alerts import raise_alert
from safety.models import AlertKind, Screening

PLAN_ITEMS_KEY = "plan-items:{plan}:{bad_day}:{stamp}"
PLAN_ITEMS_SECONDS = 26 * 60 * 60


def session_for(patient, code) -> ExerciseSession:
    """The patient's own session, or a 404: a stranger learns nothing. One query (the
    plan itself is not shown, only its items); whether a red-flag answer pauses
    exercise comes with the user (see pause()); then the plan's items with their
    exercises, kept (plan_items); on a bad-back day also the easier versions shown
    instead (joined only then: three exercises a row cost twice the time of one)."""
    session = get_object_or_404(ExerciseSession, patient=patient, code=code)
    session.patient = patient  # already loaded: spares a query
    session.paused = patient.exercise_paused  # read with the user, on every request
    session.plan_items = plan_items(session)
    return session


def plan_items(session: ExerciseSession) -> list:
    """The plan's items with their exercises, kept in the cache under the patient's
    record stamp (accounts/stamps.py: a plan's items are written only with the plan,
    and an exercise's change changes every stamp), so a session's steps read them once
    rather than once a step. One query when they are not kept."""
    key = PLAN_ITEMS_KEY.format(
        plan=session.plan_id, bad_day=int(session.bad_day), stamp=session.patient.record_stamp.hex
    )
    items = cache.get(key)
    if items is None:
        related = ("exercise__easier", "bad_day_exercise") if session.bad_day else ("exercise",)
        items = list(
            RoutineItem.objects.filter(routine_id=session.plan_id)
            .select_related(*related)
            .order_by("order", "id")
        )
        cache.set(key, items, PLAN_ITEMS_SECONDS)
    return items


def pause(session: ExerciseSession) -> Screening | None:
    """The red-flag answer that pauses exercise, if any, remembered on the session for
    the rest of the request (a POST checks it, then renders with it). A session from
    session_for() knows whether there is one (`paused`, read with the user), so the answer
    itself is only fetched when there is one to show; otherwise one query."""
    if not hasattr(session, "_pause"):
        paused = getattr(session, "paused", True)
        session._pause = Screening.objects.pausing_for(session.patient) if paused else None
    return session._pause


def is_past(session: ExerciseSession, at=None) -> bool:
    """An unfinished session from an earlier day stays as it was: finishing it days
    later would put today's pain score on another date and turn a missed day into a
    done one. `at`: when the answer was given on the phone (a session done offline is
    sent later, and its answers still belong to the day they were given)."""
    return session.local_date < session.patient.local_date(at)


def items(session: ExerciseSession) -> list:
    """The plan's items, or on a bad-back day their easier versions (same ids), worked
    out once per request."""
    if not session.bad_day:
        return session.plan_items
    if not hasattr(session, "_bad_day_items"):
        session._bad_day_items = bad_day_items(session.plan_items, walking_break)
    return session._bad_day_items


def plan_steps(session: ExerciseSession) -> list[steps.Step]:
    """The steps of the items shown, worked out once per request (a POST finds its
    step in them, then the answer shows where the session now is)."""
    if not hasattr(session, "_steps"):
        session._steps = steps.plan_steps(items(session))
    return session._steps


def logged(session: ExerciseSession) -> list:
    """The session's step logs as rows (item_id, side, set_number, status, skip_reason):
    all the player reads of them (the step's key, and the outcomes), one query and no
    model objects."""
    return list(
        session.logs.values_list(
            "item_id", "side", "set_number", "status", "skip_reason", named=True
        )
    )


def severe(pain: int | None) -> bool:
    return pain is not None and pain >= settings.PAIN_SEVERE


@dataclass
class Player:
    """Everything the player shows, derived from the saved logs."""

    session: ExerciseSession
    stage: str  # summary, locked, past, checkin, step or checkout
    items: list
    step: steps.Step | None
    steps_total: int
    steps_done: int
    exercises_done: int
    lock: Screening | None
    all_steps: list = field(repr=False)
    logs: list = field(repr=False, default_factory=list)

    @property
    def progress(self) -> int:
        return round(100 * self.steps_done / self.steps_total) if self.steps_total else 100

    @property
    def transition(self) -> str:
        return steps.transition(self.all_steps, self.step) if self.step else ""

    def context(self) -> dict:
        session = self.session
        # What happened to each exercise, and the advice: only the summary and an
        # unfinished past session show them.
        ended = self.stage in ("summary", "past")
        outcomes = summary.outcomes(self.items, self.logs) if ended else []
        return {
            "outcomes": outcomes,
            "counts_line": summary.counts_line(outcomes) if ended else "",
            "stop_line": summary.stop_line(session) if ended else "",
            "advice": pain_advice(session.pain_before, session.pain_after) if ended else None,
            "session": session,
            "stage": self.stage,
            "items": self.items,
            "step": self.step,
            "steps_total": self.steps_total,
            "steps_done": self.steps_done,
            "progress": self.progress,
            "exercises_total": len(self.items),
            "exercises_done": self.exercises_done,
            "transition": self.transition,
            "lines": step_lines(self.step, self.transition, len(self.items)) if self.step else None,
            "lock": self.lock,
            "high_pain": severe(session.pain_before),
            # The forms' and links' addresses, remembered per process (hipmob/links.py):
            # each {% url %} tag would search the URL patterns on every render.
            "urls": {
                "today": address("patient:today"),
                "check_in": address("patient:check_in", session.code),
                "step": address("patient:log_step", session.code),
                "stop": address("patient:stop", session.code),
                "check_out": address("patient:check_out", session.code),
            },
        }


def _times(reps) -> str:
    return ngettext("%(reps)s time", "%(reps)s times", reps) % {"reps": reps}


def step_lines(step: steps.Step, transition: str, exercises_total: int) -> dict:
    """The step screen's words that depend on the step (its count, dose, side and set,
    the timer's cues, the skip choices), worked out here once rather than by the
    template's tags: the template prints them. The msgids are the template's own."""
    item = step.item
    side, hold, reps = step.side, item.hold_seconds, item.reps
    if transition == "switch":
        banner = _("Switch sides")
    elif transition == "rest" and item.rest_seconds:
        banner = _("Rest for %(seconds)s seconds before this set.") % {"seconds": item.rest_seconds}
    else:
        banner = ""
    if hold and reps:
        holds = ngettext("hold each %(seconds)s second", "hold each %(seconds)s seconds", hold)
        amount = f"{_times(reps)}, {holds % {'seconds': hold}}"
    elif hold:
        amount = item.hold_text
    else:
        amount = _times(reps)
    swapped_from = getattr(item, "swapped_from", None)
    long_hold = hold is not None and hold >= 120 and not reps
    if side == "left":
        side_words, say_start = _("left side"), _("Left side. Go.")
        skip_side = _("Only the left side, this time")
    elif side == "right":
        side_words, say_start = _("right side"), _("Right side. Go.")
        skip_side = _("Only the right side, this time")
    else:
        side_words, say_start, skip_side = "", _("Go."), ""
    if transition == "start":
        say_ready, label_ready = _("Get into position."), _("Get into position")
    elif transition == "switch":
        say_ready, label_ready = _("Switch sides, and get into position."), _("Switch sides")
    else:
        say_ready, label_ready = _("Get ready."), _("Get ready")
    one_set = item.sets <= 1
    return {
        "count": _("Exercise %(n)s of %(total)s")
        % {"n": step.exercise_number, "total": exercises_total},
        "banner": banner,
        "swapped": ""
        if swapped_from is None
        else _("Instead of %(name)s today, an easier exercise for a bad-back day.")
        % {"name": swapped_from.name},
        "amount": amount,
        "side": side_words,
        "set": ""
        if one_set
        else _("set %(n)s of %(total)s") % {"n": step.set_number, "total": item.sets},
        "rest": item.rest_seconds if transition == "rest" else 0,
        "ready": step.exercise.transition_seconds if transition in ("start", "switch") else 3,
        "say_start": say_start,
        "say_end": _("Time is up. Well done.") if long_hold else _("And relax."),
        "say_ready": say_ready,
        "label_ready": label_ready,
        "label_hold": _("Keep going") if long_hold else _("Hold"),
        "skip_side": skip_side,
        "skip_set": ""
        if one_set
        else (_("Set %(n)s, both sides") if side != "both" else _("Only set %(n)s"))
        % {"n": step.set_number},
    }


def player(session: ExerciseSession, at=None) -> Player:
    """Where the session is: its logs (one query) and any pause (see pause()). `at` as
    is_past."""
    shown = items(session)
    all_steps = plan_steps(session)
    logs = logged(session)
    keys = {(log.item_id, log.side, log.set_number) for log in logs}
    current = steps.current_step(all_steps, keys)
    lock = pause(session)
    if session.status == SessionStatus.COMPLETED:
        stage = "summary"
    elif lock is not None:
        stage = "locked"
    elif is_past(session, at):
        stage = "past"
    elif session.pain_before is None:
        stage = "checkin"
    elif current is not None:
        stage = "step"
    else:
        stage = "checkout"
    return Player(
        session=session,
        stage=stage,
        items=shown,
        step=current,
        steps_total=len(all_steps),
        steps_done=len(keys),
        exercises_done=len({log.item_id for log in logs if log.status not in NOT_DONE}),
        lock=lock,
        all_steps=all_steps,
        logs=logs,
    )


@dataclass(frozen=True)
class Opening:
    """Whether today's session can start: a plan due (or a rest day, which may be used),
    no pause, and a recent safety check. Otherwise where to send the patient instead,
    with a message when the page there doesn't say why itself."""

    plan: Routine | None
    local_date: object
    refused_to: str = ""
    message: str | None = None


def session_code(patient, day) -> uuid.UUID:
    """The code a patient's session on `day` gets: derived (HMAC with the secret key)
    rather than random, so the phone knows it before the session exists and can run a
    day's session offline under its real address. Unguessable without SECRET_KEY, and
    unique because a patient has one session a day."""
    digest = salted_hmac("practice.session_code", f"{patient.pk}:{day.isoformat()}").digest()
    return uuid.UUID(bytes=digest[:16], version=4)


def opening(patient, day=None, at=None) -> Opening:
    """`day`: a session done offline names the day it was for; it must be the patient's
    date at `at` (when it began), within OFFLINE_SYNC_DAYS (the form bounds `at`)."""
    plan = Routine.objects.for_patient(patient).active().first()
    local_date = patient.local_date(at)
    if day is not None and day != local_date:
        return Opening(
            plan,
            local_date,
            "patient:today",
            _("That session can't be saved: its day doesn't match when it was done."),
        )
    if schedule.plan_state(plan, local_date) not in ("due", "rest"):
        return Opening(plan, local_date, "patient:today", _("There is no routine to start today."))
    if patient.exercise_paused:
        return Opening(plan, local_date, "patient:today")  # Today says why and what to do
    screening = Screening.objects.latest_for(patient)
    if safety.check_due(screening.local_date if screening else None, local_date):
        return Opening(plan, local_date, "patient:safety")
    return Opening(plan, local_date)


def start(patient, opened: Opening, *, bad_day: bool = False, at=None) -> ExerciseSession:
    """Today's session (unique per patient and day: a double tap or a retry opens the
    same one). A bad-back day swaps in the easier versions, unless a step is already
    logged, and tells the clinician once. `at`: when it began on the phone."""
    defaults = {
        "plan": opened.plan,
        "bad_day": bad_day,
        "code": session_code(patient, opened.local_date),
        "started": at or timezone.now(),
        "received": timezone.now(),
    }
    if not bad_day:
        return ExerciseSession.objects.get_or_create(
            patient=patient, local_date=opened.local_date, defaults=defaults
        )[0]
    with transaction.atomic():
        session, created = ExerciseSession.objects.get_or_create(
            patient=patient, local_date=opened.local_date, defaults=defaults
        )
        if not created and not session.bad_day and not session.logs.exists():
            ExerciseSession.objects.filter(pk=session.pk).update(bad_day=True)
        if created or not session.bad_day:
            raise_alert(
                patient,
                AlertKind.BAD_DAY,
                title=gettext_lazy("Bad-back day"),
                detail=format_lazy(
                    gettext_lazy("Chose the easier versions on {day}."),
                    day=opened.local_date.isoformat(),
                ),
            )
    return session


def check_in(session: ExerciseSession, pain: int) -> None:
    """Written once: a retried request can't overwrite the first answer."""
    ExerciseSession.objects.filter(pk=session.pk, pain_before__isnull=True).update(pain_before=pain)
    session.refresh_from_db(fields=["pain_before"])


def accepts_steps(session: ExerciseSession, at=None) -> bool:
    return (
        session.status != SessionStatus.COMPLETED
        and session.pain_before is not None
        and not is_past(session, at)
        and pause(session) is None
    )


def stop(session: ExerciseSession, reason: str, at=None) -> None:
    """Stops the session early: the reason is kept on the session (written once: a
    retry can't change it) and every step not yet logged is logged "stopped" with it.
    The patient then checks out as usual, so the session ends with its pain score.
    Stopping because it hurt tells the clinician at once, checked out or not."""
    with transaction.atomic():
        first = ExerciseSession.objects.filter(pk=session.pk, stopped_reason="").update(
            stopped_reason=reason
        )
        session.refresh_from_db(fields=["stopped_reason"])
        if first and session.stopped_for_pain:  # clinical.md §2.1: needs attention
            raise_alert(
                session.patient,
                AlertKind.STOPPED_FOR_PAIN,
                title=gettext_lazy("Stopped a session because it hurt"),
                detail=format_lazy(
                    gettext_lazy("On {day}, with pain {before} before starting."),
                    day=session.local_date.isoformat(),
                    before=session.pain_before,
                ),
            )
        done = set(session.logs.values_list("item_id", "side", "set_number"))
        StepLog.objects.bulk_create(
            [
                _log(session, remaining, StepStatus.STOPPED, session.stopped_reason, at)
                for remaining in plan_steps(session)
                if remaining.key not in done
            ],
            ignore_conflicts=True,  # a retried stop logs nothing twice
        )


def _log(session: ExerciseSession, step: steps.Step, status: str, reason: str, at=None) -> StepLog:
    item = step.item
    return StepLog(
        at=at or timezone.now(),
        session=session,
        item_id=item.pk,
        exercise=item.exercise,
        side=step.side,
        set_number=step.set_number,
        status=status,
        skip_reason=reason,
        reps=item.reps,
        hold_seconds=item.hold_seconds,
    )


def log_step(
    session: ExerciseSession,
    key,
    action: str,
    reason: str = "",
    scope: str = steps.SKIP_EXERCISE,
    at=None,
) -> bool:
    """Done, done the easier way, or skipped with the reason: this side only, this set
    (both its sides), or the rest of the exercise, as the patient chose. Each (session,
    item, side, set) is logged once whatever the retries. False, and nothing written,
    when `key` is no step of this session's plan."""
    all_steps = plan_steps(session)
    step = steps.find_step(all_steps, key)
    if step is None:
        return False
    if action == "skip":
        with transaction.atomic():
            done = session.logs.values_list("item_id", "side", "set_number")
            StepLog.objects.bulk_create(
                [
                    _log(session, remaining, StepStatus.SKIPPED, reason, at)
                    for remaining in steps.skipped_by(all_steps, step, scope, done)
                ],
                ignore_conflicts=True,  # a retried skip logs nothing twice
            )
        return True
    status = StepStatus.EASIER if action == "easier" else StepStatus.DONE
    # One statement: a retry finds the step logged and writes nothing (the unique
    # constraint, steplog_once_per_step, keeps the first answer).
    StepLog.objects.bulk_create([_log(session, step, status, "", at)], ignore_conflicts=True)
    return True
