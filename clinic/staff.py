"""What a clinic admin does to the clinic's staff and profile: deactivating and
reactivating clinicians, handing a caseload over, revoking invitations (making them is
accounts/invitations.py), saving the profile and signing off the clinical thresholds.
No requests here: the views in clinic/views/manage.py call these with people and a
clinic already checked to be the admin's own (the request's clinic scope)."""

import hashlib
import json
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditAction, AuditEvent, CareLink, Invitation, User
from organisations.models import Clinic
from progression import caseload
from progression.models import Suggestion, SuggestionStatus
from safety import alerts as safety_alerts
from safety.models import NOTIFYING, Alert, ScreeningQuestion

# The settings that decide when patients are told to stop, progress or step back, and
# when clinicians are alerted (hipmob/settings.py, "Clinical thresholds").
THRESHOLD_SETTINGS = [
    "PAIN_MEANINGFUL_POINTS",
    "PAIN_MEANINGFUL_SHARE",
    "PAIN_ACCEPTABLE_CEILING",
    "PAIN_SAFE_CEILING",
    "PAIN_SEVERE",
    "PROGRESS_AFTER_SESSIONS",
    "LADDER_HOLD_STEP",
    "LADDER_HOLD_TOP",
    "LADDER_HOLD_BOTTOM",
    "LADDER_REPS_STEP",
    "LADDER_REPS_TOP",
    "LADDER_REPS_BOTTOM",
    "LADDER_HELD_REP_STEP",
    "LADDER_HELD_REP_TOP",
    "LADDER_HELD_REP_BOTTOM",
    "LADDER_SETS_TOP",
    "BAD_DAY_FALLBACK",
]
PROFILE_FIELDS = [
    "name",
    "address",
    "phone",
    "hours",
    "country",
    "emergency_number",
    "language",
    "timezone",
]


class StaffError(Exception):
    """A refused change, in words for the clinic admin; nothing was stored."""


# --- The thresholds' version and sign-off -------------------------------------------


def thresholds_version() -> str:
    """A short fingerprint of what a clinical sign-off covers: the threshold settings
    and each active safety question's key and tier. Any change to them gives another
    version, so the profile can say the sign-off is out of date. One query."""
    questions = ScreeningQuestion.objects.filter(active=True).order_by("key")
    described = {
        "settings": {name: getattr(settings, name) for name in THRESHOLD_SETTINGS},
        "questions": [list(pair) for pair in questions.values_list("key", "tier")],
    }
    canonical = json.dumps(described, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def sign_off_thresholds(admin: User, clinic: Clinic) -> str:
    """Records who signed the current version off, and when; the version."""
    version = thresholds_version()
    clinic.thresholds_version = version
    clinic.thresholds_signed_by = admin.get_full_name()
    clinic.thresholds_signed_at = timezone.now()
    with transaction.atomic():
        clinic.save(
            update_fields=["thresholds_version", "thresholds_signed_by", "thresholds_signed_at"]
        )
        AuditEvent.record(
            admin,
            AuditAction.THRESHOLDS_SIGNED,
            target=f"clinic {clinic.code}",
            version=version,
            signed_by=clinic.thresholds_signed_by,
        )
    return version


def profile_values(clinic: Clinic) -> dict:
    return {name: getattr(clinic, name) for name in PROFILE_FIELDS}


def save_profile(admin: User, clinic: Clinic, before: dict) -> list[str]:
    """Saves the profile fields of `clinic` (a form has set them) that differ from
    `before` (profile_values() read before the form ran); their names. Audited with
    the old and new values (a clinic's details, nobody's health data)."""
    changes = {
        name: [before[name], getattr(clinic, name)]
        for name in PROFILE_FIELDS
        if getattr(clinic, name) != before[name]
    }
    if changes:
        with transaction.atomic():
            clinic.save(update_fields=list(changes))
            AuditEvent.record(
                admin, AuditAction.CLINIC_CHANGED, target=f"clinic {clinic.code}", changed=changes
            )
    return list(changes)


# --- Staff -----------------------------------------------------------------------------


def staff_of(admin: User):
    """The clinic's clinicians, active and not, each with `caseload`: how many patients
    an active care link joins them to. One query (the request's scope is the clinic)."""
    return (
        User.objects.clinicians()
        .filter(clinic_id=admin.clinic_id)
        .annotate(caseload=Count("patient_links", filter=Q(patient_links__ended__isnull=True)))
        .order_by("-is_active", "name", "username")
    )


def colleague_of(admin: User, code) -> User | None:
    """A clinician of the admin's clinic by code, or None."""
    return User.objects.clinicians().filter(clinic_id=admin.clinic_id, code=code).first()


@transaction.atomic
def deactivate(admin: User, person: User) -> int:
    """`person` can no longer sign in, and every session of theirs ends now. Refused
    for the admin themself and for the clinic's last active clinic admin. How many
    patients they still hold (they need handing over: deactivated clinicians are told
    of no alert)."""
    if person.pk == admin.pk:
        raise StaffError(_("You can't deactivate yourself. Ask another clinic admin."))
    if not person.is_active:
        raise StaffError(_("%(name)s is already deactivated.") % {"name": person})
    if person.is_clinic_admin:
        # Locked, so two admins deactivating each other at once can't leave none.
        admins = list(
            User.objects.select_for_update()
            .filter(clinic_id=person.clinic_id, is_clinic_admin=True, is_active=True)
            .values_list("pk", flat=True)
        )
        if admins == [person.pk]:
            raise StaffError(
                _(
                    "%(name)s is the clinic's last active clinic admin. Make someone else a "
                    "clinic admin first."
                )
                % {"name": person}
            )
    User.objects.filter(pk=person.pk).update(is_active=False)
    person.is_active = False
    person.sign_out_everywhere()
    # Their invitations still waiting go with them (one could name themself admin).
    Invitation.objects.pending().filter(invited_by=person).update(revoked_at=timezone.now())
    AuditEvent.record(admin, AuditAction.STAFF_DEACTIVATED, target=f"clinician {person.code}")
    return CareLink.objects.active().filter(clinician=person).count()


@transaction.atomic
def reactivate(admin: User, person: User) -> None:
    if person.is_active:
        raise StaffError(_("%(name)s is already active.") % {"name": person})
    User.objects.filter(pk=person.pk).update(is_active=True)
    person.is_active = True
    AuditEvent.record(admin, AuditAction.STAFF_REACTIVATED, target=f"clinician {person.code}")


def revoke_invitation(admin: User, invitation: Invitation) -> bool:
    """Whether it was still waiting (a used or revoked one is left as it is)."""
    with transaction.atomic():
        done = (
            Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True)
            .filter(revoked_at__isnull=True)
            .update(revoked_at=timezone.now())
        )
        if done:
            # No action of its own in AuditAction (a model change): the invitation's
            # own action, marked as its withdrawal.
            AuditEvent.record(
                admin,
                AuditAction.STAFF_INVITED,
                target=f"invitation {invitation.code}",
                revoked=True,
            )
    return bool(done)


# --- Handover --------------------------------------------------------------------------


@dataclass(frozen=True)
class Handover:
    patients: int
    alerts: int
    suggestions: int


def handover_counts(leaver: User) -> Handover:
    """What a handover would move: the leaver's patients, their open alerts and their
    waiting suggestions (a whole-routine one counts once). Three queries."""
    ids = CareLink.objects.active().filter(clinician=leaver).values("patient_id")
    return Handover(
        patients=CareLink.objects.active().filter(clinician=leaver).count(),
        alerts=Alert.objects.open().filter(patient_id__in=ids).count(),
        suggestions=_waiting(ids).values("group").distinct().count(),
    )


def _waiting(patient_ids):
    return Suggestion.objects.filter(patient_id__in=patient_ids, status=SuggestionStatus.PENDING)


def hand_over(admin: User, leaver: User, colleague: User) -> Handover:
    """Every patient of `leaver` goes to `colleague`, in one transaction: the leaver's
    care links end and the colleague's begin (or an ended one starts again). Alerts
    and suggestions belong to the patient, so they move with the link: the colleague
    sees them on the list and the patient pages from now on. An open alert the leaver
    had acknowledged ("I'm on it") is acknowledged no longer: the leaver is not on it,
    so the colleague is told of it (emergency and urgent ones at once, after the
    commit) and reminded as for any alert nobody has taken. Audited once for the
    handover and once in each patient's trail."""
    if (
        colleague.pk == leaver.pk
        or colleague.clinic_id != leaver.clinic_id
        or not colleague.is_active
        or not colleague.is_clinician
    ):
        raise StaffError(_("Choose an active clinician of your clinic other than the leaver."))
    now = timezone.now()
    with transaction.atomic():
        links = list(
            CareLink.objects.active()
            .select_for_update()
            .filter(clinician=leaver)
            .order_by("patient_id")
            .values_list("pk", "patient_id", "clinic_id")
        )
        patient_ids = [patient_id for _pk, patient_id, _clinic in links]
        if not patient_ids:
            raise StaffError(_("%(name)s has no patients to hand over.") % {"name": leaver})
        CareLink.objects.filter(pk__in=[pk for pk, _p, _c in links]).update(ended=now)
        theirs = CareLink.objects.filter(clinician=colleague, patient_id__in=patient_ids)
        theirs.filter(ended__isnull=False).update(ended=None)
        had = set(theirs.values_list("patient_id", flat=True))
        # bulk_create skips CareLink.save(): the clinic is the leaver's link's (one clinic).
        CareLink.objects.bulk_create(
            CareLink(clinician=colleague, patient_id=patient_id, clinic_id=clinic_id)
            for _pk, patient_id, clinic_id in links
            if patient_id not in had
        )
        open_alerts = Alert.objects.open().filter(patient_id__in=patient_ids)
        alert_count = open_alerts.count()
        open_alerts.filter(acknowledged_by=leaver).update(
            acknowledged_at=None, acknowledged_by=None
        )
        to_tell = list(
            open_alerts.filter(tier__in=NOTIFYING, acknowledged_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        suggestion_count = _waiting(patient_ids).values("group").distinct().count()
        caseload.refresh(patient_ids, now)
        detail = {
            "from": str(leaver.code),
            "to": str(colleague.code),
            "patients": len(patient_ids),
            "alerts": alert_count,
            "suggestions": suggestion_count,
        }
        AuditEvent.record(
            admin, AuditAction.CASELOAD_HANDED_OVER, target=_pair(leaver, colleague), **detail
        )
        AuditEvent.objects.bulk_create(
            AuditEvent(
                actor=admin,
                action=AuditAction.CASELOAD_HANDED_OVER,
                patient_id=patient_id,
                target=_pair(leaver, colleague),
                detail={"from": str(leaver.code), "to": str(colleague.code)},
            )
            for patient_id in patient_ids
        )
        for alert_id in to_tell:
            transaction.on_commit(partial(safety_alerts.notify, alert_id))
    return Handover(len(patient_ids), alert_count, suggestion_count)


def _pair(leaver: User, colleague: User) -> str:
    return f"clinician {leaver.code} → {colleague.code}"
