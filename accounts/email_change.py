"""A patient sets or changes their own email address, proven by a link sent to it.

Nothing is stored until the link is used: the link itself carries, signed with
SECRET_KEY (django.core.signing, a salt of its own, a timestamp), whose request it is,
the new address, a fingerprint of the address the account had when it was asked for,
and the account's session_version. So a link works

- only for the person signed in (someone else's link is refused, nothing changes);
- only while the account still has the address it had (using the link changes it, so a
  second use fails; so does any other change or removal meanwhile);
- only until "sign out everywhere" (it raises session_version, as for sign-in links);
- only for EMAIL_CHANGE_LINK_HOURS.

The new address is readable in the link (signed, not encrypted), so it is in the
confirmation page's address and in access logs; the link goes only to that address.

An address another account already has is never applied (User.email is not unique in
the database: Django's default, and a clinic may have typed one address twice). The
patient isn't told it is taken, which would say who has an account; the address's inbox
gets a notice instead of a link, and the page says "we sent an email" either way.

Requests are limited to REQUESTS_PER_HOUR per patient, counted from the audit trail
(the database, so every worker process sees the same count)."""

import logging
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.models import BaseUserManager
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditAction, AuditEvent, User

logger = logging.getLogger(__name__)

SALT = "hipmob.accounts.email_change"
REQUESTS_PER_HOUR = 3


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New email address"),
        max_length=254,  # User.email's length
        help_text=_("We send a link to this address. Nothing changes until you open it."),
        error_messages={
            "required": _("Enter an email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email = normalize(self.cleaned_data["email"])
        if self.user.email and email.casefold() == self.user.email.casefold():
            raise forms.ValidationError(_("That is already your email address."))
        return email


def normalize(email: str) -> str:
    """Trimmed, the domain in lower case (the part before @ may be case-sensitive)."""
    return BaseUserManager.normalize_email(email.strip())


def is_taken(email: str, user: User) -> bool:
    """Another account (any role, active or not, in any clinic: an address is how one
    person is known to the whole installation) has this address. One query."""
    return User.unscoped.filter(email__iexact=email).exclude(pk=user.pk).exists()


def too_many_requests(user: User) -> bool:
    """One query, served by the audit trail's (patient, -at) index."""
    since = timezone.now() - timedelta(hours=1)
    recent = AuditEvent.objects.filter(
        patient=user, action=AuditAction.EMAIL_CHANGE_REQUESTED, at__gte=since
    )
    return recent.count() >= REQUESTS_PER_HOUR


class LinkError(Exception):
    """Why a link can't be used: "bad" (tampered, or not a link of ours), "not_yours",
    "expired", or "stale" (used, or the account changed since)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _fingerprint(user: User) -> str:
    # The current address (or none) as a keyed hash: the link needn't show it.
    return salted_hmac(SALT, user.email, algorithm="sha256").hexdigest()[:32]


def make_token(user: User, new_email: str) -> str:
    payload = {
        "u": str(user.code),
        "e": new_email,
        "c": _fingerprint(user),
        "v": user.session_version,
    }
    return signing.dumps(payload, salt=SALT)


def read_token(token: str, user: User) -> str:
    """The new address a link asks for, if `user` may use it now; else LinkError."""
    if len(token) > 1000:
        raise LinkError("bad")
    max_age = timedelta(hours=settings.EMAIL_CHANGE_LINK_HOURS)
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        # Checked only once the signature is good: an expired link is still ours.
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("bad") from None
    if not isinstance(payload, dict) or not all(k in payload for k in "uecv"):
        raise LinkError("bad")
    if not constant_time_compare(str(payload["u"]), str(user.code)):
        raise LinkError("not_yours")
    if payload["c"] != _fingerprint(user) or payload["v"] != user.session_version:
        raise LinkError("stale")
    return payload["e"]


def _language(user: User) -> str:
    """The patient's chosen language, else the one they are using now."""
    return user.language or translation.get_language() or settings.LANGUAGE_CODE


def _send(user: User, to: str, template: str, context: dict) -> bool:
    """One email to one address, in the patient's language. Whether it went: a mail
    server failure is logged (by the account's code, never the address), not raised."""
    with translation.override(_language(user)):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}.txt", context)
    message = EmailMessage(
        subject=subject, body=body, to=[to], headers={"Auto-Submitted": "auto-generated"}
    )
    try:
        message.send()
    except Exception:  # any mail failure: the caller tells the patient
        logger.exception("Email %s for account %s failed", template, user.code)
        return False
    return True


def request_change(user: User, new_email: str, confirm_url) -> bool:
    """Send the link (`confirm_url(token)` makes its address) to the new address, or a
    notice that the address is in use; audited either way (the audit rows are the rate
    limit's count). Whether an email went."""
    if is_taken(new_email, user):
        sent = _send(user, new_email, "email_in_use", {})
    else:
        context = {
            "url": confirm_url(make_token(user, new_email)),
            "hours": settings.EMAIL_CHANGE_LINK_HOURS,
        }
        sent = _send(user, new_email, "email_confirm", context)
    if sent:
        # No address in the detail: an unconfirmed one may be a typo, someone else's.
        AuditEvent.record(user, AuditAction.EMAIL_CHANGE_REQUESTED, patient=user)
    return sent


class AddressTaken(Exception):
    pass


def confirm_change(user: User, new_email: str) -> str:
    """Apply a confirmed address; returns the old one ("" if none). Of two taps at once
    only the first changes anything: the update requires the address read_token checked,
    and the second raises LinkError("stale"). An address taken meanwhile raises
    AddressTaken and changes nothing."""
    old = user.email
    with transaction.atomic():
        if is_taken(new_email, user):
            raise AddressTaken
        if not User.objects.filter(pk=user.pk, email=old).update(email=new_email):
            raise LinkError("stale")
        # The addresses are kept for the record's history (GDPR rectification);
        # erasure empties every audit row's detail.
        AuditEvent.record(
            user, AuditAction.EMAIL_CHANGED, patient=user, previous=old, new=new_email
        )
    user.email = new_email
    if old:
        notify_old_address(user, old, removed=False)
    return old


def notify_old_address(user: User, old: str, *, removed: bool) -> bool:
    """A security notice to the address the account had: no name, no health details."""
    return _send(user, old, "email_removed" if removed else "email_changed", {})
