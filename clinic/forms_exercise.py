"""The form a clinic admin writes the clinic's own exercise with: what a clinician
needs to prescribe it and a patient to do it, with the catalogue's limits (cues 3 to
6 lines, the dose within the model's validators) and one of the project's own
drawings. The shared catalogue is edited in the Django admin instead."""

from functools import cache
from pathlib import Path

from django import forms
from django.contrib.staticfiles import finders
from django.utils.translation import gettext_lazy as _

from exercises.admin import clean_cue_lines
from exercises.models import HOLD_SECONDS, REPS, REST_SECONDS, SETS, Kind, Level

DRAWINGS = "img/exercises/"


@cache
def drawings() -> tuple[str, ...]:
    """The shipped drawings of an end position (each may have a "-start" partner), as
    paths under static/. Read once per process: they change only with a release."""
    folder = finders.find(DRAWINGS.rstrip("/"))
    if not folder:
        return ()
    return tuple(
        DRAWINGS + path.name
        for path in sorted(Path(folder).glob("*.svg"))
        if not path.stem.endswith("-start")
    )


def start_drawing(path: str) -> str:
    """The start-position partner of a drawing, "" when it has none."""
    partner = path.removesuffix(".svg") + "-start.svg"
    return partner if finders.find(partner) else ""


def _drawing_label(path: str) -> str:
    return Path(path).stem.replace("-", " ").capitalize()


def _number(limits: tuple[int, int], label, required: bool = True, **kwargs):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=limits[0],
        max_value=limits[1],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        **kwargs,
    )


class OwnExerciseForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, strip=True)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices, initial=Level.BEGINNER)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=200,
        strip=True,
        help_text=_("One plain sentence: what it does for you."),
    )
    target = forms.CharField(
        label=_("What it works"),
        max_length=200,
        strip=True,
        help_text=_("In plain words, e.g. “the back of the thigh”."),
    )
    start_position = forms.CharField(
        label=_("Starting position"), widget=forms.Textarea(attrs={"rows": 3}), strip=True
    )
    cues = forms.CharField(
        label=_("How to do it"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One cue per line, 3 to 6 lines."),
    )
    mistakes = forms.CharField(
        label=_("Common mistakes (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    cautions = forms.CharField(
        label=_("Cautions (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    sets = _number(SETS, _("Sets"), initial=2)
    reps = _number(REPS, _("Reps"), required=False)
    hold_seconds = _number(HOLD_SECONDS, _("Hold (seconds)"), required=False)
    rest_seconds = _number(REST_SECONDS, _("Rest between sets (seconds)"), initial=30)
    per_side = forms.BooleanField(label=_("Each side"), required=False)
    illustration = forms.ChoiceField(
        label=_("Drawing"),
        help_text=_("One of HipMob's own drawings: choose the closest to your exercise."),
    )
    illustration_alt = forms.CharField(
        label=_("Picture description"),
        max_length=300,
        strip=True,
        help_text=_("Describes the movement for people who can't see the picture."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["illustration"].choices = [(p, _drawing_label(p)) for p in drawings()]

    def clean_cues(self):
        return clean_cue_lines(self.cleaned_data["cues"], required=True)

    def clean(self):
        cleaned = super().clean()
        if "reps" in self.errors or "hold_seconds" in self.errors:
            return cleaned
        if not cleaned.get("reps") and not cleaned.get("hold_seconds"):
            self.add_error("reps", _("Give reps, a hold time, or both (a hold on each rep)."))
        return cleaned
