"""Everything HipMob holds about a patient: downloading it, and erasing it."""

import csv
import uuid

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditAction, AuditEvent, CareLink, PushSubscription, SignInLink, User
from practice.models import ExerciseSession, MorningCheck, StepLog
from progression import caseload
from progression.models import CaseloadEntry, PsfsScore, Suggestion
from reminders.models import Reminder, ReminderSettings, UnsubscribeLink
from routines.models import Routine
from safety.alerts import raise_alert
from safety.models import Alert, AlertKind, KnownAnswer, Screening


def _iso(value):
    return value.isoformat() if value else None


def session_record(session: ExerciseSession) -> dict:
    return {
        "date": session.local_date.isoformat(),
        "status": session.status,
        "bad_day": session.bad_day,
        "pain_before": session.pain_before,
        "pain_worst": session.pain_worst,
        "pain_after": session.pain_after,
        "effort": session.effort,
        "note": session.note,
        "started": session.started.isoformat(),
        "finished": _iso(session.finished),
        "steps": [
            {
                "exercise": log.exercise.name,
                "side": log.side,
                "set": log.set_number,
                "status": log.status,
                "skip_reason": log.skip_reason,
                "reps": log.reps,
                "hold_seconds": log.hold_seconds,
                "at": log.at.isoformat(),
            }
            for log in session.logs.all()
        ],
    }


def export_sessions(patient: User):
    logs = StepLog.objects.select_related("exercise").order_by("at", "id")
    return (
        ExerciseSession.objects.filter(patient=patient)
        .prefetch_related(Prefetch("logs", queryset=logs))
        .order_by("local_date")
    )


def everything(patient: User) -> dict:
    """The whole record, as the patient may download it (a fixed number of queries)."""
    plans = (
        Routine.objects.filter(patient=patient)
        .prefetch_related("items__exercise")
        .order_by("start_date", "created")
    )
    trail = AuditEvent.objects.filter(patient=patient).select_related("actor").order_by("at")
    return {
        "exported": timezone.now().isoformat(),
        "person": {
            "name": patient.name,
            "username": patient.username,
            "email": patient.email,
            "timezone": patient.timezone,
            "joined": patient.date_joined.isoformat(),
        },
        "clinicians": [
            {
                "name": link.clinician.name,
                "since": link.created.isoformat(),
                "ended": _iso(link.ended),
            }
            for link in CareLink.objects.filter(patient=patient).select_related("clinician")
        ],
        "plans": [
            {
                "title": plan.title,
                "start_date": _iso(plan.start_date),
                "end_date": _iso(plan.end_date),
                "active": plan.active,
                "exercises": [
                    {"exercise": item.exercise.name, "dose": item.dose, "notes": item.notes}
                    for item in plan.items.all()
                ],
            }
            for plan in plans
        ],
        "sessions": [session_record(s) for s in export_sessions(patient)],
        "morning_checks": [
            {"date": m.local_date.isoformat(), "response": m.response, "pain": m.pain}
            for m in MorningCheck.objects.filter(patient=patient).order_by("local_date")
        ],
        "safety_checks": [
            {
                "date": s.local_date.isoformat(),
                "result": s.tier,
                "answers": s.answers,
                "cleared_at": _iso(s.cleared_at),
            }
            for s in Screening.objects.filter(patient=patient).order_by("at")
        ],
        # Answers the clinician noted as known and long-standing: later checks ask
        # them as "new or changed".
        "known_answers": [
            {"question": k.question_key, "noted_at": _iso(k.at), "note": k.note}
            for k in KnownAnswer.objects.filter(patient=patient).order_by("at")
        ],
        "activities": [
            {"date": p.local_date.isoformat(), "activities": p.activities, "mean": str(p.mean)}
            for p in PsfsScore.objects.filter(patient=patient).order_by("local_date")
        ],
        "reminders": {
            "settings": [
                {
                    "channel": r.channel,
                    "time": r.time.isoformat(),
                    "sitting_breaks": r.sitting_breaks,
                }
                for r in ReminderSettings.objects.filter(patient=patient)
            ],
            "sent": [
                {"date": r.local_date.isoformat(), "kind": r.kind, "channel": r.channel}
                for r in Reminder.objects.filter(patient=patient).order_by("local_date")
            ],
        },
        # The devices with notifications on: their names and dates, not the push
        # service's address or keys (they only work for this server).
        "notification_devices": [
            {"device": d.device, "added": d.created.isoformat(), "last_sent": _iso(d.last_success)}
            for d in PushSubscription.objects.filter(user=patient).order_by("created")
        ],
        "record_access": [
            {
                "at": event.at.isoformat(),
                "what": str(event.get_action_display()),
                "by": event.actor.name if event.actor else "",
            }
            for event in trail
        ],
    }


@transaction.atomic
def request_erasure(patient: User) -> bool:
    """Once (a second request changes nothing): recorded, audited, and shown to the
    patient's clinicians as an alert for information. Whether this was the first."""
    if not User.objects.filter(pk=patient.pk, erasure_requested_at__isnull=True).update(
        erasure_requested_at=timezone.now()
    ):
        return False
    AuditEvent.record(patient, AuditAction.ERASURE_REQUESTED, patient=patient)
    raise_alert(
        patient,
        AlertKind.ERASURE,
        title=_("Asked for their data to be erased"),
        detail=_("The clinic's admin carries it out; the patient may still withdraw it."),
    )
    return True


@transaction.atomic
def withdraw_erasure(patient: User) -> bool:
    """The request withdrawn, audited, and its alert resolved by the patient's own act.
    Whether there was a request to withdraw."""
    if not User.objects.filter(pk=patient.pk, erasure_requested_at__isnull=False).update(
        erasure_requested_at=None
    ):
        return False
    AuditEvent.record(patient, AuditAction.ERASURE_CANCELLED, patient=patient)
    with translation.override(settings.LANGUAGE_CODE):  # the record's language
        resolution = gettext("Withdrawn by the patient.")
    if (
        Alert.objects.open()
        .filter(patient=patient, kind=AlertKind.ERASURE)
        .update(resolved_at=timezone.now(), resolved_by=patient, resolution=resolution)
    ):
        caseload.touch(patient.pk)  # an update(): post_save doesn't see it
    return True


@transaction.atomic
def erase(patient: User, by: User) -> dict:
    """Remove a patient's health data and anonymise the account. The audit trail stays
    (who did what, when) but loses any health content it held. Returns counts."""
    if not patient.is_patient:
        raise ValueError("Only patients are erased this way.")
    counts = {
        "sessions": ExerciseSession.objects.filter(patient=patient).count(),
        "safety_checks": Screening.objects.filter(patient=patient).count(),
    }
    _forget_admin_history(patient)
    StepLog.objects.filter(session__patient=patient).delete()
    Suggestion.objects.filter(patient=patient).delete()
    MorningCheck.objects.filter(patient=patient).delete()
    ExerciseSession.objects.filter(patient=patient).delete()
    Alert.objects.filter(patient=patient).delete()  # and their notices
    KnownAnswer.objects.filter(patient=patient).delete()
    Screening.objects.filter(patient=patient).delete()
    PsfsScore.objects.filter(patient=patient).delete()
    CaseloadEntry.objects.filter(patient=patient).delete()  # pains and alerts, copied
    Routine.objects.filter(patient=patient).delete()
    # Templates copied from their plan to change it ("Change the plan").
    Routine.objects.filter(prepared_for=patient).delete()
    SignInLink.objects.filter(user=patient).delete()
    Reminder.objects.filter(patient=patient).delete()
    ReminderSettings.objects.filter(patient=patient).delete()
    UnsubscribeLink.objects.filter(patient=patient).delete()
    CareLink.objects.filter(patient=patient).delete()
    AuditEvent.objects.filter(patient=patient).update(detail={})
    _forget_sign_ins(patient)
    patient.sign_out_everywhere()
    # A new code: the old one is in clinicians' addresses, server logs and old emails.
    patient.code = uuid.uuid4()
    patient.username = f"erased-{patient.code.hex[:12]}"
    patient.name = ""
    patient.email = ""
    patient.is_active = False
    patient.set_unusable_password()
    patient.erasure_requested_at = None
    patient.erased_at = timezone.now()
    patient.save()
    AuditEvent.record(by, AuditAction.PATIENT_ERASED, patient=patient, **counts)
    return counts


def _forget_admin_history(patient: User) -> None:
    """The Django admin's own change history names what it changed (a patient's name,
    "Bob → Alice Morgan"): its rows about this patient's account, care links and plans
    go. Their AuditEvents stay, emptied of detail like the rest of the trail."""
    about = {
        User: [patient.pk],
        CareLink: CareLink.objects.filter(patient=patient).values_list("pk", flat=True),
        Routine: Routine.objects.filter(Q(patient=patient) | Q(prepared_for=patient)).values_list(
            "pk", flat=True
        ),
    }
    for model, pks in about.items():
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        ).delete()


def _forget_sign_ins(patient: User) -> None:
    """The sign-in throttle's records of this person (username, IP address, browser,
    paths) and their sessions. Sessions are stored encoded, so finding theirs reads
    every session row: one query and a decode per row, acceptable for a rare admin act."""
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=patient.username).delete()
    theirs = [
        s.pk
        for s in Session.objects.iterator()
        if s.get_decoded().get(SESSION_KEY) == str(patient.pk)
    ]
    Session.objects.filter(pk__in=theirs).delete()


def _cell(value) -> str:
    """Spreadsheets run cells that start with these as formulas: defuse them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_COLUMNS = [
    "date",
    "status",
    "bad_day",
    "pain_before",
    "pain_worst",
    "pain_after",
    "effort",
    "note",
    "exercise",
    "side",
    "set",
    "step_status",
    "skip_reason",
    "reps",
    "hold_seconds",
    "at",
]


def write_csv(patient: User, out) -> None:
    """Sessions and their steps, a row a step (a session without steps gets one row),
    written to `out` (the response)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for session in export_sessions(patient):
        record = session_record(session)
        head = [record[k] for k in CSV_COLUMNS[:8]]
        for step in record["steps"] or [None]:
            tail = (
                ([""] * 8)
                if step is None
                else [
                    step["exercise"],
                    step["side"],
                    step["set"],
                    step["status"],
                    step["skip_reason"],
                    step["reps"],
                    step["hold_seconds"],
                    step["at"],
                ]
            )
            writer.writerow([_cell(v) for v in head + tail])
