"""The second sign-in step for clinicians and admins: an authenticator app (TOTP) with
recovery codes for a lost phone. Built on django-otp's devices; these are only the pages."""

import django_otp
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import second_factor_exempt
from accounts.models import AuditAction, AuditEvent
from hipmob.qr import qr_data_uri
from hipmob.redirects import safe_next

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
NEW_CODES_KEY = "hipmob_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).lower()
        if not code.isalnum():
            raise forms.ValidationError(_("Type the 6 digits from the app, or a recovery code."))
        return code


def current_code(device: TOTPDevice) -> str:
    """What an authenticator app with this device's key shows right now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _require_staff(request: HttpRequest):
    if not request.user.needs_second_factor:
        raise Http404


def _device(user, cls, name):
    return cls.objects.filter(user=user, confirmed=True, name=name).first()


def _verify(user, code: str):
    """The device that accepts `code`, a throttling message, or (None, None)."""
    cls, name = (TOTPDevice, APP_DEVICE_NAME) if code.isdigit() else (StaticDevice, None)
    devices = cls.objects.filter(user=user, confirmed=True)
    if name:
        devices = devices.filter(name=name)
    for device in devices:
        allowed, _data = device.verify_is_allowed()
        if not allowed:
            return None, _("Too many wrong codes. Wait a minute, then try again.")
        if django_otp.verify_token(user, device.persistent_id, code):
            return device, None
    return None, None


@second_factor_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    user = request.user
    if not django_otp.user_has_device(user):
        return redirect("two_factor_setup")
    # Checked before a code is spent, and never given to redirect() (see safe_next).
    target = safe_next(request)
    if user.is_verified():
        return HttpResponseRedirect(target)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, problem = _verify(user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                AuditEvent.record(
                    user, AuditAction.RECOVERY_CODE_USED, remaining=device.token_set.count()
                )
            return HttpResponseRedirect(target)
        form.add_error(
            "code", problem or _("That code didn't work. Codes change every 30 seconds.")
        )
    status = 422 if request.method == "POST" else 200
    return render(
        request, "accounts/two_factor.html", {"form": form, "next": target}, status=status
    )


@second_factor_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    """Once per person: scan the code, type what the app shows, get recovery codes."""
    _require_staff(request)
    user = request.user
    if django_otp.user_has_device(user):
        return redirect("two_factor")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if code.isdigit() and device.verify_token(code):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _new_recovery_codes(user)
            django_otp.login(request, device)
            AuditEvent.record(user, AuditAction.TWO_FACTOR_ENABLED)
            request.session[NEW_CODES_KEY] = codes
            return redirect("recovery_codes")
        form.add_error("code", _("That code didn't work. Check the app and type the newest one."))
    secret = device.config_url.split("secret=")[1].split("&")[0]
    context = {
        "form": form,
        "qr": qr_data_uri(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "accounts/two_factor_setup.html", context, status=status)


def _new_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@require_http_methods(["GET", "POST"])
@never_cache
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """GET shows codes just made (once); POST replaces them all."""
    _require_staff(request)
    if request.method == "POST":
        request.session[NEW_CODES_KEY] = _new_recovery_codes(request.user)
        AuditEvent.record(request.user, AuditAction.RECOVERY_CODES_REPLACED)
        messages.success(request, _("New recovery codes are ready. The old ones no longer work."))
        return redirect("recovery_codes")
    codes = request.session.pop(NEW_CODES_KEY, None)
    device = _device(request.user, StaticDevice, RECOVERY_DEVICE_NAME)
    remaining = device.token_set.count() if device else 0
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "remaining": remaining})
