import uuid
import zoneinfo
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_timezone


class Role(models.TextChoices):
    PATIENT = "patient", _("Patient")
    CLINICIAN = "clinician", _("Clinician")
    ADMIN = "admin", _("Administrator")


class HipMobUserManager(UserManager):
    def patients(self):
        return self.filter(role=Role.PATIENT)

    def clinicians(self):
        return self.filter(role=Role.CLINICIAN)


def default_timezone() -> str:
    return settings.TIME_ZONE


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

    objects = HipMobUserManager()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="user_role_valid"),
        ]

    def __str__(self) -> str:
        return self.name or self.username

    def get_full_name(self) -> str:
        return self.name or self.username

    def get_short_name(self) -> str:
        return (self.name or self.username).split(" ")[0]

    @property
    def is_patient(self) -> bool:
        return self.role == Role.PATIENT

    @property
    def is_clinician(self) -> bool:
        return self.role == Role.CLINICIAN

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """Forms validate the name; a bad one written past them (a script, the shell)
        falls back to the site's zone rather than breaking every page."""
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def local_date(self, now=None) -> date:
        """Today's date where this person lives, never the server's date."""
        return timezone.localdate(now, timezone=self.zone)


class CareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended__isnull=True)


class CareLink(models.Model):
    """A clinician may see a patient only while an active link joins them."""

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

    objects = CareLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinician", "patient"], name="carelink_unique_pair"),
            models.CheckConstraint(
                condition=~Q(clinician=models.F("patient")), name="carelink_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clinician} → {self.patient}"
