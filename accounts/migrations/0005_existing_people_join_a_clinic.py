"""An installation from before clinics existed becomes one organisation with one
clinic, named from its settings; everyone but its admins, and every care link, joins
it. The clinic keeps what the settings told patients: the country (GB if it isn't one
a clinic can choose), the emergency number and the urgent-care wording when they were
set, the phone and hours. A new installation (no people yet) gets nothing here."""

from django.conf import settings
from django.db import migrations


def into_one_clinic(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    CareLink = apps.get_model("accounts", "CareLink")
    people = User._default_manager.exclude(role="admin")
    if not people.exists() and not CareLink._default_manager.exists():
        return
    Organisation = apps.get_model("organisations", "Organisation")
    Clinic = apps.get_model("organisations", "Clinic")
    name = settings.CLINIC_NAME or "HipMob clinic"
    listed = settings.HIPMOB_COUNTRY.upper()
    choosable = dict(Clinic._meta.get_field("country").choices)
    country = listed if listed in choosable else "GB"
    organisation, _ = Organisation._default_manager.get_or_create(
        slug="main", defaults={"name": name}
    )
    clinic, _ = Clinic._default_manager.get_or_create(
        slug="main",
        defaults={
            "organisation": organisation,
            "name": name,
            "phone": settings.CLINIC_PHONE,
            "hours": settings.CLINIC_HOURS,
            "country": country,
            # An unlisted country was given 112 (hipmob/contact.py); it still is.
            "emergency_number": settings.EMERGENCY_NUMBER or ("112" if country != listed else ""),
            "urgent_care": settings.URGENT_CARE,
            "timezone": settings.TIME_ZONE,
        },
    )
    people.filter(clinic__isnull=True).update(clinic=clinic)
    CareLink._default_manager.filter(clinic__isnull=True).update(clinic=clinic)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_clinics_episodes_invitations"),
        ("organisations", "0001_initial"),
    ]

    operations = [migrations.RunPython(into_one_clinic, migrations.RunPython.noop)]
