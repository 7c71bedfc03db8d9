"""safety/alerts.raise_alert: the tier each kind comes to, its title, one open alert per
kind (red flags excepted), and the order clinicians read them in."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, override

from safety.alerts import raise_alert
from safety.models import TIER_RANK, Alert, AlertKind, AlertTier
from safety.screenings import record
from tests.factories import make_alert, make_plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "tier"),
    [
        (AlertKind.RED_FLAG, "emergency"),
        (AlertKind.PAIN_CEILING, "urgent"),
        (AlertKind.PAIN_SPIKE, "attention"),
        (AlertKind.MORNING_WORSE, "attention"),
        (AlertKind.INACTIVE, "attention"),
        (AlertKind.REGRESS, "attention"),
        (AlertKind.STOPPED_FOR_PAIN, "attention"),
        (AlertKind.REVIEW_ANSWER, "attention"),
        (AlertKind.BAD_DAY, "information"),
        (AlertKind.ERASURE, "information"),
        (AlertKind.IMPROVED, "information"),
    ],
)
def test_it_gives_each_kind_its_tier_and_keeps_the_title(alice, kind, tier):
    alert = raise_alert(alice, kind, title="What happened", detail="More about it.")
    alert.refresh_from_db()
    assert (alert.kind, alert.tier, alert.title, alert.detail) == (
        kind,
        tier,
        "What happened",
        "More about it.",
    )
    assert alert.acknowledged_at is None and alert.resolved_at is None


def test_every_kind_has_a_default_tier(alice):
    for kind in AlertKind:
        assert raise_alert(alice, kind, title=str(kind.label)).tier in AlertTier.values


def test_a_tier_given_wins_over_the_default(alice):
    alert = raise_alert(alice, AlertKind.MORNING_WORSE, tier="urgent", title="Worse: 8/10")
    assert alert.tier == "urgent"


def test_it_adds_nothing_while_one_of_the_kind_is_open(alice, charlie):
    first = raise_alert(alice, AlertKind.INACTIVE, title="Nothing logged on 3 due days")
    assert raise_alert(alice, AlertKind.INACTIVE, title="Nothing logged on 4 due days") is None
    assert list(Alert.objects.values_list("title", flat=True)) == ["Nothing logged on 3 due days"]
    assert raise_alert(charlie, AlertKind.INACTIVE, title="x") is not None  # per patient
    Alert.objects.filter(pk=first.pk).update(resolved_at=timezone.now())
    assert raise_alert(alice, AlertKind.INACTIVE, title="Again") is not None


def test_red_flags_may_be_open_more_than_once(alice):
    raise_alert(alice, AlertKind.RED_FLAG, title="Red flag: one")
    raise_alert(alice, AlertKind.RED_FLAG, title="Red flag: two")
    assert Alert.objects.open().filter(kind="red_flag").count() == 2


def test_the_database_refuses_a_second_open_alert_of_a_kind(alice):
    make_alert(alice, AlertKind.BAD_DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_alert(alice, AlertKind.BAD_DAY)
    assert Alert.objects.count() == 1


@pytest.mark.parametrize(
    "fields",
    [{"tier": "severe"}, {"tier": ""}, {"title": ""}, {"kind": "other"}],
)
def test_the_database_refuses_a_bad_tier_kind_or_title(alice, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Alert.objects.create(
            patient=alice, **{"kind": "inactive", "tier": "attention", "title": "x", **fields}
        )
    assert not Alert.objects.exists()


def test_titles_are_kept_in_the_sites_language_whoever_raised_them(alice):
    with override("es"):
        alert = raise_alert(alice, AlertKind.BAD_DAY, title=gettext_lazy("Bad-back day"))
    assert alert.title == "Bad-back day"


def test_a_long_title_is_cut_to_fit(alice):
    assert len(raise_alert(alice, AlertKind.BAD_DAY, title="x" * 200).title) == 120


def test_ranked_puts_the_most_pressing_first_then_the_oldest(alice):
    now = timezone.now()
    rows = [
        ("information", 50, "bad_day"),
        ("attention", 10, "inactive"),
        ("emergency", 5, "red_flag"),
        ("attention", 40, "regress"),
        ("urgent", 1, "pain_ceiling"),
        ("emergency", 30, "red_flag"),
    ]
    for tier, minutes_ago, kind in rows:
        alert = make_alert(alice, kind, tier=tier, title=f"{tier} {minutes_ago}")
        Alert.objects.filter(pk=alert.pk).update(created=now - timedelta(minutes=minutes_ago))
    ranked = list(Alert.objects.open().ranked().values_list("title", "tier_rank"))
    assert ranked == [
        ("emergency 30", 0),
        ("emergency 5", 0),
        ("urgent 1", 1),
        ("attention 40", 2),
        ("attention 10", 2),
        ("information 50", 3),
    ]
    assert TIER_RANK == {"emergency": 0, "urgent": 1, "attention": 2, "information": 3}


# The callers: each rule raises its alert with the tier and title of clinical.md §2.1.


@pytest.mark.parametrize(
    ("yes", "kind", "tier", "title"),
    [
        ("e", "red_flag", "emergency", "Red flag: Bladder"),
        ("u", "red_flag", "urgent", "Red flag: Fever"),
        ("r", "review_answer", "attention", "Review answer: Night pain"),
    ],
)
def test_a_screening_raises_the_alert_of_its_tier(alice, yes, kind, tier, title):
    questions = {
        "e": ("emergency", "Bladder"),
        "u": ("urgent", "Fever"),
        "r": ("review", "Night pain"),
    }
    answers = [
        {"key": key, "text": f"{name}?", "name": name, "tier": qtier, "yes": key == yes}
        for key, (qtier, name) in questions.items()
    ]
    with transaction.atomic():
        screening = record(alice, answers)
    alert = Alert.objects.get()
    assert (alert.kind, alert.tier, alert.title, alert.screening) == (kind, tier, title, screening)


def test_a_clear_screening_raises_nothing(alice):
    record(alice, [{"key": "e", "text": "Bladder?", "tier": "emergency", "yes": False}])
    assert not Alert.objects.exists()


def test_inactivity_is_for_attention(alice, bob):
    make_plan(alice, bob, [], start_date=alice.local_date() - timedelta(days=10))
    call_command("check_alerts")
    alert = Alert.objects.get()
    assert (alert.kind, alert.tier) == ("inactive", "attention")
    assert alert.title.startswith("Nothing logged on ") and alert.title.endswith(" due days")


def test_tier_rank_serves_a_subquery_of_each_patients_most_pressing_alert(alice, charlie):
    from django.db.models import OuterRef, Subquery

    from accounts.models import User
    from safety.models import tier_rank

    make_alert(alice, "bad_day", tier="information")
    make_alert(alice, "pain_ceiling", tier="urgent")
    make_alert(charlie, "inactive", tier="attention")
    top = (
        Alert.objects.open()
        .filter(patient=OuterRef("pk"))
        .annotate(rank=tier_rank())
        .order_by("rank")
        .values("rank")[:1]
    )
    ranks = dict(User.objects.patients().annotate(top=Subquery(top)).values_list("username", "top"))
    assert ranks == {"alice": 1, "charlie": 2}
