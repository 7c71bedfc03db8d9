"""Web Push with VAPID (RFC 8030, 8291, 8292) through pywebpush: checking what a browser
hands us when a person turns notifications on, and sending them a message.

A message is exactly {"title", "body", "url", "tag"} (the service worker, templates/sw.js,
shows the title and body, replaces an older notice with the same tag, and opens the
url, a path on this site, when tapped). It never says anything about anyone's health:
lock screens are read by others. Push is off, and nothing is sent, until the VAPID keys
are configured (hipmob/settings.py)."""

import base64
import binascii
import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from accounts.models import AuditAction, AuditEvent, PushSubscription, User

logger = logging.getLogger(__name__)

ENDPOINT_MAX = PushSubscription._meta.get_field("endpoint").max_length
DEVICE_MAX = PushSubscription._meta.get_field("device").max_length
# A person turns notifications on in a few browsers; old ones go when their push
# service says they are gone. More than this is refused, so one account can't make
# every message cost hundreds of requests.
MAX_DEVICES = 10
# Seconds a push service keeps a message for a phone that is off or offline.
REMINDER_TTL = 6 * 60 * 60  # later than that, the day's reminder is stale
ALERT_TTL = 60 * 60  # an unacknowledged emergency is sent again by then
TEST_TTL = 5 * 60
NORMAL, HIGH = "normal", "high"  # RFC 8030 Urgency


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    url: str  # a path on this site, opened when the notice is tapped
    tag: str  # a later message with the same tag replaces this one on the device
    urgency: str = NORMAL
    ttl: int = REMINDER_TTL

    def payload(self) -> str:
        return json.dumps(
            {"title": self.title, "body": self.body, "url": self.url, "tag": self.tag},
            ensure_ascii=False,
        )


def configured() -> bool:
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY and settings.VAPID_SUBJECT)


def public_key() -> str:
    """The applicationServerKey browsers subscribe with ("" when push is off)."""
    return settings.VAPID_PUBLIC_KEY if configured() else ""


# --- What a browser sends when notifications are turned on ----------------------------


@dataclass(frozen=True)
class Subscription:
    endpoint: str
    p256dh: str
    auth: str


def _b64url(value, name: str, length: int) -> str:
    """Unpadded base64url of exactly `length` bytes, or a ValidationError naming it."""
    if not isinstance(value, str):
        raise ValidationError(_("The browser's %(name)s key is missing.") % {"name": name})
    value = value.strip().rstrip("=")
    try:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,200}", value):
            raise ValueError
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        raise ValidationError(
            _("The browser's %(name)s key isn't valid base64url.") % {"name": name}
        ) from None
    if len(raw) != length:
        raise ValidationError(
            _("The browser's %(name)s key should be %(length)d bytes long, not %(got)d.")
            % {"name": name, "length": length, "got": len(raw)}
        )
    return value


def _allowed_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(
        host == allowed.lower() or host.endswith("." + allowed.lower())
        for allowed in settings.PUSH_SERVICE_HOSTS
    )


def clean_endpoint(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(_("The browser sent no push address."))
    value = value.strip()
    if len(value) > ENDPOINT_MAX:
        raise ValidationError(
            _("The browser's push address is too long (over %(max)d characters).")
            % {"max": ENDPOINT_MAX}
        )
    try:
        parts = urlsplit(value)
        host, _port = parts.hostname or "", parts.port  # a port that isn't a number raises
    except ValueError:
        raise ValidationError(_("The browser's push address isn't a valid address.")) from None
    schemes = {"https", "http"} if settings.PUSH_ALLOW_HTTP_ENDPOINTS else {"https"}
    if parts.scheme not in schemes:
        raise ValidationError(_("The browser's push address must start with https://."))
    if not host or parts.username or parts.password or re.search(r"\s", value):
        raise ValidationError(_("The browser's push address isn't a valid address."))
    if not _allowed_host(host):
        raise ValidationError(
            _("This browser's push service (%(host)s) isn't one HipMob sends to.") % {"host": host}
        )
    return value


def clean_subscription(raw: str) -> Subscription:
    """PushSubscription.toJSON() as the page posts it: {"endpoint": …, "keys": {"p256dh":
    …, "auth": …}} (expirationTime and anything else is ignored)."""
    if not raw or len(raw) > 4096:
        raise ValidationError(_("The browser sent no subscription, or one far too long."))
    try:
        data = json.loads(raw)
    except ValueError:
        raise ValidationError(_("The browser's subscription isn't valid JSON.")) from None
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        raise ValidationError(_("The browser's subscription has no keys."))
    return Subscription(
        endpoint=clean_endpoint(data.get("endpoint")),
        p256dh=_b64url(data["keys"].get("p256dh"), "p256dh", 65),
        auth=_b64url(data["keys"].get("auth"), "auth", 16),
    )


_BROWSERS = [  # the first that matches names it (Edge and Samsung also say "Chrome")
    ("Edg", "Edge"),
    ("SamsungBrowser", "Samsung Internet"),
    ("OPR", "Opera"),
    ("Firefox", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
]
_SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
]


def device_label(typed: str, user_agent: str) -> str:
    """The name a person typed (control characters dropped, shortened), else one read
    from the browser's User-Agent ("Chrome on Android"), else "A browser"."""
    typed = " ".join("".join(c for c in (typed or "") if c.isprintable()).split())
    if typed:
        return typed[:DEVICE_MAX]
    user_agent = user_agent or ""
    browser = next((name for token, name in _BROWSERS if token in user_agent), "")
    system = next((name for token, name in _SYSTEMS if token in user_agent), "")
    if browser and system:
        label = _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    else:
        label = browser or system or _("A browser")
    return label[:DEVICE_MAX]


class TooManyDevices(Exception):
    pass


def subscribe(user: User, subscription: Subscription, device: str) -> PushSubscription:
    """Stores the browser's subscription for `user`. The same browser again (its
    endpoint) updates its row; one held by another account moves here, audited: the
    endpoint is a secret only that browser knows, so whoever sends it is using it."""
    with transaction.atomic():
        current = (
            PushSubscription.objects.select_related("user")
            .filter(endpoint=subscription.endpoint)
            .first()
        )
        if current is not None and current.user_id == user.pk:
            current.p256dh, current.auth = subscription.p256dh, subscription.auth
            current.device = device
            current.save(update_fields=["p256dh", "auth", "device"])
            return current
        if PushSubscription.objects.for_user(user).count() >= MAX_DEVICES:
            raise TooManyDevices
        if current is not None:
            previous = current.user
            current.delete()
            AuditEvent.record(
                user,
                AuditAction.PUSH_DEVICE_MOVED,
                patient=previous if previous.is_patient else None,
                target=f"push device of user {previous.code}",
                from_user=str(previous.code),
                to_user=str(user.code),
            )
        try:
            with transaction.atomic():
                return PushSubscription.objects.create(
                    user=user,
                    endpoint=subscription.endpoint,
                    p256dh=subscription.p256dh,
                    auth=subscription.auth,
                    device=device,
                )
        except IntegrityError:
            # The same browser, posted twice at once: the other request stored it.
            return PushSubscription.objects.get(endpoint=subscription.endpoint, user=user)


# --- Sending ---------------------------------------------------------------------------


class _NoRedirects(requests.Session):
    """A push service answers, it never redirects: following one would let an
    endpoint on an allowed host send the server's request anywhere."""

    def request(self, *args, **kwargs):
        kwargs["allow_redirects"] = False
        return super().request(*args, **kwargs)


def _vapid() -> Vapid:
    return Vapid.from_raw(settings.VAPID_PRIVATE_KEY.encode())


def deliver(subscription: PushSubscription, message: Message, vapid: Vapid | None = None) -> bool:
    """One message to one device; whether the push service took it. A subscription the
    service says is gone (404, 410) is deleted; any other failure is logged and the
    subscription kept, for the next message."""
    if not configured():
        return False
    try:
        clean_endpoint(subscription.endpoint)  # the allowed hosts may have changed
    except ValidationError:
        logger.warning("Push device %s: endpoint no longer allowed; skipped", subscription.code)
        return False
    try:
        with _NoRedirects() as session:
            webpush(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=message.payload(),
                vapid_private_key=vapid or _vapid(),
                # A new dict each time: pywebpush fills in this endpoint's "aud" and "exp".
                vapid_claims={"sub": settings.VAPID_SUBJECT},
                ttl=message.ttl,
                headers={"Urgency": message.urgency},
                timeout=settings.PUSH_TIMEOUT,
                requests_session=session,
            )
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in (404, 410):
            PushSubscription.objects.filter(pk=subscription.pk).delete()
            logger.info("Push device %s is gone (%s); removed", subscription.code, status)
        else:
            logger.warning("Push to device %s failed: %s", subscription.code, status)
        return False
    except (requests.RequestException, ValueError) as error:
        logger.warning("Push to device %s failed: %s", subscription.code, type(error).__name__)
        return False
    PushSubscription.objects.filter(pk=subscription.pk).update(last_success=timezone.now())
    return True


def send(user: User, message: Message, subscriptions=None) -> int:
    """`message` to each of `user`'s devices (or the `subscriptions` given, when the
    caller prefetched them); how many push services took it."""
    if not configured():
        return 0
    if subscriptions is None:
        subscriptions = PushSubscription.objects.for_user(user)
    vapid = _vapid()
    return sum(deliver(subscription, message, vapid) for subscription in subscriptions)


def test_message(user: User) -> Message:
    """What "Send a test notification" sends (in the page's language, as it is asked for
    from the page)."""
    return Message(
        title=_("HipMob notifications work"),
        body=_("This is the test you asked for. Nothing else to do."),
        url=reverse("account"),
        tag="test",
        urgency=NORMAL,
        ttl=TEST_TTL,
    )
