"""A clinic admin's emailed invitation to a new clinician, and accepting it.

Only the token's hash is stored (as for sign-in links): a copy of the database can't
be used to join a clinic. The token is 32 random bytes, looked up by its hash, so the
page can't be used to guess tokens any better than the sign-in-link page can (a wrong
token finds nothing, in one indexed query, whatever it is). GET shows the form and
changes nothing: mail scanners follow links.

Accepting creates the clinician in the invitation's clinic, marks the invitation
accepted (once: of two submissions at once only one creates an account), signs them
in, and sends them to set up the second step like every other member of staff."""

import logging
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import login, password_validation
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import BaseUserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_scopes import scopes_disabled

from accounts.models import AuditAction, AuditEvent, Invitation, Role, User, hash_token

logger = logging.getLogger(__name__)

MAX_TOKEN_LENGTH = 100


class InvitationRefused(Exception):
    """Why an invitation can't be made, in words for the clinic admin."""


def normalize(email: str) -> str:
    """Trimmed, the domain in lower case (the part before @ may be case-sensitive)."""
    return BaseUserManager.normalize_email(email.strip())


def email_in_use(email: str) -> bool:
    """Any account in the installation (any clinic, role, active or not) has it: an
    address is how one person is known to the whole installation, so the lookup is
    deliberately unscoped. One query."""
    return User.unscoped.filter(email__iexact=email).exists()


@transaction.atomic
def issue(clinic, invited_by: User, *, name: str, email: str, as_clinic_admin: bool):
    """A new invitation and its token (which exists only here and in the email).
    Refused, with InvitationRefused, for an address an account has or an invitation of
    this clinic still waits on. An expired one for the address is closed first."""
    email = normalize(email)
    if email_in_use(email):
        raise InvitationRefused(
            _("Someone already has an account with this email address, so it can't be invited.")
        )
    now = timezone.now()
    open_ = Invitation.objects.filter(
        clinic=clinic, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    )
    if open_.filter(expires__gt=now).exists():
        raise InvitationRefused(
            _("An invitation to this address is already waiting. Revoke it to send a new one.")
        )
    # An expired invitation still counts as open to the database's one-open rule.
    open_.update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                clinic=clinic,
                email=email,
                name=name,
                as_clinic_admin=as_clinic_admin,
                token_hash=hash_token(token),
                invited_by=invited_by,
                expires=now + timedelta(days=settings.INVITATION_DAYS),
            )
    except IntegrityError:  # the same address invited at the same moment
        raise InvitationRefused(
            _("An invitation to this address is already waiting. Revoke it to send a new one.")
        ) from None
    AuditEvent.record(
        invited_by,
        AuditAction.STAFF_INVITED,
        target=f"invitation {invitation.code}",
        clinic=clinic.slug,
        as_clinic_admin=as_clinic_admin,
    )
    return invitation, token


def send(invitation: Invitation, url: str) -> bool:
    """The email with the link, in the clinic's language. Whether it went: a mail
    server failure is logged (by the invitation's code, not the address), not raised."""
    context = {
        "name": invitation.name,
        "clinic": invitation.clinic.name,
        "url": url,
        "days": settings.INVITATION_DAYS,
    }
    with translation.override(invitation.clinic.language or settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[invitation.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    try:
        message.send()
    except Exception:  # any mail failure: the admin is told and can revoke and resend
        logger.exception("Invitation email %s failed", invitation.code)
        return False
    return True


def find(token: str) -> Invitation | None:
    """The waiting invitation with this token, or None (unknown, used, revoked or
    expired: all look the same). Nobody is signed in yet, so no clinic scope applies:
    the token alone decides, across the installation."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    with scopes_disabled():
        return (
            Invitation.unscoped.pending()
            .select_related("clinic")
            .filter(token_hash=hash_token(token))
            .first()
        )


class AcceptForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("What you type to sign in. Letters, digits and @ . + - _ only."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common password, not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        # Usernames are unique across the installation (sign-in names no clinic).
        if User.unscoped.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("That username is taken. Choose another."))
        return username

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords don't match."))
        elif first:
            person = User(
                username=data.get("username", ""),
                name=self.invitation.name,
                email=self.invitation.email,
            )
            try:
                password_validation.validate_password(first, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class AlreadyUsed(Exception):
    pass


def accept(invitation: Invitation, username: str, password: str) -> User:
    """The new clinician. Raises AlreadyUsed (nothing stored) if the invitation stopped
    waiting meanwhile, or its address or username was taken meanwhile."""
    now = timezone.now()
    clinic = invitation.clinic
    try:
        with scopes_disabled(), transaction.atomic():
            if email_in_use(invitation.email):
                raise AlreadyUsed
            user = User(
                username=username,
                name=invitation.name,
                email=invitation.email,
                role=Role.CLINICIAN,
                clinic=clinic,
                is_clinic_admin=invitation.as_clinic_admin,
                timezone=clinic.timezone,
                language=clinic.language,
            )
            user.set_password(password)
            user.save()
            # Spent only if still waiting: of two submissions at once, one wins.
            spent = (
                Invitation.unscoped.pending()
                .filter(pk=invitation.pk)
                .update(accepted_at=now, user=user)
            )
            if not spent:
                raise AlreadyUsed
            AuditEvent.record(
                user,
                AuditAction.STAFF_JOINED,
                target=f"invitation {invitation.code}",
                clinic=clinic.slug,
                as_clinic_admin=invitation.as_clinic_admin,
            )
    except IntegrityError:  # the username was taken in the meantime
        raise AlreadyUsed from None
    return user


def _private(response: HttpResponse) -> HttpResponse:
    # The token is in this page's address: send on only the bare origin.
    response["Referrer-Policy"] = "strict-origin"
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
@never_cache
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = find(token)
    if invitation is None:
        return _private(render(request, "accounts/invitation_invalid.html", status=404))
    context = {"invitation": invitation, "clinic": invitation.clinic}
    if request.user.is_authenticated:
        # Accepting would sign this browser in as someone else.
        return _private(render(request, "accounts/invitation.html", context))
    form = AcceptForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = accept(invitation, form.cleaned_data["username"], form.cleaned_data["password1"])
        except AlreadyUsed:
            return _private(render(request, "accounts/invitation_invalid.html", status=404))
        login(request, user, backend="accounts.backends.StaffPasswordBackend")
        return redirect("two_factor_setup")
    context["form"] = form
    status = 422 if request.method == "POST" else 200
    return _private(render(request, "accounts/invitation.html", context, status=status))
