"""The next-morning check: how the back is compared with before yesterday's session."""

from datetime import timedelta

from practice.models import ExerciseSession, MorningCheck


def record(patient, *, response: str, pain: int) -> MorningCheck | None:
    """One a day (a database constraint): a second answer, or a retry, changes nothing.
    Returns the check when this answer was the first, else None."""
    local_date = patient.local_date()
    yesterday = (
        ExerciseSession.objects.completed()
        .filter(patient=patient, local_date=local_date - timedelta(days=1))
        .first()
    )
    check, created = MorningCheck.objects.get_or_create(
        patient=patient,
        local_date=local_date,
        defaults={"session": yesterday, "response": response, "pain": pain},
    )
    return check if created else None
