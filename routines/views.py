from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from routines import schedule
from routines.access import patients_of, require_clinician, require_patient
from routines.models import Routine, RoutineItem


def _plan_items():
    return RoutineItem.objects.select_related("exercise").order_by("order", "id")


@require_GET
@never_cache
def today(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    local_date = patient.local_date()
    plan = (
        Routine.objects.for_patient(patient)
        .active()
        .prefetch_related(Prefetch("items", queryset=_plan_items()))
        .first()
    )
    items = list(plan.items.all()) if plan else []
    state = schedule.plan_state(plan, local_date)
    context = {
        "plan": plan,
        "items": items,
        "state": state,
        "local_date": local_date,
        "next_due": schedule.next_due(plan, local_date) if state == "rest" else None,
        "minutes": max(1, round(sum(item.estimated_seconds for item in items) / 60)),
        "days_label": schedule.days_label(plan.schedule_days) if plan else "",
    }
    return render(request, "routines/today.html", context)


@require_GET
@never_cache
def patient_list(request: HttpRequest) -> HttpResponse:
    clinician = require_clinician(request.user)
    active_plans = Routine.objects.plans().active().only("title", "patient_id")
    patients = (
        patients_of(clinician)
        .prefetch_related(Prefetch("plans", queryset=active_plans, to_attr="active_plans"))
        .order_by("name", "username")
    )
    return render(request, "routines/patient_list.html", {"patients": patients})
