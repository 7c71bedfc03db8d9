"""Web Push end to end without the internet (a local receiver plays the push service and
the test plays the browser), what a browser may store, and the device views: turning
notifications on, removing a device, sending a test; on the account page of patients
and clinicians alike."""

import json
import re
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts import push
from accounts.management.commands.vapid_keys import new_key_pair
from accounts.models import AuditAction, AuditEvent, PushSubscription
from tests.factories import make_patient
from tests.hipmob.test_settings import run_manage
from tests.push_service import SUBJECT, Browser, vapid_claims

pytestmark = pytest.mark.django_db

SUBSCRIBE, TEST = "/account/devices/", "/account/devices/test/"


def remove_url(device) -> str:
    return f"/account/devices/{device.code}/remove/"


def csrf_post(client, url: str, data: dict | None = None, **extra):
    """A browser's POST: the token from the account page, then the form."""
    client.get("/account/")
    token = client.cookies["csrftoken"].value
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)


def page_text(response) -> str:
    return response.content.decode()


# --- Sending, end to end ----------------------------------------------------------------


def test_it_delivers_a_message_only_the_browser_can_read(alice, push_on):
    receiver = push_on
    browser = Browser()
    device = browser.subscribe(alice, receiver.endpoint("alice-phone"))
    message = push.Message(
        title="Time for your exercises",
        body="Your routine for today is ready in HipMob.",
        url="/today/",
        tag="reminder",
        urgency=push.HIGH,
        ttl=600,
    )
    before = int(time.time())

    assert push.send(alice, message) == 1

    [got] = receiver.requests
    assert got.path == "/push/alice-phone"
    assert got.headers["content-encoding"] == "aes128gcm"
    assert got.headers["ttl"] == "600"
    assert got.headers["urgency"] == "high"
    claims = vapid_claims(got.headers["authorization"], push.public_key())
    assert claims["aud"] == receiver.origin  # the endpoint's origin, nothing more
    assert claims["sub"] == SUBJECT
    assert before < claims["exp"] <= before + 24 * 60 * 60
    # Nothing readable on the way: only the browser's keys open it.
    assert b"exercises" not in got.body
    assert browser.read(got.body) == {
        "title": "Time for your exercises",
        "body": "Your routine for today is ready in HipMob.",
        "url": "/today/",
        "tag": "reminder",
    }
    with pytest.raises(Exception):  # noqa: B017 (any failure to decrypt will do)
        Browser().read(got.body)
    device.refresh_from_db()
    assert device.last_success is not None


def test_each_device_gets_its_own_audience_and_encryption(alice, push_on):
    phone, laptop = Browser(), Browser()
    phone.subscribe(alice, push_on.endpoint("phone"))
    laptop.subscribe(alice, push_on.endpoint("laptop"))
    assert push.send(alice, push.test_message(alice)) == 2
    by_path = {r.path: r for r in push_on.requests}
    assert phone.read(by_path["/push/phone"].body)["tag"] == "test"
    assert laptop.read(by_path["/push/laptop"].body)["tag"] == "test"


@pytest.mark.parametrize("status", [404, 410])
def test_a_device_the_push_service_says_is_gone_is_removed(alice, push_on, status):
    device = Browser().subscribe(alice, push_on.endpoint("gone"))
    push_on.status["/push/gone"] = status
    assert push.send(alice, push.test_message(alice)) == 0
    assert not PushSubscription.objects.filter(pk=device.pk).exists()


@pytest.mark.parametrize("status", [500, 429, 403, 302])
def test_a_device_is_kept_on_any_other_failure(alice, push_on, status):
    device = Browser().subscribe(alice, push_on.endpoint("flaky"))
    push_on.status["/push/flaky"] = status
    assert push.send(alice, push.test_message(alice)) == 0
    device.refresh_from_db()
    assert device.last_success is None
    # A redirect is not followed: the push service got one request, nobody else any.
    assert push_on.paths() == ["/push/flaky"]


def test_a_push_service_that_doesnt_answer_is_given_up_on(alice, push_on):
    device = Browser().subscribe(alice, push_on.endpoint("slow"))
    push_on.delay = 3  # PUSH_TIMEOUT is 2 here
    started = time.monotonic()
    assert push.send(alice, push.test_message(alice)) == 0
    assert time.monotonic() - started < 3
    assert PushSubscription.objects.filter(pk=device.pk).exists()


def test_one_broken_device_doesnt_stop_the_others(alice, push_on):
    Browser().subscribe(alice, push_on.endpoint("broken"))
    Browser().subscribe(alice, push_on.endpoint("fine"))
    push_on.status["/push/broken"] = 500
    assert push.send(alice, push.test_message(alice)) == 1
    assert push_on.paths() == ["/push/broken", "/push/fine"]


def test_nothing_is_sent_without_keys(alice, receiver):
    Browser().subscribe(alice, receiver.endpoint("phone"))
    with override_settings(PUSH_ALLOW_HTTP_ENDPOINTS=True, PUSH_SERVICE_HOSTS=["127.0.0.1"]):
        assert not push.configured()
        assert push.send(alice, push.test_message(alice)) == 0
    assert receiver.requests == []


def test_a_stored_endpoint_outside_the_allowed_services_is_not_called(alice, push_on):
    Browser().subscribe(alice, push_on.endpoint("phone"))
    with override_settings(PUSH_SERVICE_HOSTS=["fcm.googleapis.com"]):
        assert push.send(alice, push.test_message(alice)) == 0
    assert push_on.requests == []


# --- What a browser may store -----------------------------------------------------------

GOOD = Browser().keys
FCM = "https://fcm.googleapis.com/fcm/send/abc123:APA91b"


def subscription(endpoint=FCM, **keys) -> str:
    return json.dumps({"endpoint": endpoint, "keys": {**GOOD, **keys}})


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "no subscription"),
        ("{not json", "isn't valid JSON"),
        ("[]", "has no keys"),
        (json.dumps({"endpoint": FCM}), "has no keys"),
        (subscription(endpoint="http://fcm.googleapis.com/x"), "must start with https://"),
        (subscription(endpoint="ftp://fcm.googleapis.com/x"), "must start with https://"),
        (subscription(endpoint="https://fcm.googleapis.com/" + "a" * 1024), "too long"),
        (subscription(endpoint="https://evil.example/fcm.googleapis.com"), "isn't one HipMob"),
        (subscription(endpoint="https://fcm.googleapis.com.evil.example/x"), "isn't one HipMob"),
        (subscription(endpoint="https://127.0.0.1/x"), "isn't one HipMob"),
        (subscription(endpoint="https://user:pw@fcm.googleapis.com/x"), "isn't a valid address"),
        (subscription(endpoint="https://fcm.googleapis.com:99999/x"), "isn't a valid address"),
        (subscription(endpoint=""), "no push address"),
        (subscription(p256dh="not base64!"), "isn't valid base64url"),
        (subscription(p256dh=GOOD["auth"]), "should be 65 bytes long, not 16"),
        (subscription(auth=GOOD["p256dh"]), "should be 16 bytes long, not 65"),
        (subscription(auth=None), "auth key is missing"),
        ("x" * 5000, "far too long"),
    ],
)
def test_a_malformed_subscription_is_refused_with_a_reason(raw, message):
    with pytest.raises(ValidationError) as refused:
        push.clean_subscription(raw)
    assert message in refused.value.messages[0]


@pytest.mark.parametrize(
    "endpoint",
    [
        FCM,
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
        "https://web.push.apple.com/QGuQyavXutnMH",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ],
)
def test_the_browsers_push_services_are_accepted(endpoint):
    assert push.clean_subscription(subscription(endpoint=endpoint)).endpoint == endpoint


@pytest.mark.parametrize(
    ("typed", "agent", "label"),
    [
        ("  My   phone ", "", "My phone"),
        ("Kitchen\x00 tablet\n", "", "Kitchen tablet"),
        ("x" * 80, "", "x" * 60),
        (
            "",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Mobile Safari/537.36",
            "Chrome on Android",
        ),
        (
            "",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Safari on iPhone",
        ),
        (
            "",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Safari/537.36 Edg/126.0",
            "Edge on Windows",
        ),
        (
            "",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Firefox/127.0",
            "Firefox on Mac",
        ),
        ("", "", "A browser"),
    ],
)
def test_a_device_is_named_by_the_person_or_after_its_browser(typed, agent, label):
    assert push.device_label(typed, agent) == label


# --- The views ----------------------------------------------------------------------------


@pytest.fixture
def keys_only():
    """Push configured, for the views (no request leaves the machine in these)."""
    public, private = new_key_pair()
    with override_settings(VAPID_PUBLIC_KEY=public, VAPID_PRIVATE_KEY=private):
        yield public


@pytest.mark.parametrize(
    "url", [SUBSCRIBE, TEST, "/account/devices/00000000-0000-0000-0000-000000000000/remove/"]
)
def test_anonymous_people_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_the_views_take_only_posts(client, alice):
    device = Browser().subscribe(alice, FCM)
    client.force_login(alice)
    for url in (SUBSCRIBE, TEST, remove_url(device)):
        assert client.get(url).status_code == 405
    assert PushSubscription.objects.filter(pk=device.pk).exists()


def test_an_admin_has_no_devices_to_manage(client, erin, keys_only):
    client.force_login(erin)
    response = csrf_post(client, SUBSCRIBE, {"subscription": subscription()})
    assert response.status_code == 404
    assert not PushSubscription.objects.exists()
    assert 'id="notifications"' not in page_text(client.get("/account/"))


def test_a_patient_turns_notifications_on(client, alice, keys_only):
    client.force_login(alice)
    response = csrf_post(
        client,
        SUBSCRIBE,
        {"subscription": subscription(), "device": ""},
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36",
    )
    assert response.status_code == 302 and response["Location"] == "/account/#notifications"
    device = PushSubscription.objects.get()
    assert (device.user, device.endpoint, device.device) == (alice, FCM, "Chrome on Android")
    assert (device.p256dh, device.auth) == (GOOD["p256dh"], GOOD["auth"])
    html = page_text(client.get("/account/"))
    assert "Notifications are on for Chrome on Android." in html
    assert f'action="{remove_url(device)}"' in html
    # The keys and the endpoint are secrets: never on the page.
    assert FCM not in html and GOOD["auth"] not in html


def test_subscribing_the_same_browser_again_updates_it(client, alice, keys_only):
    client.force_login(alice)
    csrf_post(client, SUBSCRIBE, {"subscription": subscription(), "device": "Phone"})
    first = PushSubscription.objects.get()
    fresh = Browser().keys
    csrf_post(client, SUBSCRIBE, {"subscription": subscription(**fresh), "device": "My phone"})
    again = PushSubscription.objects.get()
    assert again.pk == first.pk and again.code == first.code
    assert (again.p256dh, again.auth, again.device) == (fresh["p256dh"], fresh["auth"], "My phone")


def test_a_browser_someone_else_used_moves_to_whoever_uses_it_now(
    client, alice, charlie, keys_only
):
    """The shared family tablet: Charlie had notifications on it, Alice turns them on."""
    Browser().subscribe(charlie, FCM)
    client.force_login(alice)
    csrf_post(client, SUBSCRIBE, {"subscription": subscription()})
    device = PushSubscription.objects.get()
    assert device.user == alice
    event = AuditEvent.objects.get(action=AuditAction.PUSH_DEVICE_MOVED)
    assert (event.actor, event.patient) == (alice, charlie)
    assert event.detail == {"from_user": str(charlie.code), "to_user": str(alice.code)}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "The browser&#x27;s subscription isn&#x27;t valid JSON."),
        (subscription(endpoint="http://fcm.googleapis.com/x"), "must start with https://"),
        (subscription(auth="AAAA"), "should be 16 bytes long, not 3"),
        (subscription(endpoint="https://intranet.example/hook"), "isn&#x27;t one HipMob sends to"),
    ],
)
def test_a_malformed_subscription_is_refused_and_nothing_stored(
    client, alice, keys_only, raw, message
):
    client.force_login(alice)
    response = csrf_post(client, SUBSCRIBE, {"subscription": raw})
    assert response.status_code == 400
    assert message in page_text(response)
    assert "Nothing was saved" in page_text(response)
    assert not PushSubscription.objects.exists()


def test_nothing_is_stored_while_push_is_off(client, alice):
    client.force_login(alice)
    response = csrf_post(client, SUBSCRIBE, {"subscription": subscription()})
    assert response.status_code == 302
    assert not PushSubscription.objects.exists()
    html = page_text(client.get("/account/"))
    assert "Notifications aren&#x27;t available on this HipMob yet" in html
    assert "js/push.js" not in html


def test_a_person_can_have_only_so_many_devices(client, alice, keys_only):
    for n in range(push.MAX_DEVICES):
        Browser().subscribe(alice, f"{FCM}{n}")
    client.force_login(alice)
    response = csrf_post(client, SUBSCRIBE, {"subscription": subscription()})
    assert response.status_code == 409
    assert "Remove one you no longer use" in page_text(response)
    assert PushSubscription.objects.count() == push.MAX_DEVICES


def test_a_person_removes_their_own_device(client, alice):
    device = Browser().subscribe(alice, FCM, device="Kitchen tablet")
    client.force_login(alice)
    response = csrf_post(client, remove_url(device))
    assert response.status_code == 302
    assert not PushSubscription.objects.exists()
    assert "Notifications are off for Kitchen tablet." in page_text(client.get("/account/"))


@pytest.mark.parametrize("intruder", ["charlie", "bob"])
def test_someone_elses_device_is_a_404_and_stays(request, client, alice, intruder):
    device = Browser().subscribe(alice, FCM)
    client.force_login(request.getfixturevalue(intruder))
    assert csrf_post(client, remove_url(device)).status_code == 404
    assert PushSubscription.objects.filter(pk=device.pk).exists()


def test_a_test_notification_reaches_each_of_my_devices_only(client, alice, charlie, push_on):
    mine = [Browser(), Browser()]
    for n, browser in enumerate(mine):
        browser.subscribe(alice, push_on.endpoint(f"alice-{n}"))
    Browser().subscribe(charlie, push_on.endpoint("charlie"))
    client.force_login(alice)
    response = csrf_post(client, TEST)
    assert response.status_code == 302
    assert push_on.paths() == ["/push/alice-0", "/push/alice-1"]
    for got in push_on.requests:
        browser = mine[int(got.path[-1])]
        assert browser.read(got.body) == {
            "title": "HipMob notifications work",
            "body": "This is the test you asked for. Nothing else to do.",
            "url": "/account/",
            "tag": "test",
        }
    assert "Test sent to your 2 devices." in page_text(client.get("/account/"))
    # Asked again at once: not sent again.
    csrf_post(client, TEST)
    assert len(push_on.requests) == 2


def test_a_test_needs_a_device(client, alice, keys_only):
    client.force_login(alice)
    csrf_post(client, TEST)
    assert "No device has notifications on yet." in page_text(client.get("/account/"))


def test_the_account_page_lists_my_devices_and_offers_the_switch(client, alice, charlie, keys_only):
    Browser().subscribe(alice, FCM + "1", device="Alice's phone")
    Browser().subscribe(charlie, FCM + "2", device="Charlie's phone")
    client.force_login(alice)
    html = page_text(client.get("/account/"))
    assert "Alice&#x27;s phone" in html and "Charlie" not in html.split('id="notifications"')[1]
    assert f'data-key="{keys_only}"' in html
    assert 'action="/account/devices/"' in html and 'action="/account/devices/test/"' in html
    # push.js is loaded with the page's nonce, not inline.
    script = re.search(r'<script src="[^"]*js/push\.js" nonce="([^"]+)" defer></script>', html)
    assert script


def test_an_empty_list_says_so(client, alice, keys_only):
    client.force_login(alice)
    html = page_text(client.get("/account/"))
    assert "No device has notifications on." in html
    assert 'action="/account/devices/test/"' not in html


def test_a_clinician_manages_devices_on_the_account_page_too(client, bob, keys_only):
    device = Browser().subscribe(bob, FCM, device="Clinic desktop")
    client.force_login(bob)
    html = page_text(client.get("/account/"))
    assert "emergency or urgent alert" in html and "Clinic desktop" in html
    assert 'href="/account/"' in page_text(client.get("/clinic/patients/"))  # in the menu
    csrf_post(client, remove_url(device))
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize("devices", [1, 10])
def test_the_account_page_keeps_its_queries_as_devices_grow(client, alice, keys_only, devices):
    for n in range(devices):
        Browser().subscribe(alice, f"{FCM}{n}")
    client.force_login(alice)
    client.get("/account/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/account/")
    assert response.status_code == 200
    assert page_text(response).count("/remove/") == devices
    # The session, the user, reminder settings, the devices.
    assert len(queries) == 4, [q["sql"] for q in queries]


def test_signing_out_everywhere_ends_every_devices_notifications(client, alice, charlie):
    Browser().subscribe(alice, FCM + "1")
    Browser().subscribe(charlie, FCM + "2")
    client.force_login(alice)
    csrf_post(client, "/sign-out/everywhere/")
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [charlie.pk]


def test_devices_go_with_the_account(alice):
    Browser().subscribe(alice, FCM)
    make_patient()  # someone else stays
    alice.delete()
    assert not PushSubscription.objects.exists()


# --- Configuration -------------------------------------------------------------------------


def run_check(**env):
    return run_manage("check", SECRET_KEY="x" * 50, ALLOWED_HOSTS="hipmob.example.org", **env)


def test_a_key_pair_that_doesnt_match_stops_the_app():
    public, _private = new_key_pair()
    _other_public, other_private = new_key_pair()
    result = run_check(VAPID_PUBLIC_KEY=public, VAPID_PRIVATE_KEY=other_private)
    assert result.returncode != 0
    assert "VAPID_PUBLIC_KEY is not the public half of VAPID_PRIVATE_KEY" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"VAPID_PUBLIC_KEY": "BAAA"}, "VAPID_PUBLIC_KEY must be 65 bytes once decoded; got 3"),
        ({"VAPID_PRIVATE_KEY": "not*base64"}, "VAPID_PRIVATE_KEY must be base64url"),
        ({"VAPID_SUBJECT": "clinic@example.org"}, "VAPID_SUBJECT must be a mailto: or https://"),
    ],
)
def test_malformed_push_settings_stop_the_app(env, message):
    result = run_check(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_one_key_alone_stops_the_app_and_a_generated_pair_works():
    public, private = new_key_pair()
    result = run_check(VAPID_PUBLIC_KEY=public)
    assert "Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither." in result.stderr
    assert run_check(VAPID_PUBLIC_KEY=public, VAPID_PRIVATE_KEY=private).returncode == 0


def test_the_command_prints_a_pair_in_env_format():
    result = run_manage("vapid_keys", SECRET_KEY="x" * 50)
    public, private = result.stdout.split()
    assert public.startswith("VAPID_PUBLIC_KEY=B") and private.startswith("VAPID_PRIVATE_KEY=")
    assert run_check(**dict(line.split("=", 1) for line in (public, private))).returncode == 0
