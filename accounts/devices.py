"""Notifications on a person's devices (Web Push, accounts/push.py): turning them on for
this browser, removing a device, and sending a test. The device list itself is on the
account page (patient/views/account.py), beside the reminder settings."""

import time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts import push
from accounts.access import own_device, require_push_user
from accounts.models import PushSubscription

TEST_KEY = "hipmob_push_test_at"
TEST_INTERVAL_SECONDS = 30  # each test costs a request to every device's push service


def _back() -> HttpResponse:
    return redirect(reverse("account") + "#notifications")


def _refused(request: HttpRequest, error: str, status: int) -> HttpResponse:
    return render(request, "accounts/push_refused.html", {"error": error}, status=status)


@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    """push.js posts the browser's subscription (PushSubscription.toJSON(), as JSON in
    `subscription`) and an optional name for the device. Nothing is stored unless all
    of it is valid."""
    user = require_push_user(request.user)
    if not push.configured():
        messages.error(request, _("Notifications aren't available on this HipMob yet."))
        return _back()
    try:
        subscription = push.clean_subscription(request.POST.get("subscription", ""))
    except ValidationError as error:
        return _refused(request, error.messages[0], status=400)
    label = push.device_label(request.POST.get("device", ""), request.headers.get("User-Agent", ""))
    try:
        device = push.subscribe(user, subscription, label)
    except push.TooManyDevices:
        message = _(
            "You already have notifications on %(count)d devices. Remove one you no longer "
            "use, then try again."
        ) % {"count": push.MAX_DEVICES}
        return _refused(request, message, status=409)
    messages.success(request, _("Notifications are on for %(device)s.") % {"device": device.device})
    return _back()


@require_POST
def remove(request: HttpRequest, code) -> HttpResponse:
    device = own_device(request.user, code)
    device.delete()
    messages.success(
        request, _("Notifications are off for %(device)s.") % {"device": device.device}
    )
    return _back()


@require_POST
def send_test(request: HttpRequest) -> HttpResponse:
    """A test notification to each of this person's devices, so they can see it works."""
    user = require_push_user(request.user)
    devices = list(PushSubscription.objects.for_user(user))
    last = request.session.get(TEST_KEY, 0)
    if not push.configured():
        messages.error(request, _("Notifications aren't available on this HipMob yet."))
    elif not devices:
        messages.error(request, _("No device has notifications on yet."))
    elif 0 <= time.time() - last < TEST_INTERVAL_SECONDS:
        messages.error(request, _("You sent a test a moment ago. Wait half a minute first."))
    else:
        request.session[TEST_KEY] = int(time.time())
        sent = push.send(user, push.test_message(user), devices)
        if sent == len(devices):
            messages.success(
                request,
                ngettext(
                    "Test sent. It should appear on your device within a minute.",
                    "Test sent to your %(count)d devices. It should appear within a minute.",
                    sent,
                )
                % {"count": sent},
            )
        elif sent:
            messages.warning(
                request,
                _("Test sent to %(sent)d of your %(count)d devices.")
                % {"sent": sent, "count": len(devices)},
            )
        else:
            messages.error(
                request,
                _(
                    "The test couldn't be sent. If a device below gets nothing, remove it "
                    "and turn notifications on again on that device."
                ),
            )
    return _back()
