"""The Patient-Specific Functional Scale: when it's due, the form, and the page."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from routines.access import require_patient
from routines.forms import PAIN_CHOICES
from routines.models import PsfsScore

EVERY_DAYS = 14
MAX_ACTIVITIES = 3
MEANINGFUL = Decimal(2)  # detectable change of the mean, 90 % confidence (clinical.md §4)


def due(last: PsfsScore | None, today) -> bool:
    return last is None or today - last.local_date >= timedelta(days=EVERY_DAYS)


def mean(scores: list[int]) -> Decimal:
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP)


class PsfsForm(forms.Form):
    """The first time, the patient names the activities; after that, the same ones are
    rated again (that is what makes the scores comparable)."""

    def __init__(self, *args, activities: list[str] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed = activities
        for n in range(len(activities) if activities else MAX_ACTIVITIES):
            if not activities:
                self.fields[f"activity_{n}"] = forms.CharField(
                    label=gettext_lazy("Activity %(n)s") % {"n": n + 1},
                    max_length=80,
                    required=n == 0,
                    strip=True,
                    widget=forms.TextInput(attrs={"placeholder": _("e.g. putting on socks")}),
                )
            self.fields[f"score_{n}"] = forms.TypedChoiceField(
                label=activities[n] if activities else gettext_lazy("How well can you do it?"),
                choices=PAIN_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                required=bool(activities) or n == 0,
                error_messages={"required": _("Choose a number from 0 to 10.")},
            )

    def clean(self):
        cleaned = super().clean()
        if not self.fixed:
            for n in range(MAX_ACTIVITIES):
                named = cleaned.get(f"activity_{n}")
                scored = cleaned.get(f"score_{n}") not in (None, "")
                if named and not scored:
                    self.add_error(f"score_{n}", _("Rate this activity from 0 to 10."))
                if scored and not named:
                    self.add_error(f"activity_{n}", _("Name the activity you are rating."))
        return cleaned

    def rated(self) -> list[dict]:
        rows = []
        for n in range(len(self.fixed) if self.fixed else MAX_ACTIVITIES):
            name = self.fixed[n] if self.fixed else self.cleaned_data.get(f"activity_{n}")
            score = self.cleaned_data.get(f"score_{n}")
            if name and score not in (None, ""):
                rows.append({"activity": name, "score": int(score)})
        return rows


def _rows(form):
    return [
        (form[f"activity_{n}"] if f"activity_{n}" in form.fields else None, form[f"score_{n}"])
        for n in range(len(form.fixed) if form.fixed else MAX_ACTIVITIES)
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
        rated = form.rated()
        try:
            with transaction.atomic():
                PsfsScore.objects.create(
                    patient=patient,
                    local_date=patient.local_date(),
                    activities=rated,
                    mean=mean([r["score"] for r in rated]),
                )
        except IntegrityError:
            pass  # already answered today: a retry or a second tab
        messages.success(request, _("Thanks. Your clinician will see how things are going."))
        return redirect("routines:today")
    context = {
        "form": form,
        "rows": _rows(form),
        "first_time": first is None,
        "due": due(scores[-1] if scores else None, patient.local_date()),
    }
    return render(
        request, "routines/psfs.html", context, status=422 if request.method == "POST" else 200
    )
