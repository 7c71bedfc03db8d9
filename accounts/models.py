import hashlib
import secrets
import uuid
import zoneinfo
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_timezone
from organisations.scoping import clinic_scoped

# Sent by User.sign_out_everywhere(), with `user`.
signed_out_everywhere = Signal()


class Role(models.TextChoices):
    PATIENT = "patient", _("Patient")
    CLINICIAN = "clinician", _("Clinician")
    ADMIN = "admin", _("Administrator")


class HipMobUserManager(UserManager):
    def create_user(self, username, email=None, password=None, **extra_fields):
        if extra_fields.get("role", Role.PATIENT) == Role.PATIENT and password is not None:
            raise ValueError("Patients have no password: they sign in with one-time links.")
        return super().create_user(username, email, password, **extra_fields)

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.ADMIN)  # the default role is patient
        return super().create_superuser(username, email, password, **extra_fields)

    def patients(self):
        return self.filter(role=Role.PATIENT)

    def clinicians(self):
        return self.filter(role=Role.CLINICIAN)


def default_timezone() -> str:
    return settings.TIME_ZONE


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """Forms validate the name; a bad one written past them (a script, the shell)
    falls back to the site's zone rather than breaking every page."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class User(AbstractUser):
    """Everyone who signs in. Admins are staff users in the "Catalogue editors" group."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # One name field: people's names don't split neatly into first and last.
    name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.PATIENT)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_timezone,
        validators=[validate_timezone],
        help_text=_("Decides which day is “today” for this person, e.g. Europe/London."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=language_choices,
        help_text=_("The language of the pages and emails. Empty: the browser's language."),
    )
    # Patients and clinicians belong to one clinic; the installation's own admins and
    # catalogue editors to none.
    clinic = models.ForeignKey(
        "organisations.Clinic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("clinic"),
    )
    is_clinic_admin = models.BooleanField(
        _("clinic admin"),
        default=False,
        help_text=_("Manages the clinic's staff, profile, shared templates and own exercises."),
    )
    # The record a clinic needs (patients).
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    clinic_identifier = models.CharField(
        _("clinic identifier"),
        max_length=40,
        blank=True,
        help_text=_("The patient's number in the practice's own system."),
    )
    # Part of the session hash: raising it signs this person out on every device.
    session_version = models.PositiveIntegerField(default=0, editable=False)
    # A patient's record stamp: a new random value in the same transaction as any
    # change to what their own pages show from the record (accounts/stamps.py). Pages
    # worked out from the record are kept in the cache under it (patient/today.py).
    record_stamp = models.UUIDField(default=uuid.uuid4, editable=False)
    # Whether an answer to the red-flag questions pauses this patient's exercise (an
    # emergency or urgent answer the clinician hasn't cleared). Kept by the database: a
    # trigger recomputes it from the safety checks with every write to them
    # (patient/migrations/0002_exercise_paused_trigger.py), so it is read with the user
    # on every request, never from a cache, and no write path can leave it behind.
    exercise_paused = models.BooleanField(default=False, editable=False)
    # A patient's own request to have their data erased; an admin carries it out.
    erasure_requested_at = models.DateTimeField(_("erasure requested"), null=True, blank=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    # `objects`, which the app's code uses, is scoped to the request's clinic; Django's
    # own machinery (sign-in, the admin, model forms' defaults) uses `unscoped`.
    objects = clinic_scoped(HipMobUserManager)
    unscoped = HipMobUserManager()

    class Meta:
        default_manager_name = "unscoped"
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="user_role_valid"),
            models.CheckConstraint(
                condition=Q(role=Role.ADMIN) | Q(clinic__isnull=False),
                name="user_patient_clinician_in_clinic",
                violation_error_message=_(
                    "Patients and clinicians belong to a clinic: choose one."
                ),
            ),
            models.CheckConstraint(
                condition=Q(is_clinic_admin=False) | Q(role=Role.CLINICIAN),
                name="user_clinic_admin_is_clinician",
                violation_error_message=_("Only a clinician can be a clinic admin."),
            ),
            # One patient number per clinic (blank: none given).
            models.UniqueConstraint(
                fields=["clinic", "clinic_identifier"],
                condition=~Q(clinic_identifier=""),
                name="user_clinic_identifier_unique",
                violation_error_message=_("Another patient of this clinic has that number."),
            ),
            # Patients sign in only by one-time link: a password someone set on their
            # account would be a way in as them. Unusable hashes start with "!".
            models.CheckConstraint(
                condition=~Q(role=Role.PATIENT) | Q(password__startswith="!"),  # noqa: S106
                name="user_patient_no_password",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.username

    # Written only by their own UPDATEs (sign_out_everywhere, the database's triggers).
    WRITTEN_APART = frozenset({"record_stamp", "session_version", "exercise_paused"})

    def save(self, *args, **kwargs):
        """A full save of a person already stored leaves the fields written apart as
        they are in the database: an admin's edit, say, must not put back the stamp or
        the session version it loaded if a write changed them meanwhile (which would
        show pages kept under an old stamp, or revive signed-out sessions)."""
        full = kwargs.get("update_fields") is None and not kwargs.get("force_insert")
        if full and not self._state.adding and self.pk is not None:
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and field.name not in self.WRITTEN_APART
                and field.attname not in deferred
            ]
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.name or self.username

    def get_short_name(self) -> str:
        return (self.name or self.username).split(" ")[0]

    def _session_hash(self, secret=None) -> str:
        return salted_hmac(
            "hipmob.accounts.session",
            f"{self.password}:{self.session_version}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_hash(self) -> str:
        """Django checks this on every request; folding in session_version means
        "sign out everywhere" needs no scan of the session table."""
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        # Sessions verified with an old SECRET_KEY must honour session_version too.
        for fallback in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback)

    @transaction.atomic
    def sign_out_everywhere(self) -> None:
        """Every session ends, and every sign-in link not yet used stops working: a
        lost phone may also hold an unopened link."""
        User.objects.filter(pk=self.pk).update(session_version=models.F("session_version") + 1)
        SignInLink.objects.filter(user=self, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        self.refresh_from_db(fields=["session_version"])
        # A lost phone stops getting notifications too (they say nothing about health,
        # but that this person uses HipMob); each device is turned on again by hand.
        PushSubscription.objects.filter(user=self).delete()
        # Apps above this one revoke their own links too (reminders: unsubscribe links).
        signed_out_everywhere.send(sender=User, user=self)

    @property
    def is_patient(self) -> bool:
        return self.role == Role.PATIENT

    @property
    def is_clinician(self) -> bool:
        return self.role == Role.CLINICIAN

    @property
    def needs_second_factor(self) -> bool:
        """Anyone who can see other people's records signs in with a second step."""
        return self.is_staff or self.role in (Role.CLINICIAN, Role.ADMIN)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zone_named(self.timezone)

    def local_date(self, now=None) -> date:
        """Today's date where this person lives, never the server's date."""
        return timezone.localdate(now, timezone=self.zone)


class CareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended__isnull=True)


class CrossClinicError(ValueError):
    """A link, plan or record that would join two clinics."""


class CareLink(models.Model):
    """A clinician may see a patient only while an active link joins them, and only
    within one clinic: the link carries the clinic both belong to."""

    clinic = models.ForeignKey(
        "organisations.Clinic", on_delete=models.PROTECT, related_name="care_links"
    )
    clinician = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="patient_links",
        limit_choices_to={"role": Role.CLINICIAN},
    )
    patient = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="clinician_links",
        limit_choices_to={"role": Role.PATIENT},
    )
    created = models.DateTimeField(auto_now_add=True)
    ended = models.DateTimeField(null=True, blank=True)

    objects = clinic_scoped(models.Manager.from_queryset(CareLinkQuerySet))
    unscoped = CareLinkQuerySet.as_manager()

    class Meta:
        default_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(fields=["clinician", "patient"], name="carelink_unique_pair"),
            models.CheckConstraint(
                condition=~Q(clinician=models.F("patient")), name="carelink_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clinician} → {self.patient}"

    def save(self, *args, **kwargs):
        if self._state.adding:
            # The people are usually loaded already (no query).
            clinic_id = self.patient.clinic_id
            if self.clinician.clinic_id != clinic_id:
                raise CrossClinicError("A care link joins a clinician and a patient of one clinic.")
            self.clinic_id = clinic_id
        super().save(*args, **kwargs)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SignInLinkQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires__gt=timezone.now()
        )


class SignInLink(models.Model):
    """A one-time link that signs a patient in on their phone. Only the token's hash
    is stored: a copy of the database can't be used to sign anyone in."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = SignInLinkQuerySet.as_manager()

    class Meta:
        indexes = [
            # Revoking a person's open links when a new one is issued.
            models.Index(fields=["user", "used_at"], name="signinlink_user_idx"),
        ]

    def __str__(self) -> str:
        return f"Sign-in link for {self.user} (expires {self.expires:%Y-%m-%d})"

    @classmethod
    @transaction.atomic
    def issue(cls, user: User, created_by: User | None = None) -> tuple["SignInLink", str]:
        """A new link for `user`; their earlier unused links stop working. Returns the
        link and the token, which exists only here and in the URL given out. Only
        patients sign in by link: staff use a password (and later a second factor)."""
        if not user.is_patient or user.is_staff:
            raise ValueError("Sign-in links are for patients only.")
        now = timezone.now()
        cls.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
        token = secrets.token_urlsafe(32)
        link = cls.objects.create(
            user=user,
            token_hash=hash_token(token),
            created_by=created_by,
            expires=now + timedelta(days=settings.SIGN_IN_LINK_DAYS),
        )
        AuditEvent.record(
            created_by, AuditAction.LINK_ISSUED, patient=user, target=f"link {link.pk}"
        )
        return link, token

    @classmethod
    def find(cls, token: str) -> "SignInLink | None":
        if not token or len(token) > 100:
            return None
        return cls.objects.select_related("user").filter(token_hash=hash_token(token)).first()

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires > timezone.now()


class AuditAction(models.TextChoices):
    PATIENT_VIEWED = "patient.viewed", _("Clinician viewed a patient's record")
    HANDOUT_VIEWED = "handout.viewed", _("Clinician opened a patient's handout")
    EXPORTED = "data.exported", _("Data exported")
    PLAN_ASSIGNED = "plan.assigned", _("Plan assigned")
    SUGGESTION_ACCEPTED = "suggestion.accepted", _("Suggestion accepted")
    SUGGESTION_DISMISSED = "suggestion.dismissed", _("Suggestion dismissed")
    LOG_CORRECTED = "log.corrected", _("Log corrected")
    LINK_ISSUED = "link.issued", _("Sign-in link issued")
    LINK_USED = "link.used", _("Sign-in link used")
    SCREENING_CLEARED = "screening.cleared", _("Red-flag check cleared")
    ALERT_RESOLVED = "alert.resolved", _("Alert resolved")
    ALERT_ACKNOWLEDGED = "alert.acknowledged", _("Alert acknowledged")
    ANSWER_KNOWN = "screening.answer_known", _("Red-flag answer noted as known and long-standing")
    TWO_FACTOR_ENABLED = "two_factor.enabled", _("Second step set up")
    RECOVERY_CODE_USED = "two_factor.recovery_code_used", _("Recovery code used")
    RECOVERY_CODES_REPLACED = "two_factor.recovery_codes_replaced", _("Recovery codes replaced")
    ERASURE_REQUESTED = "erasure.requested", _("Patient asked for erasure")
    ERASURE_CANCELLED = "erasure.cancelled", _("Patient withdrew an erasure request")
    PATIENT_ERASED = "patient.erased", _("Patient erased")
    READ_ATTACHED = "plan.read_attached", _("Read attached to a plan")
    READ_REMOVED = "plan.read_removed", _("Read removed from a plan")
    REMINDERS_UNSUBSCRIBED = "reminders.unsubscribed", _("Reminder emails switched off by link")
    EMAIL_CHANGE_REQUESTED = "email.change_requested", _("Patient asked to change their email")
    EMAIL_CHANGED = "email.changed", _("Patient confirmed a new email address")
    EMAIL_REMOVED = "email.removed", _("Patient removed their email address")
    PUSH_DEVICE_MOVED = "push.device_moved", _("Notifications on a device moved to another account")
    STAFF_INVITED = "staff.invited", _("Staff member invited")
    STAFF_JOINED = "staff.joined", _("Staff member accepted an invitation")
    STAFF_DEACTIVATED = "staff.deactivated", _("Staff member deactivated")
    STAFF_REACTIVATED = "staff.reactivated", _("Staff member reactivated")
    CASELOAD_HANDED_OVER = "caseload.handed_over", _("Caseload handed over")
    CLINIC_CHANGED = "clinic.changed", _("Clinic profile changed")
    THRESHOLDS_SIGNED = "clinic.thresholds_signed", _("Clinical thresholds signed off")
    EPISODE_OPENED = "episode.opened", _("Episode of care opened")
    EPISODE_DISCHARGED = "episode.discharged", _("Patient discharged")
    RECORD_CHANGED = "record.changed", _("Patient record changed")
    SSO_SIGNED_IN = "sso.signed_in", _("Signed in through the organisation's sign-on")
    ADMIN_ADDED = "admin.added", _("Added in the admin")
    ADMIN_CHANGED = "admin.changed", _("Changed in the admin")
    ADMIN_DELETED = "admin.deleted", _("Deleted in the admin")


class AuditEvent(models.Model):
    """Who did what to whose record. Kept when records change; read-only in the admin."""

    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=64, choices=AuditAction.choices)
    patient = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_events"
    )
    target = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        indexes = [
            # A patient's trail, newest first.
            models.Index(fields=["patient", "-at"], name="audit_patient_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor}: {self.action}"

    @classmethod
    def record(cls, actor, action: str, patient=None, target: str = "", **detail):
        return cls.objects.create(
            actor=actor, action=action, patient=patient, target=target[:200], detail=detail
        )


class PushSubscriptionQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class PushSubscription(models.Model):
    """One browser on one device that receives Web Push notifications for a person
    (accounts/push.py sends them). The endpoint is the push service's address for that
    browser and, with the two keys, a secret: whoever holds them can send it messages,
    so none of the three is ever shown, logged or put in the admin. Removed when the
    push service says it is gone (404, 410), by its owner, on "sign out everywhere",
    and with the account."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="push_subscriptions")
    # https only (checked in accounts/push.py, with the allowed push services).
    endpoint = models.URLField(max_length=1024)
    # The browser's P-256 public key (65 bytes) and auth secret (16 bytes), in unpadded
    # base64url, as PushSubscription.toJSON() gives them.
    p256dh = models.CharField(max_length=87)
    auth = models.CharField(max_length=22)
    # "Chrome on Android", or a name the person typed; only for telling devices apart.
    device = models.CharField(_("device"), max_length=60)
    created = models.DateTimeField(auto_now_add=True)
    last_success = models.DateTimeField(null=True, blank=True)

    objects = PushSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            # A browser's subscription belongs to one account at a time.
            models.UniqueConstraint(fields=["endpoint"], name="pushsubscription_endpoint_unique"),
            models.CheckConstraint(
                condition=Q(endpoint__startswith="https://") | Q(endpoint__startswith="http://"),
                name="pushsubscription_endpoint_web",
            ),
            models.CheckConstraint(
                condition=~Q(p256dh="") & ~Q(auth="") & ~Q(device=""),
                name="pushsubscription_fields_given",
            ),
        ]
        indexes = [
            # The account page's list of a person's devices, and the senders' loop over
            # one recipient's devices (oldest first).
            models.Index(fields=["user", "created"], name="pushsubscription_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.device} ({self.user})"

    @property
    def endpoint_hash(self) -> str:
        """Lets push.js tell which listed device is this browser without the page
        holding the endpoint itself."""
        return hashlib.sha256(self.endpoint.encode()).hexdigest()


class Outcome(models.TextChoices):
    GOALS_MET = "goals_met", _("Goals met")
    IMPROVED = "improved", _("Improved, self-managing")
    NO_CHANGE = "no_change", _("No change")
    WORSE = "worse", _("Worse")
    REFERRED_ON = "referred_on", _("Referred on")
    STOPPED_ATTENDING = "stopped", _("Stopped attending")


class EpisodeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(discharged_on__isnull=True)


class Episode(models.Model):
    """One episode of care: why the patient was referred, when it started, when it is
    due for review, and how it ended. A patient has at most one open episode."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    clinic = models.ForeignKey(
        "organisations.Clinic", on_delete=models.PROTECT, related_name="episodes"
    )
    patient = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="episodes",
        limit_choices_to={"role": Role.PATIENT},
    )
    referral_reason = models.CharField(_("reason for referral"), max_length=200)
    started_on = models.DateField(_("start"))
    review_on = models.DateField(_("review date"), null=True, blank=True)
    discharged_on = models.DateField(_("discharged"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    discharge_note = models.TextField(_("discharge note"), blank=True)
    opened_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    discharged_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = clinic_scoped(models.Manager.from_queryset(EpisodeQuerySet))
    unscoped = EpisodeQuerySet.as_manager()

    class Meta:
        default_manager_name = "unscoped"
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=Q(discharged_on__isnull=True),
                name="episode_one_open",
            ),
            models.CheckConstraint(
                condition=Q(review_on__isnull=True) | Q(review_on__gte=models.F("started_on")),
                name="episode_review_after_start",
            ),
            models.CheckConstraint(
                condition=Q(discharged_on__isnull=True, outcome="")
                | (Q(discharged_on__gte=models.F("started_on")) & Q(outcome__in=Outcome.values)),
                name="episode_discharge_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.patient}: {self.referral_reason} ({self.started_on})"

    @property
    def is_open(self) -> bool:
        return self.discharged_on is None


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires__gt=timezone.now()
        )


class Invitation(models.Model):
    """A clinic admin's invitation to a new clinician, sent by email. Only the
    token's hash is stored; accepting it creates the account in the clinic."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    clinic = models.ForeignKey(
        "organisations.Clinic", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=150)
    as_clinic_admin = models.BooleanField(_("also a clinic admin"), default=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = clinic_scoped(models.Manager.from_queryset(InvitationQuerySet))
    unscoped = InvitationQuerySet.as_manager()

    class Meta:
        default_manager_name = "unscoped"
        ordering = ["-created"]
        constraints = [
            # One open invitation per address and clinic.
            models.UniqueConstraint(
                fields=["clinic", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.clinic})"
