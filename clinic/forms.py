"""Forms for the clinician's workspace. Every foreign key a clinician can post is
limited to what they may use (published exercises, their own or shared templates)."""

from datetime import timedelta

from django import forms
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.access import parse_uuid
from accounts.validators import timezone_names
from exercises.models import Exercise
from routines.builder import DOSE_FIELDS
from routines.models import Routine, RoutineItem
from routines.schedule import WEEKDAY_NAMES

COMMON_TIMEZONES = [
    "Europe/London",
    "Europe/Dublin",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
]


def timezone_choices():
    others = sorted(timezone_names() - set(COMMON_TIMEZONES))
    return [(_("Common"), [(z, z) for z in COMMON_TIMEZONES]), (_("All"), [(z, z) for z in others])]


class AddPatientForm(forms.Form):
    request_id = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=150, strip=True)
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("Only used if you choose to send reminders later."),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        initial="Europe/London",
        help_text=_("Decides which day is “today” for them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = timezone_choices()

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(ord(ch) < 32 for ch in name):
            raise forms.ValidationError(_("Use letters, spaces and punctuation only."))
        return name


class DaysField(forms.TypedMultipleChoiceField):
    """Days of the week as a bit field: Monday is bit 0."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        choices = [(str(i), name) for i, name in enumerate(WEEKDAY_NAMES)]
        super().__init__(choices=choices, coerce=int, **kwargs)

    def clean(self, value):
        days = super().clean(value)
        return sum(1 << day for day in set(days))


class AssignForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Routine"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of your routines or a shared one.")},
    )
    days = DaysField(
        label=_("Days of the week"),
        initial=[str(i) for i in range(7)],
        error_messages={"required": _("Choose at least one day.")},
    )
    start_date = forms.DateField(
        label=_("Start"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end_date = forms.DateField(
        label=_("End (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, templates, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.today = today

    @classmethod
    def for_patient(cls, data, *, patient, templates, template_code: str = "") -> "AssignForm":
        """Starting today, on the current plan's days and to its end date unless the
        clinician changes them (one query); with the template named in the URL, if
        any, chosen (one more)."""
        today = patient.local_date()
        initial = {"start_date": today}
        current = Routine.objects.for_patient(patient).active().first()
        if current:
            initial["days"] = [str(i) for i in range(7) if current.schedule_days & (1 << i)]
            initial["end_date"] = current.end_date
        if template_code:
            initial["template"] = templates.filter(code=parse_uuid(template_code)).first()
        return cls(data, templates=templates, today=today, initial=initial)

    def clean_template(self):
        template = self.cleaned_data["template"]
        # Read once, into the template's own cache: the copy (routines/plans.py) uses
        # these rows instead of reading them again.
        exercises = RoutineItem.objects.select_related("exercise", "bad_day_exercise")
        prefetch_related_objects([template], Prefetch("items", queryset=exercises))
        items = list(template.items.all())
        if not items:
            raise forms.ValidationError(_("This routine has no exercises yet."))
        hidden = [
            item.exercise.name
            for item in items
            if not item.exercise.published
            or (item.bad_day_exercise and not item.bad_day_exercise.published)
        ]
        if hidden:
            raise forms.ValidationError(
                _(
                    "Some exercises in it are no longer in the library (%(names)s). "
                    "Change the routine first."
                )
                % {"names": ", ".join(hidden)}
            )
        return template

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end can't be before the start."))
        earliest, latest = self.today - timedelta(days=30), self.today + timedelta(days=365)
        if start and not earliest <= start <= latest:
            self.add_error("start_date", _("Choose a start from a month ago to a year from now."))
        return cleaned


class RoutineSettingsForm(forms.Form):
    title = forms.CharField(label=_("Name of the routine"), max_length=120, strip=True)
    shared = forms.BooleanField(
        label=_("Share with all clinicians"),
        required=False,
        help_text=_("Others can use and copy it, but only you can change it."),
    )


class AddItemForm(forms.Form):
    exercise = forms.ModelChoiceField(
        queryset=None,
        error_messages={"invalid_choice": _("That exercise isn't in the library.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read at request time, in the clinic's scope: the shared catalogue and the
        # clinic's own exercises.
        self.fields["exercise"].queryset = Exercise.objects.published()


class ItemForm(forms.ModelForm):
    """One item's dose. The model's validators give the limits (a hold of 0 s or
    10,000 reps is refused); the database checks them again."""

    class Meta:
        model = RoutineItem
        fields = DOSE_FIELDS
        widgets = {
            "sets": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "reps": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "hold_seconds": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "rest_seconds": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, variant_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        variants = self.fields["bad_day_exercise"]
        variants.queryset = Exercise.objects.published()
        variants.required = False
        easier = self.instance.exercise.easier if self.instance.pk else None
        variants.empty_label = (
            _("Default: %(name)s") % {"name": easier.name}
            if easier
            else _("Default: a walking break (once a session), else this one at a lower dose")
        )
        if variant_choices is not None:
            # One list for every item on the page, fetched once: without it each item's
            # dropdown runs its own query. (A posted value is still checked against the
            # queryset.)
            variants.choices = [("", variants.empty_label), *variant_choices]
        for name in ("sets", "reps", "hold_seconds", "rest_seconds"):
            self.fields[name].widget.attrs.setdefault("min", 0)
        for field in self.fields.values():
            # One hint above the dose fields replaces the per-field help texts (which
            # Django would otherwise point each input at with aria-describedby).
            field.help_text = ""

    def clean(self):
        cleaned = super().clean()
        reps, hold = cleaned.get("reps"), cleaned.get("hold_seconds")
        if "reps" in self.errors or "hold_seconds" in self.errors:
            return cleaned
        if not reps and not hold:
            self.add_error("reps", _("Give reps, a hold time, or both (a hold on each rep)."))
        return cleaned


class NoteForm(forms.Form):
    note = forms.CharField(
        max_length=2000,
        strip=True,
        error_messages={"max_length": gettext_lazy("Keep the note under 2,000 characters.")},
    )


class ClearForm(NoteForm):
    """Clearing a safety check: the note, and which of its urgent or review "yes"
    answers are known and long-standing (only those of this check can be chosen)."""

    known = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Only this check's urgent or review answers can be marked as known."
            )
        },
    )

    def __init__(self, *args, answers: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["known"].choices = [(a["key"], a["text"]) for a in answers]
