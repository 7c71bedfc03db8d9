"""Forms for a patient's record and their episodes of care. Each check says what is
wrong in words; nothing is stored until every field is right."""

import re
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import Outcome, User
from clinic.forms import AddPatientForm, timezone_choices

EARLIEST_BIRTH = date(1900, 1, 1)
PHONE = re.compile(r"^\+?[0-9 ()./-]{5,40}$")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def language_choices(blank: str = "") -> list[tuple[str, str]]:
    """The site's languages; with `blank`, an empty choice first (their browser's)."""
    languages = [(code, _(name)) for code, name in settings.LANGUAGES]
    return [("", blank), *languages] if blank else languages


def clean_birth_date(value: date | None, today: date) -> date | None:
    if value and value > today:
        raise forms.ValidationError(_("The date of birth can't be in the future."))
    if value and value < EARLIEST_BIRTH:
        raise forms.ValidationError(_("Check the year: the date of birth is before 1900."))
    return value


def clean_phone(value: str) -> str:
    value = " ".join(value.split())
    if value and not PHONE.match(value):
        raise forms.ValidationError(_("Use digits, spaces and + ( ) - only, e.g. +44 7700 900123."))
    return value


def identifier_taken(clinic_id: int, identifier: str, patient: User | None = None) -> bool:
    """Another person of the clinic has this number (one query; blank is never taken)."""
    if not identifier:
        return False
    others = User.objects.filter(clinic_id=clinic_id, clinic_identifier=identifier)
    return others.exclude(pk=patient.pk).exists() if patient else others.exists()


IDENTIFIER_TAKEN = _("Another patient of this clinic already has that number.")


class RecordFields(forms.Form):
    """The record's optional fields, shared by adding a patient and editing the record."""

    date_of_birth = forms.DateField(
        label=_("Date of birth (optional)"), required=False, widget=DATE
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), required=False)
    clinic_identifier = forms.CharField(
        label=_("Clinic identifier (optional)"),
        max_length=40,
        required=False,
        help_text=_("Their number in your practice's own system."),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"), help_text=_("Decides which day is “today” for them.")
    )

    def __init__(self, *args, clinic_id: int, today: date, patient: User | None = None, **kw):
        super().__init__(*args, **kw)
        self.clinic_id, self.today, self.patient = clinic_id, today, patient
        self.fields["language"].choices = language_choices(blank=_("Their browser's language"))
        self.fields["timezone"].choices = timezone_choices()

    def clean_date_of_birth(self):
        return clean_birth_date(self.cleaned_data["date_of_birth"], self.today)

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean_clinic_identifier(self):
        identifier = self.cleaned_data["clinic_identifier"].strip()
        if identifier_taken(self.clinic_id, identifier, self.patient):
            raise forms.ValidationError(IDENTIFIER_TAKEN)
        return identifier


class RecordForm(RecordFields):
    """The record of a patient already added (the email address has its own flow,
    confirmed by the patient)."""

    name = forms.CharField(label=_("Name"), max_length=150, strip=True)
    field_order = ["name", "date_of_birth", "phone", "language", "clinic_identifier", "timezone"]

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(ord(ch) < 32 for ch in name):
            raise forms.ValidationError(_("Use letters, spaces and punctuation only."))
        return name


RECORD_FIELDS = ("name", "date_of_birth", "phone", "language", "clinic_identifier", "timezone")


class OpenEpisodeForm(forms.Form):
    referral_reason = forms.CharField(
        label=_("Reason for referral"),
        max_length=200,
        strip=True,
        help_text=_("E.g. “Low back pain, 6 weeks”."),
    )
    started_on = forms.DateField(label=_("Start"), widget=DATE)
    review_on = forms.DateField(label=_("Review date (optional)"), required=False, widget=DATE)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, initial={"started_on": today}, **kwargs)
        self.today = today

    def clean(self):
        cleaned = super().clean()
        start, review = cleaned.get("started_on"), cleaned.get("review_on")
        # Today at the latest: a discharge is from the start to today, so an episode
        # starting later could not be closed, and would block opening another. A
        # referral booked for later is opened on the day care starts.
        if start and not self.today - timedelta(days=365) <= start <= self.today:
            self.add_error(
                "started_on",
                _(
                    "Choose a start from a year ago to today: open the episode on the day "
                    "care starts."
                ),
            )
        elif start and review and review < start:
            self.add_error("review_on", _("The review can't be before the start."))
        elif start and review and review > start + timedelta(days=730):
            self.add_error("review_on", _("Choose a review within two years of the start."))
        return cleaned


class DischargeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome.")},
    )
    discharged_on = forms.DateField(label=_("Discharge date"), widget=DATE)
    note = forms.CharField(
        label=_("Discharge note (optional)"),
        max_length=2000,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    end_plan = forms.BooleanField(label=_("Also end the patient's plan"), required=False)

    def __init__(self, *args, started_on: date, today: date, **kwargs):
        super().__init__(*args, initial={"discharged_on": today, "end_plan": True}, **kwargs)
        self.started_on, self.today = started_on, today

    def clean_discharged_on(self):
        day = self.cleaned_data["discharged_on"]
        if day < self.started_on:
            raise forms.ValidationError(
                _("The discharge can't be before the episode's start (%(day)s).")
                % {"day": self.started_on.isoformat()}
            )
        if day > self.today:
            raise forms.ValidationError(_("The discharge date can't be in the future."))
        return day


# What accounts/patients.add_patient takes from the form.
NEW_PATIENT_FIELDS = (
    "name",
    "email",
    "timezone",
    "date_of_birth",
    "phone",
    "language",
    "clinic_identifier",
)


class NewPatientForm(RecordFields, AddPatientForm):
    """Adding a patient (clinic/forms.py) with the record's optional fields; the time
    zone and language start as the clinic's."""

    field_order = [
        "name",
        "email",
        "date_of_birth",
        "phone",
        "language",
        "clinic_identifier",
        "timezone",
    ]
