from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.access import require_patient
from patient.today import today_for
from practice.forms import MorningForm
from progression import events


@require_GET
@never_cache
def today(request: HttpRequest) -> HttpResponse:
    """patient/today.py gathers the page: twelve queries whatever the history's length."""
    context = today_for(require_patient(request.user)).context()
    return render(request, "patient/today.html", {**context, "morning_form": MorningForm()})


@require_POST
def morning_check(request: HttpRequest) -> HttpResponse:
    """One a day (a database constraint): a second answer, or a retry, changes nothing."""
    patient = require_patient(request.user)
    form = MorningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose better, the same or worse, and a number from 0 to 10."))
        return redirect("patient:today")
    events.morning_check(patient, **form.cleaned_data)
    messages.success(request, _("Thanks. Your clinician will see how you settled."))
    return redirect("patient:today")
