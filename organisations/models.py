"""Organisations and their clinics. Everything a clinic owns (its patients and staff,
their care links, its templates and its own exercises) carries the clinic, and every
query of it is scoped to the signed-in person's clinic (organisations/scoping.py)."""

import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hipmob import contact

# The countries whose emergency number and urgent-care wording hipmob/contact.py knows;
# any other country gets 112 and the general wording.
COUNTRIES = [
    ("GB", _("United Kingdom")),
    ("IE", _("Ireland")),
    ("ES", _("Spain")),
    ("US", _("United States")),
    ("CA", _("Canada")),
    ("DE", _("Germany")),
    ("FR", _("France")),
    ("NL", _("Netherlands")),
    ("PT", _("Portugal")),
    ("IT", _("Italy")),
]


def _zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Organisation(models.Model):
    """A physiotherapy group or health board: one or more clinics, and (optionally)
    the identity provider its staff sign in with."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("short name"),
        unique=True,
        help_text=_("Lower-case letters, digits and hyphens; names its single sign-on."),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name


class Clinic(models.Model):
    """One site: its contact details (shown on its patients' pages), the country that
    decides the emergency number, defaults for new patients, and who signed off its
    clinical thresholds and safety-question tiers."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="clinics")
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), unique=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, help_text=_("e.g. Mon–Fri 8am–6pm")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRIES,
        default="GB",
        help_text=_("Decides the emergency number and the urgent-care wording patients see."),
    )
    emergency_number = models.CharField(
        _("emergency number"),
        max_length=16,
        blank=True,
        help_text=_("Only if it differs from the country's (999, 112 or 911)."),
    )
    urgent_care = models.CharField(
        _("urgent-care advice"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where patients go for urgent advice when the clinic is closed, only if it "
            "differs from the country's (e.g. “NHS 111, or A&E”)."
        ),
    )
    language = models.CharField(
        _("default language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("For new patients; each person can change their own."),
    )
    timezone = models.CharField(
        _("default time zone"),
        max_length=64,
        choices=_zone_choices,
        default="Europe/London",
        help_text=_("For new patients: decides which day is “today” for them."),
    )
    # The sign-off of the clinical thresholds and the safety questions' tiers this
    # clinic runs with (settings and safety/rules.py): who, when, which version.
    thresholds_version = models.CharField(_("thresholds version"), max_length=40, blank=True)
    thresholds_signed_by = models.CharField(
        _("thresholds signed off by"), max_length=150, blank=True
    )
    thresholds_signed_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("clinic")
        constraints = [
            models.CheckConstraint(
                condition=Q(thresholds_signed_at__isnull=True)
                | (~Q(thresholds_signed_by="") & ~Q(thresholds_version="")),
                name="clinic_signoff_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def contact(self) -> contact.Contact:
        return contact.for_clinic(self)
