"""What happened to each exercise of a session, in words that match the logs
(clinical.md §3.1 "Summaries"): done fully, made easier, partly skipped, skipped, or not
done because the session was stopped, each with its reason. Plain functions over the
items and logs the player has already loaded: no queries."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from practice.models import StepStatus

DONE = "done"
EASIER = "easier"
PARTLY_SKIPPED = "partly_skipped"
SKIPPED = "skipped"
PARTLY_STOPPED = "partly_stopped"
STOPPED = "stopped"
NOT_LOGGED = "not_logged"

# Reasons as the end of a sentence ("Skipped: it hurt").
REASONS = {
    "pain": _("it hurt"),
    "too_hard": _("too hard"),
    "no_time": _("no time"),
    "no_equipment": _("no equipment"),
    "unwell": _("felt unwell"),
}

# The same reasons at the end of a count ("1 partly skipped for pain").
COUNT_REASONS = {
    "pain": _("for pain"),
    "too_hard": _("as too hard"),
    "no_time": _("for lack of time"),
    "no_equipment": _("for lack of equipment"),
    "unwell": _("for feeling unwell"),
}

LABELS = {
    DONE: _("Done fully"),
    EASIER: _("Made easier"),
    PARTLY_SKIPPED: _("Partly skipped: %(reason)s"),
    SKIPPED: _("Skipped: %(reason)s"),
    PARTLY_STOPPED: _("Partly done, then stopped: %(reason)s"),
    STOPPED: _("Not done, stopped early: %(reason)s"),
    NOT_LOGGED: _("Not done"),
}


@dataclass(frozen=True)
class Outcome:
    item: object  # RoutineItem
    kind: str
    reason: str  # a SkipReason value, or ""

    @property
    def label(self) -> str:
        return str(LABELS[self.kind]) % {"reason": reason_words(self.reason)}


def reason_words(reason: str) -> str:
    return str(REASONS.get(reason, reason))


def outcome(item, logs) -> Outcome:
    """One item from its own logs (every set and side)."""
    statuses = [log.status for log in logs]
    reason = next((log.skip_reason for log in logs if log.skip_reason), "")
    return Outcome(item, kind_of(statuses), reason)


def kind_of(statuses) -> str:
    """What happened to one item, from the statuses of its logs (a list or a set: the
    order and repeats don't matter)."""
    some_done = any(s in (StepStatus.DONE, StepStatus.EASIER) for s in statuses)
    if not statuses:
        return NOT_LOGGED
    if StepStatus.STOPPED in statuses:
        return PARTLY_STOPPED if some_done else STOPPED
    if StepStatus.SKIPPED in statuses:
        return PARTLY_SKIPPED if some_done else SKIPPED
    if StepStatus.EASIER in statuses:
        return EASIER
    return DONE


def outcomes(items, logs) -> list[Outcome]:
    by_item: dict[int, list] = {}
    for log in logs:
        by_item.setdefault(log.item_id, []).append(log)
    return [outcome(item, by_item.get(item.pk, [])) for item in items]


def outcomes_from_logs(logs) -> list[Outcome]:
    """Each logged item's outcome, in the order first logged (for a list of sessions,
    where the plan's items aren't loaded)."""
    by_item: dict[int, list] = {}
    for log in logs:
        by_item.setdefault(log.item_id, []).append(log)
    return [outcome(None, item_logs) for item_logs in by_item.values()]


def _count_words(kind: str, n: int, reason: str) -> str:
    values = {"n": n, "why": str(COUNT_REASONS.get(reason, reason))}
    if kind == DONE:
        return ngettext("%(n)s done fully", "%(n)s done fully", n) % values
    if kind == EASIER:
        return ngettext("%(n)s made easier", "%(n)s made easier", n) % values
    if kind == PARTLY_SKIPPED:
        return ngettext("%(n)s partly skipped %(why)s", "%(n)s partly skipped %(why)s", n) % values
    if kind == SKIPPED:
        return ngettext("%(n)s skipped %(why)s", "%(n)s skipped %(why)s", n) % values
    if kind == PARTLY_STOPPED:
        return (
            ngettext("%(n)s partly done before stopping", "%(n)s partly done before stopping", n)
            % values
        )
    if kind == STOPPED:
        return (
            ngettext("%(n)s not done (stopped early)", "%(n)s not done (stopped early)", n) % values
        )
    return ngettext("%(n)s not done", "%(n)s not done", n) % values


ORDER = [DONE, EASIER, PARTLY_SKIPPED, SKIPPED, PARTLY_STOPPED, STOPPED, NOT_LOGGED]


def counts_line(results: list[Outcome]) -> str:
    """E.g. "3 done fully, 1 made easier, 1 partly skipped for pain"; stopped items
    are counted without a reason, since the stop line gives it once."""
    counts = Counter(
        (o.kind, "" if o.kind in (DONE, EASIER, PARTLY_STOPPED, STOPPED, NOT_LOGGED) else o.reason)
        for o in results
    )
    parts = [
        _count_words(kind, n, reason)
        for (kind, reason), n in sorted(
            counts.items(), key=lambda kv: (ORDER.index(kv[0][0]), kv[0][1])
        )
    ]
    return ", ".join(parts)


STOP_LINES = {
    "pain": _("Stopped early: it hurt"),
    "unwell": _("Stopped early: felt unwell"),
    "no_time": _("Stopped early: no time"),
}


def stop_line(session) -> str:
    return str(STOP_LINES[session.stopped_reason]) if session.stopped_reason else ""
