"""What Today shows, gathered from the domain apps into one value.

The record's part (the plan and its items, this week's sessions, the last finished one,
the latest safety check, this morning's check, the latest activity scores, the reads
attached to the plan, the reminder settings: ten queries, eleven with sitting breaks)
is worked out once per change of the record and kept in the cache under the patient's
record stamp (accounts/stamps.py), with the day, the language and the clinic. Whether a
safety answer pauses exercise is read on every request, with the user
(User.exercise_paused, which the database keeps), and the answer itself only when one
does. So a page is two queries (session, user) when the record is kept, twelve when it
is worked out."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from accounts import stamps
from learn.models import Read
from practice.models import ExerciseSession, MorningCheck, SessionStatus
from progression import adherence, attention, psfs
from progression.models import PsfsScore
from reminders.breaks import sitting_breaks
from reminders.models import ReminderSettings
from routines import schedule
from routines.models import Routine
from routines.templatetags.dates import day as format_day
from safety import rules as safety
from safety.models import Screening


@dataclass(frozen=True)
class ItemRow:
    """A plan item as Today's list shows it: the page's words and links made once in
    Python (in the template each costs two or three lookups and a filter)."""

    name: str
    lang: str  # "en" when the name is shown in English on a page in another language
    dose: str
    picture: str
    url: str


def item_rows(items) -> list[ItemRow]:
    return [
        ItemRow(
            name=item.exercise.name,
            lang=item.exercise.name_lang,
            dose=item.dose,
            picture=item.exercise.thumbnail_url,
            url=item.exercise.get_absolute_url(),
        )
        for item in items
    ]


@dataclass(frozen=True)
class WeekRow:
    """A day of the week's dots: its classes, short name and what a screen reader says."""

    classes: str
    short: str
    spoken: str


def week_rows(week: list, today: date) -> list[WeekRow]:
    return [
        WeekRow(
            classes=f"week__day--{d.status}" + (" week__day--current" if d.day == today else ""),
            short=format_day(d.day, "D"),
            spoken=f"{format_day(d.day, 'l')}: {d.label}",
        )
        for d in week
    ]


@dataclass(frozen=True)
class PlanRow:
    title: str
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class SessionRow:
    code: str
    status: str
    local_date: date
    pain_before: int | None
    pain_after: int | None


@dataclass(frozen=True)
class ReadRow:
    url: str
    title: str
    lang: str  # "en" when the read is shown in English on a page in another language
    minutes: int


@dataclass(frozen=True)
class BreakRow:
    how: str
    url: str = ""  # empty when the exercise isn't published: the words without a link
    name: str = ""
    lang: str = ""


@dataclass(frozen=True)
class Record:
    """What Today shows from the patient's record, worked out once per change of it (and
    per day and language) and kept in the cache under the record stamp: plain values,
    cheap to keep. Whether a safety answer pauses exercise is not in it: that is read on
    every request."""

    plan: PlanRow | None
    item_count: int
    item_rows: list[ItemRow]
    state: str
    local_date: date
    next_due: date | None
    minutes: int
    days_label: str
    todays_session: SessionRow | None
    last_session: SessionRow | None
    week_rows: list[WeekRow]
    week_done: int
    week_due: int
    missed_yesterday: bool
    check_due: bool
    morning_due: bool
    morning_signal: attention.Signal | None  # this morning's "worse", for the advice
    psfs_due: bool
    reads: list[ReadRow]
    breaks: list[BreakRow]  # the patient asked for sitting-break ideas


@dataclass(frozen=True)
class Today:
    record: Record
    locked_by: Screening | None

    def context(self) -> dict:
        context = {name: getattr(self.record, name) for name in self.record.__dataclass_fields__}
        # Movement ideas are never offered while a safety answer pauses exercise.
        context["breaks"] = [] if self.locked_by else self.record.breaks
        return {**context, "locked_by": self.locked_by}


# What the page shows of each row: the plan's title and dates, each item's dose with
# its exercise's name (in every language, for the fallback), link and picture. A wide
# row (the exercise has every text in two languages) costs twice as much to read whole.
PLAN_FIELDS = ("title", "start_date", "end_date", "schedule_days", "active", "kind", "patient")
ITEM_FIELDS = ("routine", "exercise", "order", "sets", "reps", "hold_seconds", "rest_seconds")
EXERCISE_FIELDS = ("slug", "image", "thumbnail", "illustration")
SESSION_FIELDS = ("code", "local_date", "status", "pain_before", "pain_after")
LOCK_FIELDS = ("code", "tier", "at")


def _items(plan) -> list:
    """The plan's items with what the page shows of their exercises: one query."""
    names = [
        f"exercise__{build_localized_fieldname('name', code)}" for code, _ in settings.LANGUAGES
    ]
    exercise = [f"exercise__{name}" for name in EXERCISE_FIELDS]
    return list(
        plan.items.select_related("exercise").only(*ITEM_FIELDS, "per_side", *exercise, *names)
    )


def today_for(patient) -> Today:
    """Two queries when the record is kept (session, user: whether exercise is paused
    is read with the user); one more for the answer that pauses it, when one does; ten
    more when the record is worked out (once per change of the record, day and
    language, in each worker)."""
    local_date = patient.local_date()
    record = stamps.kept(patient, "today", lambda: record_of(patient, local_date))
    locked_by = (
        Screening.objects.locking()
        .filter(patient=patient)
        .only(*LOCK_FIELDS)
        .order_by("-at")
        .first()
        if patient.exercise_paused
        else None
    )
    return Today(record=record, locked_by=locked_by)


def record_of(patient, local_date: date) -> Record:
    """Ten queries (eleven with sitting breaks on), whatever the plan's size or the
    length of the history."""
    yesterday = local_date - timedelta(days=1)
    plan = Routine.objects.for_patient(patient).active().only(*PLAN_FIELDS).first()
    # The items in a query of their own: the same two queries as with_items(), without
    # the prefetch machinery's cost.
    items = _items(plan) if plan else []
    state = schedule.plan_state(plan, local_date)
    recent = list(
        ExerciseSession.objects.filter(
            patient=patient, local_date__gte=min(schedule.week_of(local_date)[0], yesterday)
        ).only(*SESSION_FIELDS)
    )
    completed = {s.local_date for s in recent if s.status == SessionStatus.COMPLETED}
    last = (
        ExerciseSession.objects.completed()
        .filter(patient=patient)
        .only(*SESSION_FIELDS)
        .order_by("-local_date")
        .first()
    )
    week = adherence.week(plan, local_date, completed) if plan else []
    # One fact each: a date, or two answers; no model object is made for them.
    screened_on = _first(Screening.objects.filter(patient=patient).order_by("-at"), "local_date")
    psfs_on = _first(
        PsfsScore.objects.filter(patient=patient).order_by("-local_date"), "local_date"
    )
    # Always asked (not only after a session), so the page's query count is fixed.
    this_morning = (
        MorningCheck.objects.filter(patient=patient, local_date=local_date)
        .values_list("response", "pain")
        .first()
    )
    done, due = adherence.ratio(week)
    wants_breaks = _first(
        ReminderSettings.objects.filter(patient=patient), "sitting_breaks", default=False
    )
    todays_session = next((s for s in recent if s.local_date == local_date), None)
    return Record(
        plan=PlanRow(plan.title, plan.start_date, plan.end_date) if plan else None,
        item_count=len(items),
        item_rows=item_rows(items),
        state=state,
        local_date=local_date,
        next_due=schedule.next_due(plan, local_date) if state == "rest" else None,
        minutes=max(1, round(sum(item.estimated_seconds for item in items) / 60)),
        days_label=schedule.days_label(plan.schedule_days) if plan else "",
        todays_session=_session_row(todays_session),
        last_session=_session_row(last),
        week_rows=week_rows(week, local_date),
        week_done=done,
        week_due=due,
        missed_yesterday=plan is not None
        and adherence.day_status(plan, yesterday, local_date, completed) == "missed",
        check_due=safety.check_due(screened_on, local_date),
        morning_due=yesterday in completed and this_morning is None,
        morning_signal=attention.morning_signal(*this_morning) if this_morning else None,
        psfs_due=plan is not None and psfs.due_after(psfs_on, local_date),
        reads=_read_rows(Read.objects.published().localized().attached_to(plan)) if plan else [],
        breaks=_break_rows(sitting_breaks()) if wants_breaks else [],
    )


def _session_row(session) -> SessionRow | None:
    if session is None:
        return None
    return SessionRow(
        session.code, session.status, session.local_date, session.pain_before, session.pain_after
    )


def _read_rows(reads) -> list[ReadRow]:
    return [
        ReadRow(read.get_absolute_url(), read.shown_title, read.fallback_language, read.minutes)
        for read in reads
    ]


def _break_rows(breaks) -> list[BreakRow]:
    return [
        BreakRow(
            how=str(b["how"]),
            url=b["exercise"].get_absolute_url(),
            name=b["exercise"].name,
            lang=b["exercise"].text_lang.get("name", ""),
        )
        if b["exercise"]
        else BreakRow(how=str(b["how"]))
        for b in breaks
    ]


def _first(queryset, field: str, default=None):
    """One column of the first row, or `default`: no model object built."""
    found = queryset.values_list(field, flat=True)[:1]
    return next(iter(found), default)
