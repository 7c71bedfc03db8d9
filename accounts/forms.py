from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Role


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "That username and password don't match. Check them and try again "
            "(the password is case-sensitive)."
        ),
        "inactive": _("This account is switched off. Ask your clinic to switch it back on."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )


class StaffPasswordResetForm(PasswordResetForm):
    """Only clinicians and admins reset a password by email. Patients sign in with
    links from their clinician, and the page says the same whatever was typed, so it
    never tells a stranger who has an account."""

    def get_users(self, email):
        return (
            user
            for user in super().get_users(email)
            if user.is_staff or user.role in (Role.CLINICIAN, Role.ADMIN)
        )


class ErasureRequestForm(forms.Form):
    understood = forms.BooleanField(
        label=_(
            "I understand that my sessions, pain scores, notes and plan will be erased "
            "for good, and that I will no longer be able to sign in."
        ),
        error_messages={"required": _("Tick the box to confirm, or go back.")},
    )


# Each language named in itself, so anyone can find their own whatever the page's language.
OWN_NAMES = {"en": "English", "es": "Español"}


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", gettext_lazy("The same as this phone or browser")),
            *((code, OWN_NAMES.get(code, name)) for code, name in settings.LANGUAGES),
        ]
