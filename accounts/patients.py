"""Adding a patient: the account, the care link to the clinician who adds them, and a
first one-time sign-in link, in one transaction: an account is never left without its
link or its clinician. (A later link is SignInLink.issue() alone.)"""

import secrets
from datetime import date

from django.db import transaction

from accounts.models import CareLink, Role, SignInLink, User


def new_username() -> str:
    """Random, so a patient's name never ends up in a login or a log line."""
    while True:
        username = f"patient-{secrets.token_hex(4)}"
        # Usernames are one namespace for the whole installation, so across clinics.
        if not User.unscoped.filter(username=username).exists():
            return username


@transaction.atomic
def add_patient(
    clinician: User,
    *,
    name: str,
    email: str,
    timezone: str,
    date_of_birth: date | None = None,
    phone: str = "",
    language: str = "",
    clinic_identifier: str = "",
) -> tuple[User, str]:
    """The new patient, and the token of their sign-in link: it exists only here and in
    the page that shows it once. A clinic identifier another patient of the clinic has
    raises IntegrityError (user_clinic_identifier_unique), and nothing is kept."""
    patient = User(
        username=new_username(),
        name=name,
        email=email,
        timezone=timezone,
        role=Role.PATIENT,
        clinic_id=clinician.clinic_id,
        date_of_birth=date_of_birth,
        phone=phone,
        language=language,
        clinic_identifier=clinic_identifier,
    )
    patient.set_unusable_password()  # patients sign in with one-time links
    patient.save()
    CareLink.objects.create(clinician=clinician, patient=patient)
    _link, token = SignInLink.issue(patient, created_by=clinician)
    return patient, token
