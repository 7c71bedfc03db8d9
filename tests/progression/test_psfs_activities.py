"""Each PSFS activity's change against its own 3-point threshold (clinical.md §4)."""

from datetime import date
from decimal import Decimal

import pytest

from progression.models import PsfsScore
from progression.psfs import activity_changes


def score(day: int, **activities) -> PsfsScore:
    rated = [{"activity": name.replace("_", " "), "score": s} for name, s in activities.items()]
    return PsfsScore(local_date=date(2026, 3, day), activities=rated, mean=Decimal(0))


def test_it_has_nothing_to_say_before_the_first_rating():
    assert activity_changes([]) == []


def test_a_single_rating_is_a_baseline_without_a_change():
    assert activity_changes([score(1, putting_on_socks=3)]) == [
        {
            "activity": "putting on socks",
            "baseline": 3,
            "latest": 3,
            "change": None,
            "meaningful": "",
        }
    ]


@pytest.mark.parametrize(
    ("first", "latest", "change", "meaningful"),
    [
        (2, 5, 3, "better"),  # the threshold itself counts
        (2, 4, 2, ""),  # 2 points is the mean's threshold, not one activity's
        (6, 3, -3, "worse"),
        (6, 4, -2, ""),
        (5, 5, 0, ""),
        (0, 10, 10, "better"),
    ],
)
def test_each_activity_is_judged_against_three_points(first, latest, change, meaningful):
    rows = activity_changes([score(1, socks=first, stairs=4), score(15, socks=latest, stairs=4)])
    assert rows[0] == {
        "activity": "socks",
        "baseline": first,
        "latest": latest,
        "change": change,
        "meaningful": meaningful,
    }
    assert rows[1]["change"] == 0


def test_the_latest_rating_is_used_not_the_one_in_between():
    rows = activity_changes([score(1, socks=2), score(15, socks=9), score(29, socks=3)])
    assert (rows[0]["latest"], rows[0]["change"], rows[0]["meaningful"]) == (3, 1, "")
