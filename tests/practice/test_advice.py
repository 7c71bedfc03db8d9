"""The summary's pain words follow the rules' thresholds (clinical.md §3.1)."""

import pytest
from django.test import override_settings

from practice.advice import pain_advice

ABOVE = "above the level we aim for"


@pytest.mark.parametrize(
    ("before", "after", "change", "above", "take_care"),
    [
        (0, 0, "same", False, False),
        (3, 4, "up", False, False),  # up by 1: "went up", mild soreness
        (4, 5, "up", False, False),  # 5 is the ceiling itself, not above it
        (5, 6, "up", True, True),
        (7, 6, "down", True, True),  # a fall, and still above 5
        (6, 6, "same", True, True),
        (2, 7, "up", True, True),
        (3, 5, "up", False, True),  # a meaningful rise (2 points) under the ceiling
        (10, 10, "same", True, True),
        (6, 2, "down", False, False),
    ],
)
def test_it_names_the_change_and_the_ceiling_honestly(before, after, change, above, take_care):
    advice = pain_advice(before, after)
    text = " ".join(advice.lines)
    assert (advice.change, advice.above_ceiling, advice.take_care) == (change, above, take_care)
    assert ("went up" in text) is (after - before >= 1)
    assert (ABOVE in text) is (after > 5)
    if change == "down":
        assert "came down" in text and "went up" not in text


def test_a_fall_above_the_ceiling_is_not_called_a_rise():
    text = " ".join(pain_advice(7, 6).lines)
    assert "Your pain came down, from 7 to 6." in text
    assert "It is still above the level we aim for (5 out of 10 or less)." in text
    assert "Don't do any more exercise today." in text


@override_settings(PAIN_ACCEPTABLE_CEILING=3)
def test_the_ceiling_comes_from_settings():
    advice = pain_advice(4, 4)
    assert advice.above_ceiling and "(3 out of 10 or less)" in " ".join(advice.lines)
    assert not pain_advice(3, 3).above_ceiling


@override_settings(PAIN_MEANINGFUL_POINTS=1)
def test_the_meaningful_rise_comes_from_settings():
    assert pain_advice(3, 4).take_care


def test_without_both_scores_it_says_nothing():
    assert pain_advice(None, 4).lines == () and pain_advice(4, None).change == ""
