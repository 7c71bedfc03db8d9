from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from practice.models import ExerciseSession

# A start date in the future, so an assignment is not about today's session.
START = timezone.localdate() + timedelta(days=7)


def token(client) -> str:
    # Not from the patient list: its first request of a day refreshes the caseload's
    # rows, which would count against the write that follows.
    return client.get("/clinic/patients/new/").context["csrf_token"]


def post(client, url, data=None, htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, {"csrfmiddlewaretoken": token(client), **(data or {})}, headers=headers)


def make_session(patient, plan, days_ago, before, after=None):
    return ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=patient.local_date() - timedelta(days=days_ago),
        pain_before=before,
        pain_after=after if after is not None else before,
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )


def count(client, url):
    # Counted in the steady state: the first request of a session also records the
    # staff idle timer.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def builder_url(template, suffix=""):
    return f"/clinic/routines/{template.code}/{suffix}"


def item_data(item, **changes):
    data = {
        "sets": item.sets,
        "reps": item.reps or "",
        "hold_seconds": item.hold_seconds or "",
        "rest_seconds": item.rest_seconds,
        "notes": item.notes,
        "bad_day_exercise": "",
    }
    if item.per_side:
        data["per_side"] = "on"
    data.update(changes)
    return {f"i{item.pk}-{k}": v for k, v in data.items()}


def assign_data(routine, **extra):
    return {
        "template": routine.pk,
        "days": ["0", "2", "4"],
        "start_date": START.isoformat(),
        "end_date": "",
        **extra,
    }
