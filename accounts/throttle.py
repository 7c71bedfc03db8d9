"""The address django-axes counts failed sign-ins against (AXES_CLIENT_IP_CALLABLE), and
what it logs (AXES_HANDLER).

Behind the reverse proxy the README asks for, every request comes from the proxy's
address, so "username and IP" would be "username" alone: anyone could lock a clinician
out from anywhere. With BEHIND_TLS_PROXY, the client's address is read from
X-Forwarded-For, trusting exactly TRUSTED_PROXY_COUNT proxies: each appends the address
it received the request from, so the client is that many entries from the right.
Anything to the left of that was written by the client and is ignored (a forged entry
can't pick someone else's key). Not behind a proxy, the header is ignored altogether.

django-ipware (which django-axes can use) was tried and not used: with one proxy it
expects the proxy's own address in the header, which nginx and most load balancers
don't add, and answers None for "client" or "junk, client", so every failure would be
keyed on the username alone again."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.http import HttpRequest


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
    if len(forwarded) < proxies:
        return remote  # not through the proxies: the connection's own address is the client
    return _address(forwarded[-proxies]) or remote


class AxesHandler(AxesDatabaseHandler):
    """django-axes' database handler, minus the access log of patients' sign-ins. A
    patient signs in only by one-time link, and the log would keep the link's path, its
    token in clear text (the app stores only hashes), beside the IP address and browser;
    the audit trail already records the link's use (AuditAction.LINK_USED), without it."""

    def user_logged_in(self, sender, request, user, **kwargs):
        if user.is_patient:
            return None
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        if user is not None and user.is_patient:
            return None
        return super().user_logged_out(sender, request, user, **kwargs)
