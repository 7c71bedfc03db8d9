"""Keeps each patient's CaseloadEntry (the clinician list's sort columns) right.

Two parts, for two kinds of input:
- What changes only when something is written (open alerts, pains, last activity, the
  active plan) is recomputed by one UPDATE with subqueries, `touch()`, in the same
  transaction as the write. The saves and creates of alerts, sessions and plans reach it
  through post_save (connected in apps.py), wherever they are made, so the layers below
  (safety, practice, routines) need not import this one; the writes made with
  QuerySet.update() call it themselves (events.check_out, decisions). That UPDATE also
  empties fresh_until.
- What depends on the date too (adherence over the last week, missed due days, pain up
  on the baseline, the trend) is computed in Python by `refresh()`, for the patient's
  own date, and holds until their day ends (fresh_until). The list refreshes every row
  of its caseload that is out of date, or missing, in bulk before reading
  (`refresh_stale`): the first list of a patient's day pays, the others read columns.
  `manage.py refresh_caseload` rebuilds every row (after bulk inserts, or to warm them
  before the morning).

Deletes are not followed (a patient's row goes with them; deleting sessions or alerts
is not something the app does): refresh_caseload puts a row right after one."""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User, zone_named
from practice.models import ExerciseSession
from progression import adherence, attention
from progression.models import NO_ALERT, CaseloadEntry
from routines.models import Routine
from safety.models import Alert, tier_rank

RECENT_DAYS = 14  # the trend: the last three scores of the last fortnight
# The fields of a session the entry reads: a save that changes none of them is ignored.
SESSION_INPUTS = {"status", "local_date", "pain_before", "pain_after", "plan", "patient"}


def _columns() -> dict:
    """The write-driven columns as expressions over the entry's patient: one index
    lookup each (session_patient_date_idx, alert_patient_open_idx)."""
    patient = OuterRef("patient_id")
    completed = ExerciseSession.objects.completed().filter(patient=patient)
    first = completed.order_by("local_date")
    last = completed.order_by("-local_date")
    latest = ExerciseSession.objects.filter(patient=patient).order_by("-local_date")
    open_alerts = Alert.objects.open().filter(patient=patient)
    top = open_alerts.annotate(rank=tier_rank()).order_by("rank", "created", "pk")
    count = open_alerts.order_by().values("patient").annotate(n=Count("pk")).values("n")
    plan = Routine.objects.plans().active().filter(patient=patient).order_by("-pk")
    return {
        "plan": Subquery(plan.values("pk")[:1]),
        "alert": Subquery(top.values("pk")[:1]),
        "alert_rank": Coalesce(Subquery(top.values("rank")[:1]), NO_ALERT),
        "open_alerts": Coalesce(Subquery(count), 0),
        "baseline": Subquery(first.values("pain_before")[:1]),
        "last_before": Subquery(last.values("pain_before")[:1]),
        "last_after": Subquery(last.values("pain_after")[:1]),
        "last_activity": Subquery(latest.values("local_date")[:1]),
        "fresh_until": None,
    }


def touch(patient_id: int) -> None:
    """After a write to the patient's alerts, sessions or plan: one UPDATE (none when
    the patient has no entry yet: the list makes it). The date-dependent columns are
    left for the next read (fresh_until emptied)."""
    CaseloadEntry.objects.filter(pk=patient_id).update(**_columns())


def stale(now: datetime | None = None) -> Q:
    """Patients (User rows) whose entry is missing or out of date."""
    now = now or timezone.now()
    return (
        Q(caseload_entry__isnull=True)
        | Q(caseload_entry__fresh_until__isnull=True)
        | Q(caseload_entry__fresh_until__lte=now)
    )


def refresh_stale(patients, now: datetime | None = None) -> int:
    """Refreshes the entries of `patients` (a User queryset) that need it; how many.
    One query when none does."""
    now = now or timezone.now()
    ids = list(patients.filter(stale(now)).order_by("pk").values_list("pk", flat=True))
    if ids:
        refresh(ids, now)
    return len(ids)


DATE_COLUMNS = [
    "done",
    "due",
    "missed_days",
    "pain_up",
    "reasons",
    "trend",
    "computed_for",
    "fresh_until",
]


@transaction.atomic
def refresh(patient_ids, now: datetime | None = None, batch_size: int = 500) -> None:
    """Every column of these patients' entries, made if missing, for each one's own
    date. Six queries per batch of 500 (more on SQLite, which inserts in smaller ones)."""
    now = now or timezone.now()
    patient_ids = sorted(patient_ids)  # rows locked in one order: two lists can't deadlock
    for start in range(0, len(patient_ids), batch_size):
        _refresh(patient_ids[start : start + batch_size], now)


def _refresh(ids: list[int], now: datetime) -> None:
    CaseloadEntry.objects.bulk_create(
        [CaseloadEntry(patient_id=pk) for pk in ids], ignore_conflicts=True
    )
    # The rows locked first, then recomputed by a statement of its own: a write that has
    # touched a row and not yet committed (an emergency alert being raised) is waited for
    # here, so the UPDATE below starts after it and sees it. Without the lock the UPDATE
    # itself would wait, then write what its own start-time snapshot saw (no alert) and
    # the upsert below would call that fresh until midnight (PostgreSQL, READ COMMITTED;
    # tests/progression/test_caseload_race.py).
    list(
        CaseloadEntry.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    CaseloadEntry.objects.filter(pk__in=ids).update(**_columns())
    entries = list(
        CaseloadEntry.objects.filter(pk__in=ids)
        .order_by("pk")  # the upsert locks rows in the order of the UPDATE above
        .select_related("plan")
        .annotate(zone=Subquery(User.objects.filter(pk=OuterRef("pk")).values("timezone")[:1]))
    )
    if not entries:
        return
    zones = {entry.zone: zone_named(entry.zone) for entry in entries}
    todays = {name: timezone.localdate(now, timezone=zone) for name, zone in zones.items()}
    since = min(todays.values()) - timedelta(days=RECENT_DAYS)
    recent = defaultdict(list)
    for patient_id, day, pain in (
        ExerciseSession.objects.completed()
        .filter(patient__in=ids, local_date__gte=since)
        .order_by("local_date")
        .values_list("patient_id", "local_date", "pain_before")
    ):
        recent[patient_id].append((day, pain))
    for entry in entries:
        today = todays[entry.zone]
        _dated(entry, today, recent[entry.pk])
        entry.fresh_until = datetime.combine(today + timedelta(days=1), time(), zones[entry.zone])
    # An upsert of rows that exist: one INSERT … ON CONFLICT DO UPDATE, where
    # bulk_update would build a CASE of 500 WHENs per column (0.5 s of Python).
    CaseloadEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["patient"], update_fields=DATE_COLUMNS
    )


def _dated(entry: CaseloadEntry, today: date, recent: list[tuple[date, int]]) -> None:
    """The date-dependent columns, from the entry's other columns and the patient's
    finished sessions of the last fortnight [(date, pain before)], oldest first."""
    plan = entry.plan
    week = tuple(today - timedelta(days=n) for n in range(6, -1, -1))
    entry.done, entry.due = adherence.ratio_over(plan, week, today, {d for d, _p in recent})
    entry.missed_days = attention.missed_due_days(plan, entry.last_activity, today)
    week_scores = [pain for day, pain in recent if day >= week[0]]
    entry.pain_up = attention.meaningful_rise(entry.baseline, attention.weekly_mean(week_scores))
    entry.reasons = len(attention.reasons(entry.missed_days, entry.pain_up))
    entry.trend = attention.trend([pain for _day, pain in recent[-3:]])
    entry.computed_for = today


def on_session_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and not SESSION_INPUTS & set(update_fields)):
        return
    touch(instance.patient_id)


def on_alert_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        touch(instance.patient_id)


def on_routine_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw and instance.patient_id is not None:
        touch(instance.patient_id)
