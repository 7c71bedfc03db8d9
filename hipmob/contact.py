"""Who to call: the emergency number and urgent-care wording of the country HipMob runs
in, and the clinic's own name, phone and hours. All from settings, never written into
the text, so a clinic in Spain or the US never sees "999" or "A&E".

The emergency number follows HIPMOB_COUNTRY unless EMERGENCY_NUMBER is set: 999 in the
UK, 112 in the EU (Spain included; Ireland answers both, 112 is used), 911 in the US and
Canada, and 112 for any other country, since 112 is the international standard that
GSM phones route in most of the world. A signed-in patient or clinician sees their own
clinic's profile (organisations.Clinic: its country, number, name, phone and hours);
the settings are the installation's defaults, for pages nobody is signed in to."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

NORTH_AMERICA = frozenset({"US", "CA"})
FALLBACK_NUMBER = "112"


def _region(country: str) -> str:
    if country == "GB":
        return "GB"
    if country in NORTH_AMERICA:
        return "NA"
    return "EU"  # the EU's 112 and wording, also for any other country


NUMBERS = {"GB": "999", "NA": "911", "EU": FALLBACK_NUMBER}
URGENT_CARE = {
    "GB": _("NHS 111, or A&E"),
    "NA": _("urgent care or the emergency room"),
    "EU": _("your health centre's urgent service or the hospital emergency department"),
}
EMERGENCY_DEPARTMENT = {
    "GB": _("A&E"),
    "NA": _("the emergency room"),
    "EU": _("the hospital emergency department"),
}


def tel_href(number: str) -> str:
    """A dialable tel: address: digits and a leading +, nothing else."""
    kept = "".join(c for c in number if c.isdigit())
    return f"tel:{'+' if number.strip().startswith('+') else ''}{kept}"


def tel_link(number: str) -> SafeString:
    return format_html('<a class="tel-link" href="{}">{}</a>', tel_href(number), number)


@dataclass(frozen=True)
class Contact:
    country: str
    emergency_number: str
    urgent_care: str
    emergency_department: str
    clinic_name: str
    clinic_phone: str
    clinic_hours: str
    clinic_address: str = ""

    @cached_property
    def emergency_link(self) -> SafeString:
        return tel_link(self.emergency_number)

    @cached_property
    def emergency_href(self) -> str:
        return tel_href(self.emergency_number)

    @cached_property
    def clinic_phone_link(self) -> SafeString:
        return tel_link(self.clinic_phone) if self.clinic_phone else SafeString("")


def emergency_number(country: str | None = None) -> str:
    if country is None and settings.EMERGENCY_NUMBER:
        return settings.EMERGENCY_NUMBER
    return NUMBERS[_region((country or settings.HIPMOB_COUNTRY).upper())]


def current() -> Contact:
    """Read at each call, so a settings override (in tests) takes effect. No queries."""
    region = _region(settings.HIPMOB_COUNTRY.upper())
    return Contact(
        country=settings.HIPMOB_COUNTRY.upper(),
        emergency_number=emergency_number(),
        urgent_care=settings.URGENT_CARE or URGENT_CARE[region],
        emergency_department=EMERGENCY_DEPARTMENT[region],
        clinic_name=settings.CLINIC_NAME,
        clinic_phone=settings.CLINIC_PHONE,
        clinic_hours=settings.CLINIC_HOURS,
    )


def for_clinic(clinic) -> Contact:
    """A clinic's own details; its country decides the number and wording unless the
    clinic sets its own number. Blank details fall back to the installation's."""
    country = clinic.country.upper()
    region = _region(country)
    return Contact(
        country=country,
        emergency_number=clinic.emergency_number or NUMBERS[region],
        urgent_care=clinic.urgent_care or URGENT_CARE[region],
        emergency_department=EMERGENCY_DEPARTMENT[region],
        clinic_name=clinic.name,
        clinic_phone=clinic.phone or settings.CLINIC_PHONE,
        clinic_hours=clinic.hours or settings.CLINIC_HOURS,
        clinic_address=clinic.address,
    )


def for_user(user) -> Contact:
    """Who this person should call: their clinic's details when they have a clinic
    (the user is loaded with it, so no query), else the installation's."""
    clinic = getattr(user, "clinic", None) if getattr(user, "is_authenticated", False) else None
    return for_clinic(clinic) if clinic is not None else current()
