"""The patient's own choices on the account page that aren't about security: the
language of the pages and emails. (Reminders live in the reminders app.)"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

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


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages in the list."))
        return redirect("account")
    user = request.user
    user.language = form.cleaned_data["language"]
    user.save(update_fields=["language"])
    chosen = user.language or translation.get_language_from_request(request)
    translation.activate(chosen)
    messages.success(request, _("Language saved."))
    response = redirect("account")
    # Also remembered on this browser, so the sign-in page speaks it after signing out.
    if user.language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    else:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME, samesite=settings.LANGUAGE_COOKIE_SAMESITE
        )
    return response
