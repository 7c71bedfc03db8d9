"""The Patient-Specific Functional Scale page (progression/psfs.py has the rules)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.access import require_patient
from progression import psfs as rules
from progression.forms import PsfsForm
from progression.models import PsfsScore


def _rows(form):
    return [
        (form[f"activity_{n}"] if f"activity_{n}" in form.fields else None, form[f"score_{n}"])
        for n in range(len(form.fixed) if form.fixed else rules.MAX_ACTIVITIES)
    ]


@require_http_methods(["GET", "POST"])
@never_cache
def psfs(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    scores = list(PsfsScore.objects.filter(patient=patient).order_by("local_date"))
    first = scores[0] if scores else None
    activities = [a["activity"] for a in first.activities] if first else None
    form = PsfsForm(request.POST or None, activities=activities)
    if request.method == "POST" and form.is_valid():
        rules.record(patient, form.rated())
        messages.success(request, _("Thanks. Your clinician will see how things are going."))
        return redirect("patient:today")
    context = {
        "form": form,
        "rows": _rows(form),
        "first_time": first is None,
        "due": rules.due(scores[-1] if scores else None, patient.local_date()),
    }
    return render(
        request, "patient/psfs.html", context, status=422 if request.method == "POST" else 200
    )
