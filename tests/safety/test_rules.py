"""safety/rules.py (clinical.md §2.1): which questions a check asks, the combined rule,
history answers, and carry-forward of answers a clinician knows about. Table tests of
the pure rules, then the same rules through screenings.check_for and record."""

from datetime import timedelta

import pytest
from django.db import transaction

from accounts.models import AuditAction, AuditEvent
from progression import decisions
from safety import rules
from safety.models import Alert, KnownAnswer, Screening
from safety.screenings import check_for, record

EVERY, ONCE, LATER = "every", "once", "after_two_weeks"


@pytest.mark.parametrize(
    ("when", "first", "changed", "days", "asked"),
    [
        (EVERY, True, False, 0, True),
        (EVERY, False, False, 30, True),
        (ONCE, True, False, 0, True),  # at the start
        (ONCE, False, False, 7, False),  # not on a weekly check
        (ONCE, False, True, 7, True),  # "something changed"
        (LATER, True, False, 0, False),  # never on the first check
        (LATER, False, False, 13, False),  # a day short of week 2
        (LATER, False, False, 14, True),  # week 2 exactly
        (LATER, False, True, 3, False),  # a change doesn't bring it forward
        (LATER, False, False, 60, True),
    ],
)
def test_which_questions_are_asked(when, first, changed, days, asked):
    assert rules.is_asked(when, first=first, changed=changed, days_since_first=days) is asked


TIERS = {
    "bladder": "emergency",
    "fever": "urgent",
    "cancer": "history",
    "immune": "history",
    "weight-loss": "review",
    "night-pain": "review",
    "no-better": "review",
}


@pytest.mark.parametrize(
    ("yes", "history", "result"),
    [
        (set(), {}, "clear"),
        ({"cancer"}, {}, "history"),  # history alone: shown, pauses nothing
        ({"immune"}, {}, "history"),
        ({"weight-loss"}, {}, "review"),
        ({"no-better"}, {}, "review"),
        ({"cancer", "weight-loss"}, {}, "urgent"),  # the combined rule
        ({"cancer", "night-pain"}, {}, "urgent"),
        ({"cancer", "no-better"}, {}, "review"),  # 13 is not part of it
        ({"immune", "night-pain"}, {}, "review"),  # nor is 10
        ({"weight-loss"}, {"cancer": True}, "urgent"),  # cancer answered at an earlier check
        ({"weight-loss"}, {"cancer": False}, "review"),
        ({"night-pain"}, {"cancer": True}, "urgent"),
        (set(), {"cancer": True}, "clear"),  # the old answer alone raises nothing new
        ({"fever"}, {}, "urgent"),
        ({"bladder", "cancer", "weight-loss"}, {}, "emergency"),
    ],
)
def test_the_tier_with_the_combined_rule(yes, history, result):
    answers = {key: key in yes for key in TIERS if key != "cancer" or "cancer" not in history}
    assert rules.tier(answers, TIERS, history) == result


def test_an_answer_now_wins_over_history():
    answers = {"cancer": False, "weight-loss": True}
    assert rules.tier(answers, TIERS, {"cancer": True}) == "review"


@pytest.mark.parametrize(
    ("result", "locks", "pauses"),
    [
        ("emergency", True, True),
        ("urgent", True, True),
        ("review", False, True),
        ("history", False, False),
        ("clear", False, False),
    ],
)
def test_what_each_tier_does(result, locks, pauses):
    assert rules.locks_exercise(result) is locks
    assert rules.pauses_progression(result) is pauses


@pytest.mark.parametrize(
    ("tier", "marked", "as_known"),
    [
        ("urgent", True, True),
        ("review", True, True),
        ("history", True, True),
        ("emergency", True, False),  # never suppressed, even if marked under another tier
        ("urgent", False, False),
    ],
)
def test_which_answers_are_asked_as_known(tier, marked, as_known):
    known = {"q"} if marked else set()
    assert rules.asked_as_known(tier, "q", known) is as_known
    assert rules.can_be_known(tier) is (tier != "emergency")


# Through the database: the shipped questions, a patient's checks over time.


def keys(asked):
    return [a.key for a in asked]


def answer(patient, yes=(), changed=False):
    asked = check_for(patient, changed=changed).questions
    answers = [
        {
            "key": a.key,
            "text": a.text,
            "name": a.question.short_name,
            "tier": a.question.tier,
            "yes": a.key in yes,
            "known": a.known,
        }
        for a in asked
    ]
    with transaction.atomic():
        return record(patient, answers)


def age(screening, days):
    Screening.objects.filter(pk=screening.pk).update(
        local_date=screening.local_date - timedelta(days=days)
    )


ALL_EVERY = [
    "saddle-numbness",
    "bladder",
    "bowel",
    "sexual-function",
    "both-legs",
    "leg-weakness",
    "fever",
    "fall",
]


def test_the_first_check_asks_history_but_not_the_two_week_question(alice, questions):
    asked = check_for(alice).questions
    assert keys(asked) == [*ALL_EVERY, "cancer", "immune", "weight-loss", "night-pain"]
    assert asked[0].text.startswith("Do you have new numbness")
    assert not any(a.known for a in asked)


def test_a_weekly_check_says_since_your_last_check_and_skips_history(alice, questions):
    first = answer(alice)
    age(first, 7)
    asked = check_for(alice).questions
    assert keys(asked) == [*ALL_EVERY, "weight-loss", "night-pain"]
    assert asked[0].text.startswith("Since your last check, ")


def test_something_changed_asks_history_again(alice, questions):
    age(answer(alice), 7)
    assert "cancer" in keys(check_for(alice, changed=True).questions)


def test_coming_back_before_the_week_is_up_counts_as_a_change(alice, questions):
    answer(alice)  # today
    assert "cancer" in keys(check_for(alice).questions)


@pytest.mark.parametrize(("days", "asked"), [(13, False), (14, True)])
def test_the_two_week_question_from_week_2_exactly(alice, questions, days, asked):
    first = answer(alice)
    age(first, days)
    assert ("no-better" in keys(check_for(alice).questions)) is asked


def test_history_alone_is_shown_to_the_clinician_and_pauses_nothing(alice, questions):
    screening = answer(alice, yes={"cancer"})
    assert screening.tier == "history" and not screening.locked
    alert = Alert.objects.get()
    assert (alert.kind, alert.tier, alert.title) == (
        "review_answer",
        "information",
        "History: cancer in the past",
    )


def test_cancer_at_the_start_and_weight_loss_weeks_later_is_urgent(alice, questions):
    age(answer(alice, yes={"cancer"}), 7)
    screening = answer(alice, yes={"weight-loss"})
    assert "cancer" not in [a["key"] for a in screening.answers]  # not asked again
    assert screening.tier == "urgent" and screening.locked
    alert = screening.alerts.get()
    assert (alert.kind, alert.tier) == ("red_flag", "urgent")
    assert alert.title == "Red flag: cancer in the past, with weight loss without trying"


def test_an_emergency_title_names_the_first_emergency_answer(alice, questions):
    alert = answer(alice, yes={"fever", "bowel", "bladder"}).alerts.get()
    assert (alert.tier, alert.title) == ("emergency", "Red flag: bladder symptoms")


# Carry-forward: the clinician marks an answer known and long-standing when clearing.


def clear(patient, screening, clinician, known):
    decisions.clear_screening(patient, screening, clinician, "Long-standing; seen by GP.", known)


def test_a_known_answer_is_asked_as_new_or_changed(alice, bob, questions):
    first = answer(alice, yes={"leg-weakness"})
    clear(alice, first, bob, ["leg-weakness"])
    age(first, 7)
    asked = {a.key: a for a in check_for(alice).questions}
    assert asked["leg-weakness"].known and not asked["fever"].known
    known = KnownAnswer.objects.get()
    assert (known.patient, known.question_key, known.noted_by) == (alice, "leg-weakness", bob)
    event = AuditEvent.objects.get(action=AuditAction.ANSWER_KNOWN)
    assert event.detail == {"questions": ["leg-weakness"], "note": "Long-standing; seen by GP."}


def test_the_same_long_standing_answer_raises_nothing_new(alice, bob, questions):
    first = answer(alice, yes={"leg-weakness"})
    clear(alice, first, bob, ["leg-weakness"])
    age(first, 7)
    again = answer(alice)  # "no": nothing new or changed
    assert again.tier == "clear" and not again.locked
    assert not Alert.objects.open().exists()
    assert [a["known"] for a in again.answers if a["key"] == "leg-weakness"] == [True]


def test_a_changed_known_answer_alerts_again(alice, bob, questions):
    first = answer(alice, yes={"night-pain"})
    clear(alice, first, bob, ["night-pain"])
    age(first, 7)
    again = answer(alice, yes={"night-pain"})  # yes to "new or changed"
    assert again.tier == "review"
    assert again.alerts.get().title == "Review answer: pain all night"


def test_a_known_review_answer_doesnt_trigger_the_combined_rule(alice, bob, questions):
    first = answer(alice, yes={"cancer", "night-pain"})
    assert first.tier == "urgent"
    clear(alice, first, bob, ["night-pain", "cancer"])
    age(first, 7)
    assert answer(alice).tier == "clear"  # weekly: cancer not asked, night pain unchanged
    # Something changed (cancer asked again, as known: "no", unchanged), and night pain
    # has changed: the known cancer still counts for the combined rule.
    changed = answer(alice, yes={"night-pain"}, changed=True)
    assert [a["known"] for a in changed.answers if a["key"] == "cancer"] == [True]
    assert changed.tier == "urgent"


def test_a_known_history_answer_left_at_no_raises_nothing(alice, bob, questions):
    first = answer(alice, yes={"cancer"})
    clear(alice, first, bob, ["cancer"])
    again = answer(alice, changed=True)
    assert again.tier == "clear" and Alert.objects.open().count() == 0


def test_emergency_answers_can_never_be_marked_known(alice, bob, questions):
    first = answer(alice, yes={"bladder", "fever"})
    with pytest.raises(ValueError):
        clear(alice, first, bob, ["bladder"])
    first.refresh_from_db()
    assert first.locked and not KnownAnswer.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.SCREENING_CLEARED).exists()


def test_emergency_answers_are_never_suppressed(alice, bob, questions):
    """Even a KnownAnswer row for an emergency question (written past the rules, or
    from when an admin had it at another tier) changes neither the wording nor the
    alert."""
    KnownAnswer.objects.create(patient=alice, question_key="bladder", note="x")
    asked = {a.key: a for a in check_for(alice).questions}
    assert not asked["bladder"].known
    screening = answer(alice, yes={"bladder"})
    assert screening.tier == "emergency" and screening.alerts.get().tier == "emergency"


def test_only_yes_answers_of_this_check_can_be_marked(alice, bob, questions):
    first = answer(alice, yes={"fever"})
    with pytest.raises(ValueError):
        clear(alice, first, bob, ["night-pain"])  # answered no
    assert not KnownAnswer.objects.exists()
