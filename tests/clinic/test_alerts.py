"""The patient page's open alerts, most pressing first, and the Acknowledge button
(clinic/views/alerts.acknowledge_alert)."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import AuditAction, AuditEvent
from safety.models import Alert
from tests.clinic.helpers import post, token
from tests.factories import link, make_alert, make_clinician


def url(patient, alert):
    return f"/clinic/patients/{patient.code}/alerts/{alert.code}/acknowledge/"


@pytest.fixture
def alert(alice):
    return make_alert(alice, "red_flag", tier="emergency", title="Red flag: bladder")


def state(alert):
    alert.refresh_from_db()
    return alert.acknowledged_at, alert.acknowledged_by_id


def test_it_acknowledges_once_says_so_and_audits(client, alice, bob, alert):
    client.force_login(bob)
    response = post(client, url(alice, alert))
    assert response.status_code == 302 and response["Location"] == f"/clinic/patients/{alice.code}/"
    acknowledged_at, by = state(alert)
    assert acknowledged_at is not None and by == bob.pk
    page = client.get(response["Location"]).content.decode()
    assert "Acknowledged. The others can see you are dealing with it." in page
    assert "Acknowledged by Bob Reid" in page
    events = AuditEvent.objects.filter(action=AuditAction.ALERT_ACKNOWLEDGED)
    assert [(e.actor, e.patient, e.target) for e in events] == [(bob, alice, f"alert {alert.code}")]


def test_a_second_acknowledgement_changes_nothing(client, alice, bob, alert):
    fay = make_clinician(username="fay", name="Fay Lund")
    link(fay, alice)
    client.force_login(bob)
    post(client, url(alice, alert))
    first = state(alert)
    client.force_login(fay)
    response = post(client, url(alice, alert))
    assert response.status_code == 302
    assert state(alert) == first
    assert (
        "Someone has already acknowledged this alert."
        in client.get("/clinic/patients/").content.decode()
    )
    assert AuditEvent.objects.filter(action=AuditAction.ALERT_ACKNOWLEDGED).count() == 1


def test_get_is_refused(client, alice, bob, alert):
    client.force_login(bob)
    assert client.get(url(alice, alert)).status_code == 405
    assert state(alert) == (None, None)


def test_it_needs_the_csrf_token(alice, bob, alert):
    from tests.factories import HipMobClient

    browser = HipMobClient(enforce_csrf_checks=True)
    browser.force_login(bob)
    assert browser.post(url(alice, alert)).status_code == 403
    assert state(alert) == (None, None)


def test_anonymous_is_sent_to_sign_in(alice, alert):
    response = Client(enforce_csrf_checks=False).post(url(alice, alert))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert state(alert) == (None, None)


@pytest.mark.parametrize("who", ["dana", "alice", "charlie"])
def test_strangers_and_patients_get_404(client, request, alice, bob, alert, who):
    client.force_login(request.getfixturevalue(who))
    csrf = client.get("/account/").context["csrf_token"] if who != "dana" else token(client)
    response = client.post(url(alice, alert), {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 404
    assert state(alert) == (None, None)
    assert not AuditEvent.objects.filter(action=AuditAction.ALERT_ACKNOWLEDGED).exists()


def test_another_patients_alert_is_404(client, alice, bob, charlie):
    link(bob, charlie)
    theirs = make_alert(charlie, "inactive")
    client.force_login(bob)
    assert (
        post(client, f"/clinic/patients/{alice.code}/alerts/{theirs.code}/acknowledge/").status_code
        == 404
    )
    assert state(theirs) == (None, None)


def test_a_resolved_alert_is_404(client, alice, bob, alert):
    Alert.objects.filter(pk=alert.pk).update(resolved_at=timezone.now())
    client.force_login(bob)
    assert post(client, url(alice, alert)).status_code == 404
    assert state(alert) == (None, None)


def test_the_page_lists_open_alerts_by_tier_then_age_in_words(client, alice, bob):
    now = timezone.now()
    for kind, tier, title, hours in [
        ("bad_day", "information", "Bad-back day", 30),
        ("inactive", "attention", "Nothing logged on 3 due days", 5),
        ("red_flag", "emergency", "Red flag: bladder", 2),
        ("pain_ceiling", "urgent", "Pain above 5 in 2 sessions", 1),
        ("regress", "attention", "Step-backs on more than one day", 48),
    ]:
        alert = make_alert(alice, kind, tier=tier, title=title)
        Alert.objects.filter(pk=alert.pk).update(created=now - timedelta(hours=hours))
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    badges = re.findall(r'class="tier-badge tier-badge--(\w+)">([^<]+)<', html)
    assert badges == [
        ("emergency", "Emergency"),
        ("urgent", "Urgent"),
        ("attention", "Needs attention"),
        ("attention", "Needs attention"),
        ("information", "For information"),
    ]
    titles = re.findall(r"<strong>([^<]+)</strong></p>", html)
    assert titles[:5] == [
        "Red flag: bladder",
        "Pain above 5 in 2 sessions",
        "Step-backs on more than one day",  # 2 days old: before the 5-hour one
        "Nothing logged on 3 due days",
        "Bad-back day",
    ]
    assert "2\xa0hours ago" in html and "2\xa0days ago" in html
    assert html.count("Not acknowledged yet") == 5
    assert html.count("/acknowledge/") == 5
