"""Each exercise's outcome in words that match its logs (clinical.md §3.1)."""

from types import SimpleNamespace

import pytest

from practice import summary
from practice.models import StepStatus


def item(pk):
    return SimpleNamespace(pk=pk)


def log(item_id, status, reason=""):
    return SimpleNamespace(item_id=item_id, status=status, skip_reason=reason)


@pytest.mark.parametrize(
    ("statuses", "kind", "label"),
    [
        (["done", "done"], summary.DONE, "Done fully"),
        (["done", "easier"], summary.EASIER, "Made easier"),
        ([("done", ""), ("skipped", "pain")], summary.PARTLY_SKIPPED, "Partly skipped: it hurt"),
        ([("skipped", "no_time")] * 2, summary.SKIPPED, "Skipped: no time"),
        ([("easier", ""), ("stopped", "unwell")], summary.PARTLY_STOPPED, "then stopped"),
        ([("stopped", "pain")], summary.STOPPED, "Not done, stopped early: it hurt"),
        ([], summary.NOT_LOGGED, "Not done"),
    ],
)
def test_each_item_says_what_happened(statuses, kind, label):
    logs = [log(1, *(s if isinstance(s, tuple) else (s, ""))) for s in statuses]
    outcome = summary.outcome(item(1), logs)
    assert outcome.kind == kind
    assert label in outcome.label


def test_the_counts_line_says_how_each_was_done():
    items = [item(n) for n in range(1, 6)]
    logs = [
        log(1, StepStatus.DONE),
        log(2, StepStatus.DONE),
        log(3, StepStatus.DONE),
        log(4, StepStatus.EASIER),
        log(5, StepStatus.DONE),
        log(5, StepStatus.SKIPPED, "pain"),
    ]
    line = summary.counts_line(summary.outcomes(items, logs))
    assert line == "3 done fully, 1 made easier, 1 partly skipped for pain"


def test_a_stopped_session_counts_what_was_not_done():
    items = [item(1), item(2), item(3)]
    logs = [
        log(1, StepStatus.DONE),
        log(2, StepStatus.DONE),
        log(2, StepStatus.STOPPED, "pain"),
        log(3, StepStatus.STOPPED, "pain"),
    ]
    line = summary.counts_line(summary.outcomes(items, logs))
    assert line == "1 done fully, 1 partly done before stopping, 1 not done (stopped early)"
    assert summary.stop_line(SimpleNamespace(stopped_reason="pain")) == "Stopped early: it hurt"
    assert summary.stop_line(SimpleNamespace(stopped_reason="")) == ""
