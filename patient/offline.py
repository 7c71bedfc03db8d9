"""What a patient's phone keeps so that a session works without a connection.

The service worker (templates/sw.js) asks for this pack whenever a patient page loads
online, and keeps it until the next one or until sign-out. It holds the next
OFFLINE_DAYS days of the plan and every screen of a session as the server renders it:
check-in, each step, check-out, for the plan and for a bad-back day. Offline, the
service worker answers the player's requests with these screens and queues each answer
(with the time it was given) to send in order when the connection is back; the server
then saves them exactly as if they had arrived at once (practice/player.py: every
write is safe to repeat, and keeps the phone's time).

What it holds is limited to what those sessions need: the plan, its exercises, the
patient's first name, and the advice for each pair of pain scores. Nothing from the
history. Screens are rendered once with a placeholder in place of the session's code;
the service worker puts each day's code in (practice.player.session_code).

Seven queries whatever the plan's size: plan, items with their exercises and easier
versions, the walking break (only with a bad-back day substitute missing), latest
safety check, any check that pauses exercise, and the sessions of these days."""

import re
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from patient.today import item_rows
from patient.views.player import TEMPLATE, context_for
from practice import player, steps
from practice.advice import pain_advice
from practice.models import ExerciseSession, SessionStatus, StopReason
from routines import schedule
from routines.models import Routine
from safety import rules as safety
from safety.models import Screening

PLACEHOLDER = str(uuid.UUID(int=0))
VERSION = 1
# Static files and pictures the screens use: cached beside the pack.
ASSET = re.compile(r'(?:src|href)="(/(?:static|media)/[^"]+)"')


def _render(request: HttpRequest, template: str, context: dict) -> str:
    return render_to_string(template, {**context, "offline": True}, request=request)


def _state(session, shown, all_steps, stage: str, index: int | None = None) -> player.Player:
    """A player state that doesn't exist yet: the session at `stage`, every step before
    `index` logged (steps run in order, so that is where a session at `index` is)."""
    return player.Player(
        session=session,
        stage=stage,
        items=shown,
        step=all_steps[index] if index is not None else None,
        steps_total=len(all_steps),
        steps_done=len(all_steps) if index is None else index,
        exercises_done=0,
        lock=None,
        all_steps=all_steps,
        logs=[],
    )


def _screens(request: HttpRequest, session: ExerciseSession) -> dict:
    """Every screen of a session of this plan, and the steps' keys in order."""
    shown = player.items(session)
    all_steps = steps.plan_steps(shown)
    fragment = f"{TEMPLATE}#player"
    checkout = {}
    for reason in ["", *StopReason.values]:
        session.stopped_reason = reason
        checkout[reason] = _render(
            request, fragment, context_for(_state(session, shown, all_steps, "checkout"))
        )
    session.stopped_reason = ""
    return {
        "keys": [[s.item.pk, s.side, s.set_number] for s in all_steps],
        "checkin": _render(
            request, fragment, context_for(_state(session, shown, all_steps, "checkin"))
        ),
        "steps": [
            _render(request, fragment, context_for(_state(session, shown, all_steps, "step", i)))
            for i in range(len(all_steps))
        ],
        "checkout": checkout,
        "summary": _render(
            request, fragment, context_for(_state(session, shown, all_steps, "saved_offline"))
        ),
    }


def _stop_advice(request: HttpRequest, session: ExerciseSession) -> dict:
    """The summary's advice after stopping early, for each reason (none for no stop)."""
    advice = {}
    for reason in StopReason.values:
        session.stopped_reason = reason
        advice[reason] = _render(request, f"{TEMPLATE}#stop_advice", {"session": session})
    session.stopped_reason = ""
    return advice


def _advice(request: HttpRequest, session: ExerciseSession) -> dict:
    """The summary's pain line and advice for each pair of scores (practice/advice.py),
    so the phone never works the advice out itself."""
    table = {}
    for before in range(11):
        for after in range(11):
            session.pain_before, session.pain_after = before, after
            table[f"{before},{after}"] = _render(
                request,
                f"{TEMPLATE}#pain_advice",
                {"session": session, "advice": pain_advice(before, after)},
            )
    high = {}
    for before in range(settings.PAIN_SEVERE, 11):
        session.pain_before = before
        high[str(before)] = _render(request, f"{TEMPLATE}#high_pain", {"session": session})
    session.pain_before = session.pain_after = None
    return {"advice": table, "high_pain": high}


def _day_status(existing: ExerciseSession | None) -> str:
    if existing is None:
        return "new"
    return "completed" if existing.status == SessionStatus.COMPLETED else "started"


def _days(request: HttpRequest, patient, plan, items, first: date, paused: bool) -> list[dict]:
    screening = Screening.objects.latest_for(patient)
    last_check = screening.local_date if screening else None
    horizon = [first + timedelta(days=n) for n in range(settings.OFFLINE_DAYS)]
    existing = {
        s.local_date: s
        for s in ExerciseSession.objects.filter(patient=patient, local_date__in=horizon)
    }
    rows = item_rows(items)
    days = []
    for day in horizon:
        state = schedule.plan_state(plan, day)
        session = existing.get(day)
        code = session.code if session else player.session_code(patient, day)
        if paused:
            why = "paused"
        elif state not in ("due", "rest"):
            why = state
        elif session is None and safety.check_due(last_check, day):
            why = "check_due"
        else:
            why = ""
        pages = {}
        for status in ("new", "started", "completed"):
            pages[status] = render_to_string(
                "patient/offline_today.html",
                {
                    "plan": plan,
                    "items": items,
                    "item_rows": rows,
                    "day": day,
                    "state": state,
                    "why": why,
                    "status": status,
                    "code": code,
                    "bad_day": bool(session and session.bad_day),
                    "days_label": schedule.days_label(plan.schedule_days) if plan else "",
                },
                request=request,
            )
        # An unfinished session once its day is over, as the player shows it.
        over = ExerciseSession(code=PLACEHOLDER, patient=patient, local_date=day)
        over.plan_items, over._pause = [], None
        past = _render(request, f"{TEMPLATE}#player", context_for(_state(over, [], [], "past")))
        days.append(
            {
                "date": day.isoformat(),
                "code": str(code),
                "available": why == "",
                "paused": paused,
                "past": past,
                "status": _day_status(session),
                "bad_day": bool(session and session.bad_day),
                "today": pages,
            }
        )
    return days


def _texts() -> dict:
    return {
        "invalid": _("That wasn't saved: please answer every question on this screen."),
        # "%(n)s" is put in by the service worker. Short: the player's status line must
        # leave the step its whole screen. The same texts as templates/base.html's.
        "waiting_one": _("%(n)s step waiting to send."),
        "waiting_other": _("%(n)s steps waiting to send."),
    }


def build(request: HttpRequest, patient) -> dict:
    plan = Routine.objects.for_patient(patient).active().first()
    first = patient.local_date()
    items = []
    player_screens = {}
    if plan is not None:
        items = list(
            plan.items.select_related("exercise__easier", "bad_day_exercise").order_by(
                "order", "id"
            )
        )
        for variant, bad_day in (("normal", False), ("bad_day", True)):
            session = ExerciseSession(
                code=PLACEHOLDER, patient=patient, plan=plan, local_date=first, bad_day=bad_day
            )
            session.plan_items = items
            session._pause = None
            player_screens[variant] = _screens(request, session)
    lock = Screening.objects.pausing_for(patient) if patient.exercise_paused else None
    days = _days(request, patient, plan, items, first, paused=lock is not None)
    shell_session = ExerciseSession(code=PLACEHOLDER, patient=patient, local_date=first)
    shell_session.plan_items = []
    shell_session._pause = lock
    shell = render_to_string(
        TEMPLATE,
        {**context_for(_state(shell_session, [], [], "checkin")), "shell": True},
        request=request,
    )
    locked = ""
    if lock is not None:
        state = _state(shell_session, [], [], "locked")
        state.lock = lock
        locked = _render(request, f"{TEMPLATE}#player", context_for(state))
    offline_page = render_to_string("patient/offline.html", request=request)
    pack = {
        "version": VERSION,
        "user": str(patient.code),
        "timezone": patient.timezone,
        "placeholder": PLACEHOLDER,
        "days": days,
        "player": player_screens,
        "shell": shell,
        "locked": locked,
        "offline": offline_page,
        "texts": _texts(),
        # For sending what waited on the phone when the token it was given has changed.
        "csrf": get_token(request),
        "urls": {
            "today": reverse("patient:today"),
            "start": reverse("patient:start"),
            "start_bad_day": reverse("patient:start_bad_day"),
        },
        **(_advice(request, ExerciseSession(patient=patient)) if plan else {}),
        "stop_advice": _stop_advice(request, ExerciseSession(patient=patient)) if plan else {},
    }
    pages = [shell, offline_page, *(d["today"]["new"] for d in days)]
    for variant in player_screens.values():
        pages.extend(variant["steps"])
    assets = {static("css/app.css"), static("img/icon.svg")}
    for page in pages:
        assets.update(ASSET.findall(page))
    pack["assets"] = sorted(assets)
    return pack
