"""The account page: sign-out everywhere and the second step for everyone, language,
and for patients their reminders and their data."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.forms import LanguageForm
from reminders.forms import reminder_form_for


@require_GET
@never_cache
def account(request: HttpRequest) -> HttpResponse:
    context = {
        "idle_minutes": settings.STAFF_IDLE_MINUTES,
        "language_form": LanguageForm(initial={"language": request.user.language}),
    }
    if request.user.is_patient:
        context["reminder_form"] = reminder_form_for(request.user)
    return render(request, "accounts/account.html", context)
