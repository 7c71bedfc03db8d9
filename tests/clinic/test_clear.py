"""Clearing a safety check (clinic/views/alerts.clear), with answers the clinician marks
known and long-standing: only this check's urgent or review "yes" answers, never
emergency ones; a refused mark stores nothing."""

import pytest
from django.db import transaction

from accounts.models import AuditAction, AuditEvent
from safety.models import Alert, KnownAnswer, Screening
from safety.screenings import check_for, record
from tests.clinic.helpers import post


def check(patient, yes):
    answers = [
        {
            "key": a.key,
            "text": a.text,
            "name": a.question.short_name,
            "tier": a.question.tier,
            "yes": a.key in yes,
            "known": a.known,
        }
        for a in check_for(patient).questions
    ]
    with transaction.atomic():
        return record(patient, answers)


def url(patient, screening):
    return f"/clinic/patients/{patient.code}/screenings/{screening.code}/clear/"


NOTE = "Old injury, unchanged since 2019; seen by neurology."


def test_it_offers_the_urgent_and_review_answers_only(client, alice, bob, questions):
    check(alice, {"bladder", "leg-weakness", "night-pain"})
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert html.count('name="known"') == 2
    assert 'value="leg-weakness"' in html and 'value="night-pain"' in html
    assert 'value="bladder"' not in html


def test_it_notes_known_answers_and_audits_them_with_the_note(client, alice, bob, questions):
    screening = check(alice, {"leg-weakness", "night-pain"})
    client.force_login(bob)
    response = post(client, url(alice, screening), {"note": NOTE, "known": ["leg-weakness"]})
    assert response.status_code == 302
    screening.refresh_from_db()
    assert not screening.locked and screening.cleared_note == NOTE
    known = KnownAnswer.objects.get()
    assert (known.patient, known.question_key, known.noted_by, known.note) == (
        alice,
        "leg-weakness",
        bob,
        NOTE,
    )
    event = AuditEvent.objects.get(action=AuditAction.ANSWER_KNOWN)
    assert (event.actor, event.patient) == (bob, alice)
    assert event.detail == {"questions": ["leg-weakness"], "note": NOTE}
    assert not Alert.objects.open().exists()


@pytest.mark.parametrize("key", ["bladder", "fever", "not-a-question"])
def test_an_emergency_or_unasked_answer_is_refused_and_nothing_changes(
    client, alice, bob, questions, key
):
    screening = check(alice, {"bladder", "leg-weakness"})  # fever answered no
    client.force_login(bob)
    response = post(client, url(alice, screening), {"note": NOTE, "known": ["leg-weakness", key]})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Only this check&#x27;s urgent or review answers can be marked as known." in page
    screening.refresh_from_db()
    assert screening.locked and screening.cleared_note == ""
    assert not KnownAnswer.objects.exists()
    assert Alert.objects.open().count() == 1
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.ANSWER_KNOWN, AuditAction.SCREENING_CLEARED]
    ).exists()


def test_a_review_check_is_resolved_with_the_same_form(client, alice, bob, questions):
    screening = check(alice, {"weight-loss"})
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert url(alice, screening) in html and "/resolve/" not in html
    post(client, url(alice, screening), {"note": "Dieting on purpose.", "known": ["weight-loss"]})
    page = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert "Resolved. Suggestions for Alice Morgan can go ahead again." in page
    assert Screening.objects.get().cleared_at is not None
    assert KnownAnswer.objects.filter(question_key="weight-loss").exists()


def test_another_clinician_cannot_clear_or_mark(client, alice, dana, questions):
    screening = check(alice, {"leg-weakness"})
    client.force_login(dana)
    response = post(client, url(alice, screening), {"note": NOTE, "known": ["leg-weakness"]})
    assert response.status_code == 404
    screening.refresh_from_db()
    assert screening.locked and not KnownAnswer.objects.exists()
