"""Forms of the clinic admin's pages: inviting a clinician, handing a caseload over,
and the clinic's profile. Every person a form can name is limited to the admin's own
clinic (the request's scope, and the queryset given)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.invitations import normalize
from clinic.forms import timezone_choices
from organisations.models import Clinic


def _plain_text(value: str) -> str:
    if any(ord(ch) < 32 and ch not in "\r\n" for ch in value):
        raise forms.ValidationError(_("Use letters, digits, spaces and punctuation only."))
    return value


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, strip=True)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("The invitation link goes to this address."),
        widget=forms.EmailInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    as_clinic_admin = forms.BooleanField(
        label=_("Also a clinic admin (manages staff and the clinic's profile)"), required=False
    )

    def clean_name(self) -> str:
        name = _plain_text(self.cleaned_data["name"])
        if "\n" in name or "\r" in name:
            raise forms.ValidationError(_("Use letters, digits, spaces and punctuation only."))
        return name

    def clean_email(self) -> str:
        return normalize(self.cleaned_data["email"])


class ColleagueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name or obj.username


class HandoverForm(forms.Form):
    colleague = ColleagueChoiceField(
        label=_("Hand every patient over to"),
        queryset=None,
        to_field_name="code",
        empty_label=_("Choose a colleague"),
        error_messages={
            "required": _("Choose the colleague who takes the patients over."),
            "invalid_choice": _(
                "Choose one of the listed colleagues: active clinicians of your clinic."
            ),
        },
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = colleagues


class ClinicProfileForm(forms.ModelForm):
    class Meta:
        model = Clinic
        fields = [
            "name",
            "address",
            "phone",
            "hours",
            "country",
            "emergency_number",
            "urgent_care",
            "language",
            "timezone",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The common zones first, as on the add-patient form.
        self.fields["timezone"].choices = timezone_choices()
        self.fields["phone"].widget.attrs["autocomplete"] = "off"

    def clean_name(self) -> str:
        return _plain_text(self.cleaned_data["name"]).replace("\n", " ").strip()

    def clean_hours(self) -> str:
        return _plain_text(self.cleaned_data["hours"])

    def clean_address(self) -> str:
        return _plain_text(self.cleaned_data["address"])

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(ch.isdigit() or ch in " +-()" for ch in phone):
            raise forms.ValidationError(_("Use digits, spaces, + - and brackets only."))
        return phone

    def clean_emergency_number(self) -> str:
        number = self.cleaned_data["emergency_number"].strip()
        if number and not number.isdigit():
            raise forms.ValidationError(_("Digits only, e.g. 112."))
        return number
