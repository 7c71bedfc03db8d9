"""The clinic admin's report of the clinic (clinic/reports.py), as a page and as CSV."""

import csv

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.access import require_clinic_admin
from clinic import reports

CSV_KINDS = ("episodes", "summary")


def _period(request: HttpRequest, clinic, tell: bool = True):
    today = reports.clinic_today(clinic)
    period, form, problem = reports.period_from(request.GET, today)
    if problem and tell:
        messages.warning(request, problem)
    return period, form, today


@require_GET
@never_cache
def report(request: HttpRequest) -> HttpResponse:
    """Ten queries for any number of patients: session, user, second-step device, and
    the report's seven (clinic/reports.py)."""
    admin = require_clinic_admin(request.user)
    clinic = admin.clinic
    period, form, today = _period(request, clinic)
    context = {
        "clinic": clinic,
        "form": form,
        "report": reports.build(clinic, period, today),
        "good_percent": int(reports.GOOD_ADHERENCE * 100),
        "small_n": reports.SMALL_N,
        "meaningful": reports.MEANINGFUL_POINTS,
        "pain_meaningful": reports.pain_meaningful(),
    }
    return render(request, "clinic/reports.html", context)


@require_GET
@never_cache
def report_csv(request: HttpRequest) -> HttpResponse:
    """?kind=episodes (the default): one row per episode discharged in the period, by
    the episode's code and the clinic's own patient number (if any), never a name.
    ?kind=summary: the page's numbers, one per row. An unknown kind gets the episodes."""
    admin = require_clinic_admin(request.user)
    clinic = admin.clinic
    # A bad period gives the default one (the file's name says which), without a
    # message: it would wait for the next page, out of context.
    period, _form, today = _period(request, clinic, tell=False)
    kind = request.GET.get("kind")
    kind = kind if kind in CSV_KINDS else "episodes"
    if kind == "summary":
        rows = reports.summary_csv_rows(reports.build(clinic, period, today))
    else:
        rows = reports.episode_csv_rows(reports.episode_rows(clinic, period))
    filename = (
        f"hipmob-{clinic.slug}-{kind}-{period.start.isoformat()}-to-{period.end.isoformat()}.csv"
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv.writer(response).writerows(rows)
    return response
