"""The discharge summary's words for pain and the activity scores (PSFS), from the
first score of the episode to the last: rising, falling, unchanged, missing, one value.
Pain 0-10 is better going down; an activity score 0-10 is better going up."""

from datetime import timedelta
from decimal import Decimal

import pytest

from accounts.models import Episode
from clinic import episodes
from progression.models import PsfsScore
from tests.clinic.helpers import make_session
from tests.factories import make_alert

PAIN = [
    # (scores oldest first, the sentence, what it means)
    (
        [6, 5, 3],
        "Pain went from 6/10 to 3/10: down 3 points (better).",
        "A meaningful improvement (2 points or 30 % or more).",
    ),
    (
        [3, 2],  # a third of a low baseline is meaningful too (clinical.md §3)
        "Pain went from 3/10 to 2/10: down 1 point (better).",
        "A meaningful improvement (2 points or 30 % or more).",
    ),
    (
        [4, 3],
        "Pain went from 4/10 to 3/10: down 1 point (better).",
        "Less than a meaningful change (2 points or 30 %).",
    ),
    (
        [3, 4, 5],
        "Pain went from 3/10 to 5/10: up 2 points (worse).",
        "A meaningful worsening (2 points or 30 % or more).",
    ),
    (
        [5, 6],
        "Pain went from 5/10 to 6/10: up 1 point (worse).",
        "Less than a meaningful change (2 points or 30 %).",
    ),
    ([4, 7, 4], "Pain was 4/10 at the first session and at the last: no change.", ""),
    ([6], "Pain 6/10 at the only session: nothing to compare with yet.", ""),
    ([], "No pain scores in this period.", ""),
]


@pytest.mark.parametrize(("scores", "words", "meaning"), PAIN)
def test_pain_from_start_to_end_in_words(scores, words, meaning):
    change = episodes.pain_change(scores)
    assert episodes.pain_words(change) == words
    assert episodes.pain_meaning(change) == meaning


ACTIVITY = [
    # (baseline, latest, change as progression/psfs.activity_changes gives it, words, meaning)
    (2, 7, 5, "2 → 7: up 5 points (better)", "More than the measure's noise (3 points or more)."),
    (6, 5, -1, "6 → 5: down 1 point (worse)", ""),
    (8, 4, -4, "8 → 4: down 4 points (worse)", "More than the measure's noise (3 points or more)."),
    (3, 4, 1, "3 → 4: up 1 point (better)", ""),
    (4, 4, 0, "4 → 4: no change", ""),
    (4, 4, None, "4 at the start; not rated again yet.", ""),  # one score only
    (5, None, None, "5 at the start; not rated at the latest score.", ""),  # dropped later
]


@pytest.mark.parametrize(("first", "latest", "change", "words", "meaning"), ACTIVITY)
def test_an_activity_score_from_start_to_end_in_words(first, latest, change, words, meaning):
    assert episodes.activity_words(first, latest, change) == words
    assert episodes.activity_meaning(change) == meaning


MEAN = [
    (
        ["3.50", "6.00"],
        "Mean went from 3.5 to 6: up 2.5 points (better).",
        "A meaningful improvement (2 points or more).",
    ),
    (
        ["6.00", "3.00"],
        "Mean went from 6 to 3: down 3 points (worse).",
        "A meaningful worsening (2 points or more).",
    ),
    (
        ["5.00", "6.00"],
        "Mean went from 5 to 6: up 1 point (better).",
        "Less than a meaningful change (2 points).",
    ),
    (["5.00", "5.00"], "Mean was 5 at the first score and at the latest: no change.", ""),
    (["4.33"], "Mean 4.33 at the only score: nothing to compare with yet.", ""),
    ([], "", ""),
]


@pytest.mark.parametrize(("means", "words", "meaning"), MEAN)
def test_the_activity_mean_from_start_to_end_in_words(means, words, meaning):
    values = [Decimal(m) for m in means]
    change = episodes.Change(values[0], values[-1], len(values)) if values else episodes.Change()
    assert episodes.mean_words(change) == words
    assert episodes.mean_meaning(change) == meaning


ADHERENCE = [
    (0, 0, 0, "No sessions yet, and none were due."),
    (0, 0, 2, "2 sessions finished; none were due."),
    (3, 4, 3, "3 of 4 due days done (75 %); 3 sessions finished in all."),
    (1, 1, 1, "1 of 1 due days done (100 %); 1 session finished in all."),
]


@pytest.mark.parametrize(("done", "due", "finished", "words"), ADHERENCE)
def test_adherence_in_words(done, due, finished, words):
    assert episodes.adherence_words(done, due, finished) == words


# --- The same words on the page, from the stored scores --------------------------------


def psfs(patient, days_ago, **scores):
    PsfsScore.objects.create(
        patient=patient,
        local_date=patient.local_date() - timedelta(days=days_ago),
        activities=[{"activity": name.replace("_", " "), "score": s} for name, s in scores.items()],
        mean=sum(scores.values()) / len(scores),
    )


@pytest.fixture
def episode(alice, bob, plan):
    """Ten days old: the plan (every day, from long before) is due on eleven days."""
    return Episode.objects.create(
        clinic=alice.clinic,
        patient=alice,
        referral_reason="Low back pain, 6 weeks",
        started_on=alice.local_date() - timedelta(days=10),
        opened_by=bob,
    )


def summary_html(client, bob, alice, episode) -> str:
    client.force_login(bob)
    response = client.get(f"/clinic/patients/{alice.code}/episodes/{episode.code}/discharge/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_says_falling_pain_is_down_and_rising_activity_scores_are_better(
    client, alice, bob, plan, episode
):
    make_session(alice, plan, 30, 9)  # before the episode: not counted
    for days_ago, pain in ((9, 6), (5, 5), (1, 3)):
        make_session(alice, plan, days_ago, pain)
    psfs(alice, 40, putting_on_socks=0)  # before the episode
    psfs(alice, 9, putting_on_socks=2, walking_the_dog=6)
    psfs(alice, 1, putting_on_socks=7, walking_the_dog=5)
    make_alert(alice, "inactive")
    html = summary_html(client, bob, alice, episode)
    assert "Pain went from 6/10 to 3/10: down 3 points (better)." in html
    assert "A meaningful improvement (2 points or 30 % or more)." in html
    assert "2 → 7: up 5 points (better)" in html
    assert "6 → 5: down 1 point (worse)" in html
    assert "Mean went from 4 to 6: up 2 points (better)." in html
    # Eleven days of the plan (day 10 to today); today counts once done: 3 of 10.
    assert "3 of 10 due days done (30 %); 3 sessions finished in all." in html
    assert "Needs attention: 1" in html
    # The activity scale is never called a pain scale.
    assert "higher is better" in html and "lower is better" in html


def test_the_page_says_rising_pain_is_up_and_falling_activity_scores_are_worse(
    client, alice, bob, plan, episode
):
    make_session(alice, plan, 8, 3)
    make_session(alice, plan, 2, 6)
    psfs(alice, 8, bending=7)
    psfs(alice, 2, bending=3)
    html = summary_html(client, bob, alice, episode)
    assert "Pain went from 3/10 to 6/10: up 3 points (worse)." in html
    assert "A meaningful worsening (2 points or 30 % or more)." in html
    assert "7 → 3: down 4 points (worse)" in html
    assert "Mean went from 7 to 3: down 4 points (worse)." in html
    pain = html.split("<p data-pain>")[1].split("</p>")[0]
    assert "better" not in pain and "improvement" not in pain


def test_the_page_with_nothing_recorded_says_so(client, alice, bob, episode):
    html = summary_html(client, bob, alice, episode)
    assert "No pain scores in this period." in html
    assert "No activity scores in this period." in html
    assert "No alerts in this period." in html


def test_one_score_each_has_nothing_to_compare_with(client, alice, bob, plan, episode):
    make_session(alice, plan, 3, 5)
    psfs(alice, 3, sitting=4)
    html = summary_html(client, bob, alice, episode)
    assert "Pain 5/10 at the only session: nothing to compare with yet." in html
    assert "4 at the start; not rated again yet." in html


def test_unchanged_scores_say_no_change(client, alice, bob, plan, episode):
    make_session(alice, plan, 6, 4)
    make_session(alice, plan, 2, 4)
    psfs(alice, 6, sitting=5)
    psfs(alice, 2, sitting=5)
    html = summary_html(client, bob, alice, episode)
    assert "Pain was 4/10 at the first session and at the last: no change." in html
    assert "5 → 5: no change" in html
