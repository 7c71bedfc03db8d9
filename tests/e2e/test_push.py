"""Notifications on the account page at phone size: the switch is offered once push is
configured (push.js, under the strict CSP), devices are listed and removed, and the page
passes axe. Subscribing itself needs a real push service; tests/accounts/test_push.py
plays one."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from accounts.management.commands.vapid_keys import new_key_pair
from accounts.models import PushSubscription
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import make_clinician, make_patient
from tests.push_service import Browser


@pytest.fixture
def keys():
    public, private = new_key_pair()
    with override_settings(VAPID_PUBLIC_KEY=public, VAPID_PRIVATE_KEY=private):
        yield


def test_a_patient_sees_the_switch_and_removes_a_device(live_server, page, keys, csp_violations):
    alice = make_patient(username="alice", name="Alice Morgan")
    Browser().subscribe(alice, "https://fcm.googleapis.com/fcm/send/old", device="Old phone")
    sign_in_on(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/account/")
    section = page.locator("#notifications")
    expect(
        section.get_by_role("button", name="Turn on notifications on this device")
    ).to_be_visible()
    expect(section.get_by_role("strong").filter(has_text="Old phone")).to_be_visible()
    assert_no_axe_violations(page)
    section.get_by_role("button", name="Remove Old phone").click()
    expect(page.get_by_text("Notifications are off for Old phone.")).to_be_visible()
    expect(page.get_by_text("No device has notifications on.")).to_be_visible()
    assert not PushSubscription.objects.exists()
    assert csp_violations == []


def test_without_keys_the_page_says_notifications_are_not_available(live_server, page):
    make_clinician(username="bob")
    sign_in_on(page, live_server.url, "bob")
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_text("Notifications aren't available on this HipMob yet")).to_be_visible()
    assert_no_axe_violations(page)
