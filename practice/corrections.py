"""A patient puts right a wrongly logged step or pain score within a week. The values
as first logged are kept in the audit trail (progression/events.py records it); the log
shows the corrected ones."""

from datetime import timedelta

from django.utils.translation import gettext_lazy

from practice.models import NOT_DONE, ExerciseSession, SkipReason, StepLog, StepStatus

CORRECTION_DAYS = 7


def correctable(session: ExerciseSession, today) -> bool:
    return today - session.local_date <= timedelta(days=CORRECTION_DAYS)


def outcome(log: StepLog) -> str:
    """A step not done because the session was stopped is offered as skipped with the
    same reason; left as it is, it stays stopped."""
    return f"skipped:{log.skip_reason}" if log.status in NOT_DONE else log.status


OUTCOMES = [
    (StepStatus.DONE.value, StepStatus.DONE.label),
    (StepStatus.EASIER.value, StepStatus.EASIER.label),
    *[
        (f"skipped:{reason.value}", gettext_lazy("Skipped: %(reason)s") % {"reason": reason.label})
        for reason in SkipReason
    ],
]


def apply(session: ExerciseSession, logs: list[StepLog], data: dict) -> list[dict]:
    """Saves what changed and returns it as [{field, was, now}] for the audit trail."""
    changes = []
    for field in ("pain_before", "pain_worst", "pain_after"):
        if field in data and data[field] != getattr(session, field):
            changes.append({"field": field, "was": getattr(session, field), "now": data[field]})
            setattr(session, field, data[field])
    if changes:
        session.save(update_fields=[c["field"] for c in changes])
    for log in logs:
        new = data[f"step_{log.pk}"]
        if new == outcome(log):
            continue
        changes.append({"field": f"step {log.pk}", "was": outcome(log), "now": new})
        status, _sep, reason = new.partition(":")
        StepLog.objects.filter(pk=log.pk).update(status=status, skip_reason=reason)
    return changes
