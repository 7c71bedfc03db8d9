"""The guided session's pages: check-in, one screen per step, check-out, summary. The
rules are in practice/player.py; each view checks access, reads a form, makes one call
and renders where the session now is.

HTMX gets the player fragment; a plain form is answered with a redirect to the session
page (POST, redirect, GET), which shows the current stage, so it works without
JavaScript. Every POST is safe to repeat (practice/player.py says why)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.access import require_patient
from practice import player
from practice.forms import CheckInForm, CheckOutForm, StartForm, StepForm, StopForm
from practice.models import ExerciseSession, SessionStatus, SkipReason, StopReason
from progression import events

TEMPLATE = "patient/session.html"


def _context(session: ExerciseSession, **forms) -> dict:
    return context_for(player.player(session), **forms)


def context_for(state: player.Player, **forms) -> dict:
    """The template's context for a player state (patient/offline.py renders states
    that don't exist yet with it, for the phone to show offline). A form is made only
    for the stage that shows it."""
    return {
        **state.context(),
        "checkin_form": CheckInForm() if state.stage == "checkin" else None,
        "checkout_form": CheckOutForm() if state.stage == "checkout" else None,
        "step_form": None,
        "stop_form": None,
        "reasons": SkipReason.choices,
        "stop_reasons": StopReason.choices,
        **forms,
    }


def _render(request: HttpRequest, template: str, context: dict, status=200) -> HttpResponse:
    """The page or fragment, with where the session is in headers: the service worker
    (templates/sw.js) reads them to carry on offline from this very step."""
    response = render(request, template, context, status=status)
    step = context["step"]
    response["HipMob-Session"] = str(context["session"].code)
    response["HipMob-Stage"] = context["stage"]
    response["HipMob-Step"] = "" if step is None else str(step.index)
    pain_before = context["session"].pain_before
    response["HipMob-Pain-Before"] = "" if pain_before is None else str(pain_before)
    response["HipMob-Bad-Day"] = "1" if context["session"].bad_day else ""
    response["HipMob-Stopped"] = context["session"].stopped_reason
    return response


def _replayed(request: HttpRequest) -> bool:
    """An answer the phone kept offline and sends now (templates/sw.js)."""
    return request.headers.get("HipMob-Replay") == "1"


def _answer_replay(saved: bool, status: int) -> HttpResponse:
    """For an answer sent late no page is wanted, only whether it is saved now: 204, or
    409 when it isn't (the session was finished or paused meanwhile, or its day had
    passed when the answer was given), 422 when it wasn't valid; the phone tells the
    patient what couldn't be saved instead of counting it as sent."""
    if status != 200:
        return HttpResponse(status=status)
    return HttpResponse(status=204 if saved else 409)


def _respond(
    request: HttpRequest, session: ExerciseSession, status=200, saved=None, **forms
) -> HttpResponse:
    """The player where the session now is. `saved`: for a replayed answer, whether it
    is now in the database (a callable, asked only then)."""
    if saved is not None and _replayed(request):
        return _answer_replay(status == 200 and saved(), status)
    if request.htmx:
        return _render(request, f"{TEMPLATE}#player", _context(session, **forms), status=status)
    if status != 200:
        return _render(request, TEMPLATE, _context(session, **forms), status=status)
    return redirect("patient:session", code=session.code)


def _start(request: HttpRequest, *, bad_day: bool) -> HttpResponse:
    patient = require_patient(request.user)
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect("patient:today")
    at = form.cleaned_data["at"]
    opened = player.opening(patient, day=form.cleaned_data["day"], at=at)
    if opened.refused_to:
        if opened.message:
            messages.info(request, opened.message)
        return redirect(opened.refused_to)
    session = player.start(patient, opened, bad_day=bad_day, at=at)
    return redirect("patient:session", code=session.code)


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    return _start(request, bad_day=False)


@require_POST
def start_bad_day(request: HttpRequest) -> HttpResponse:
    """A bad-back day: today's session with the easier versions, and the clinician told."""
    return _start(request, bad_day=True)


@require_GET
@never_cache
@vary_on_headers("HX-Request")
def session_page(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    template = f"{TEMPLATE}#player" if request.htmx else TEMPLATE
    return _render(request, template, _context(session))


@require_POST
@never_cache
def check_in(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    form = CheckInForm(request.POST)
    valid = form.is_valid()

    def saved() -> bool:
        return session.pain_before is not None

    if player.is_past(session, form.cleaned_data.get("at")) or player.pause(session):
        return _respond(request, session, saved=saved)
    if not valid:
        return _respond(request, session, status=422, saved=saved, checkin_form=form)
    player.check_in(session, form.cleaned_data["pain"])
    return _respond(request, session, saved=saved)


@require_POST
@never_cache
def log_step(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    form = StepForm(request.POST)
    valid = form.is_valid()

    def saved() -> bool:
        item, side, set_number = form.key
        return session.logs.filter(item_id=item, side=side, set_number=set_number).exists()

    if not valid:
        if _replayed(request):
            return _answer_replay(False, 422)
        if not player.accepts_steps(session, form.cleaned_data.get("at")):
            return _respond(request, session)  # nothing to log now: show where we are
        return _respond(request, session, status=422, step_form=form)
    if not player.accepts_steps(session, form.cleaned_data["at"]):
        return _respond(request, session, saved=saved)  # nothing to log now: show where we are
    data = form.cleaned_data
    if not player.log_step(
        session, form.key, data["action"], data["reason"], data["scope"], at=data["at"]
    ):
        # A step of someone else's plan, or one that doesn't exist.
        form.add_error(None, _("That exercise isn't part of this session."))
        return _respond(request, session, status=422, saved=saved, step_form=form)
    return _respond(request, session, saved=saved)


@require_POST
@never_cache
def stop(request: HttpRequest, code) -> HttpResponse:
    """Stop for today, at any step: the reason saved, the steps left logged as not
    done, then the usual check-out."""
    session = player.session_for(require_patient(request.user), code)
    form = StopForm(request.POST)
    valid = form.is_valid()

    def saved() -> bool:
        return bool(session.stopped_reason)

    if not player.accepts_steps(session, form.cleaned_data.get("at")):
        return _respond(request, session, saved=saved)  # nothing to stop now: where we are
    if not valid:
        return _respond(request, session, status=422, saved=saved, stop_form=form)
    player.stop(session, form.cleaned_data["reason"], at=form.cleaned_data["at"])
    return _respond(request, session, saved=saved)


@require_POST
@never_cache
def check_out(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    form = CheckOutForm(request.POST)
    valid = form.is_valid()

    def saved() -> bool:
        return session.status == SessionStatus.COMPLETED

    if player.player(session, form.cleaned_data.get("at")).stage != "checkout":
        return _respond(request, session, saved=saved)  # paused, finished, or steps to do
    if not valid:
        return _respond(request, session, status=422, saved=saved, checkout_form=form)
    events.check_out(session, **form.cleaned_data)
    return _respond(request, session, saved=saved)
