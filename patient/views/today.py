from datetime import timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.access import require_patient
from learn.models import Read
from practice.forms import MorningForm
from practice.models import ExerciseSession, MorningCheck, SessionStatus
from progression import adherence, psfs, suggestions
from progression.models import PsfsScore
from reminders.breaks import sitting_breaks
from reminders.models import ReminderSettings
from routines import schedule
from routines.models import Routine
from safety import rules as safety
from safety.models import Screening


@require_GET
@never_cache
def today(request: HttpRequest) -> HttpResponse:
    """Twelve queries whatever the plan's size or the length of the history: session,
    user, plan, its items, this week's sessions, the last finished one, the latest
    safety check, any check that pauses exercise, this morning's check, the latest
    activity scores, the reads attached to the plan and the reminder settings; and one
    more for the sitting-break moves when the patient asked for them."""
    patient = require_patient(request.user)
    local_date = patient.local_date()
    plan = Routine.objects.for_patient(patient).active().first()
    # The items in a query of their own: the same two queries as with_items(), without
    # the prefetch machinery's cost.
    items = list(plan.items.select_related("exercise")) if plan else []
    state = schedule.plan_state(plan, local_date)
    week_start = schedule.week_of(local_date)[0]
    yesterday = local_date - timedelta(days=1)
    this_week = list(
        ExerciseSession.objects.filter(patient=patient, local_date__gte=min(week_start, yesterday))
    )
    completed = {s.local_date for s in this_week if s.status == SessionStatus.COMPLETED}
    todays = next((s for s in this_week if s.local_date == local_date), None)
    last = (
        ExerciseSession.objects.completed().filter(patient=patient).order_by("-local_date").first()
    )
    week = adherence.week(plan, local_date, completed) if plan else []
    screening = Screening.objects.latest_for(patient)
    last_psfs = PsfsScore.objects.filter(patient=patient).order_by("-local_date").first()
    yesterdays = next(
        (s for s in this_week if s.local_date == yesterday and s.status == SessionStatus.COMPLETED),
        None,
    )
    # Always asked (not only after a session), so the page's query count is fixed.
    checked_this_morning = MorningCheck.objects.filter(
        patient=patient, local_date=local_date
    ).exists()
    morning_due = yesterdays is not None and not checked_this_morning
    done, due = adherence.ratio(week)
    locked_by = Screening.objects.pausing_for(patient)
    wants_breaks = ReminderSettings.for_patient(patient).sitting_breaks and locked_by is None
    context = {
        "plan": plan,
        "items": items,
        "state": state,
        "local_date": local_date,
        "next_due": schedule.next_due(plan, local_date) if state == "rest" else None,
        "minutes": max(1, round(sum(item.estimated_seconds for item in items) / 60)),
        "days_label": schedule.days_label(plan.schedule_days) if plan else "",
        "todays_session": todays,
        "last_session": last,
        "week": week,
        "locked_by": locked_by,
        "reads": list(Read.objects.published().localized().attached_to(plan)) if plan else [],
        # Movement ideas are never offered while a safety answer pauses exercise.
        "breaks": sitting_breaks() if wants_breaks else [],
        "check_due": safety.check_due(screening.local_date if screening else None, local_date),
        "morning_due": morning_due,
        "morning_form": MorningForm(),
        "psfs_due": plan is not None and psfs.due(last_psfs, local_date),
        "week_done": done,
        "week_due": due,
        "missed_yesterday": plan is not None
        and adherence.day_status(plan, yesterday, local_date, completed) == "missed",
    }
    return render(request, "patient/today.html", context)


@require_POST
def morning_check(request: HttpRequest) -> HttpResponse:
    """One a day (a database constraint): a second answer, or a retry, changes nothing."""
    patient = require_patient(request.user)
    form = MorningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose better, the same or worse, and a number from 0 to 10."))
        return redirect("patient:today")
    local_date = patient.local_date()
    yesterday = (
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date=local_date - timedelta(days=1))
        .first()
    )
    _check, created = MorningCheck.objects.get_or_create(
        patient=patient,
        local_date=local_date,
        defaults={
            "session": yesterday,
            "response": form.cleaned_data["response"],
            "pain": form.cleaned_data["pain"],
        },
    )
    if created:
        suggestions.refresh(patient)
    messages.success(request, _("Thanks. Your clinician will see how you settled."))
    return redirect("patient:today")
