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
from practice.forms import CheckInForm, CheckOutForm, StepForm, StopForm
from practice.models import ExerciseSession, SkipReason, StopReason
from progression import events

TEMPLATE = "patient/session.html"


def _context(session: ExerciseSession, **forms) -> dict:
    return {
        **player.player(session).context(),
        "checkin_form": CheckInForm(),
        "checkout_form": CheckOutForm(),
        "step_form": None,
        "stop_form": None,
        "reasons": SkipReason.choices,
        "stop_reasons": StopReason.choices,
        **forms,
    }


def _respond(request: HttpRequest, session: ExerciseSession, status=200, **forms) -> HttpResponse:
    if request.htmx:
        return render(request, f"{TEMPLATE}#player", _context(session, **forms), status=status)
    if status != 200:
        return render(request, TEMPLATE, _context(session, **forms), status=status)
    return redirect("patient:session", code=session.code)


def _start(request: HttpRequest, *, bad_day: bool) -> HttpResponse:
    patient = require_patient(request.user)
    opened = player.opening(patient)
    if opened.refused_to:
        if opened.message:
            messages.info(request, opened.message)
        return redirect(opened.refused_to)
    session = player.start(patient, opened, bad_day=bad_day)
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
    return render(request, template, _context(session))


@require_POST
@never_cache
def check_in(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    if player.is_past(session) or player.pause(session):
        return _respond(request, session)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return _respond(request, session, status=422, checkin_form=form)
    player.check_in(session, form.cleaned_data["pain"])
    return _respond(request, session)


@require_POST
@never_cache
def log_step(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    if not player.accepts_steps(session):
        return _respond(request, session)  # nothing to log now: show where we are
    form = StepForm(request.POST)
    if not form.is_valid():
        return _respond(request, session, status=422, step_form=form)
    data = form.cleaned_data
    if not player.log_step(session, form.key, data["action"], data["reason"], data["scope"]):
        # A step of someone else's plan, or one that doesn't exist.
        form.add_error(None, _("That exercise isn't part of this session."))
        return _respond(request, session, status=422, step_form=form)
    return _respond(request, session)


@require_POST
@never_cache
def stop(request: HttpRequest, code) -> HttpResponse:
    """Stop for today, at any step: the reason saved, the steps left logged as not
    done, then the usual check-out."""
    session = player.session_for(require_patient(request.user), code)
    if not player.accepts_steps(session):
        return _respond(request, session)  # nothing to stop now: show where we are
    form = StopForm(request.POST)
    if not form.is_valid():
        return _respond(request, session, status=422, stop_form=form)
    player.stop(session, form.cleaned_data["reason"])
    return _respond(request, session)


@require_POST
@never_cache
def check_out(request: HttpRequest, code) -> HttpResponse:
    session = player.session_for(require_patient(request.user), code)
    if player.player(session).stage != "checkout":
        return _respond(request, session)  # paused, finished, or steps still to do
    form = CheckOutForm(request.POST)
    if not form.is_valid():
        return _respond(request, session, status=422, checkout_form=form)
    events.check_out(session, **form.cleaned_data)
    return _respond(request, session)
