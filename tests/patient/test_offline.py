"""The installable app's server side: the manifest, the service worker, the offline pack
(patient/offline.py), and the player accepting answers given offline, later, with the
phone's times (practice/player.py). The browser side is tests/e2e/test_offline.py."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from exercises.models import Exercise
from practice.models import ExerciseSession, StepLog
from practice.player import session_code
from tests.factories import make_exercise, make_plan, make_screening, make_session

# Monday 7 December 2026, 09:00 in London.
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def millis(moment: datetime) -> str:
    return str(int(moment.timestamp() * 1000))


@pytest.fixture
def plan(alice, bob):
    exercises = [Exercise.objects.get(slug="glute-bridge"), Exercise.objects.get(slug="clamshell")]
    return make_plan(alice, bob, exercises)


@pytest.fixture
def patient(client, alice, plan):
    make_screening(alice, days_ago=1)
    client.force_login(alice)
    return client


# ---- manifest and service worker ---------------------------------------------------


def test_the_manifest_has_what_a_phone_needs_to_install_the_app(client, db):
    response = client.get(reverse("patient:manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "HipMob"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == reverse("patient:today")
    assert manifest["theme_color"] == "#0b6e6e"
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon["src"]


def test_the_service_worker_is_served_from_the_root_and_checked_on_every_visit(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert "__VERSION__" not in body
    assert 'addEventListener("fetch"' in body


def test_only_a_patient_has_pages_that_register_the_worker(client, alice, bob):
    client.force_login(alice)
    assert b"js/offline.js" in client.get(reverse("patient:today")).content
    client.force_login(bob)
    page = client.get(reverse("clinic:patients")).content
    assert b"js/offline.js" not in page
    assert b'rel="manifest"' not in page


# ---- the pack -------------------------------------------------------------------------


def test_strangers_get_no_pack(client, bob, db):
    response = client.get(reverse("patient:offline_pack"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    client.force_login(bob)
    assert client.get(reverse("patient:offline_pack")).status_code == 404


@time_machine.travel(NOW)
def test_the_pack_holds_the_next_days_and_every_screen_of_a_session(patient, alice, plan):
    response = patient.get(reverse("patient:offline_pack"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    pack = response.json()
    assert pack["user"] == str(alice.code)
    assert [d["date"] for d in pack["days"]] == [
        "2026-12-07",
        "2026-12-08",
        "2026-12-09",
        "2026-12-10",
    ]
    first = NOW.date()
    assert pack["days"][0]["code"] == str(session_code(alice, first))
    assert all(d["available"] and not d["paused"] for d in pack["days"])
    assert "This session wasn't finished" in pack["days"][1]["past"]
    assert pack["locked"] == ""
    assert "You were right to stop when it hurt" in pack["stop_advice"]["pain"]
    assert "You were right to stop when you felt unwell" in pack["stop_advice"]["unwell"]
    # Bridge: 2 sets; clamshell: 2 sets each side. Six steps, in the player's order.
    normal = pack["player"]["normal"]
    items = list(plan.items.order_by("order"))
    bridge, clam = items[0].pk, items[1].pk
    assert normal["keys"] == [
        [bridge, "both", 1],
        [bridge, "both", 2],
        [clam, "left", 1],
        [clam, "right", 1],
        [clam, "left", 2],
        [clam, "right", 2],
    ]
    assert len(normal["steps"]) == 6
    assert "Glute bridge" in normal["steps"][0] and "Clamshell" in normal["steps"][2]
    assert "<!--hipmob:high-pain-->" in normal["steps"][0]
    assert "Before you start" in normal["checkin"]
    assert "You were right to stop when it hurt" in normal["checkout"]["pain"]
    assert "Session done" in normal["summary"]
    # Screens carry a placeholder for the session's code, filled in per day.
    assert pack["placeholder"] in normal["steps"][0]
    assert "<!--hipmob:player-->" in pack["shell"]
    # The advice for each pair of scores is the server's own (practice/advice.py).
    assert "Your pain went up by 3 points, from 2 to 5." in pack["advice"]["2,5"]
    assert "Your pain came down, from 5 to 3." in pack["advice"]["5,3"]
    assert "Your pain is high today (9 out of 10)" in pack["high_pain"]["9"]
    # Pictures and styles the screens use are listed for the phone to keep.
    assert any(url.endswith(".svg") for url in pack["assets"])
    assert any(url.endswith("app.css") for url in pack["assets"])


@time_machine.travel(NOW)
def test_the_pack_has_nothing_from_the_history(patient, alice, plan):
    old = make_session(alice, plan, days_ago=3, before=7, after=9)
    ExerciseSession.objects.filter(pk=old.pk).update(note="my knee clicked on the stairs")
    body = patient.get(reverse("patient:offline_pack")).content.decode()
    assert "knee clicked" not in body


@time_machine.travel(NOW)
def test_a_day_whose_safety_check_is_due_is_not_offered_offline(patient, alice):
    # Last check 5 days ago: due again in two days (weekly).
    alice.screenings.all().delete()
    make_screening(alice, days_ago=5)
    days = patient.get(reverse("patient:offline_pack")).json()["days"]
    assert [d["available"] for d in days] == [True, True, False, False]
    assert "safety check" in days[2]["today"]["new"]
    assert 'action="/sessions/start/"' not in days[2]["today"]["new"]


@time_machine.travel(NOW)
def test_a_paused_patient_gets_no_session_offline(patient, alice):
    make_screening(alice, tier="urgent")
    pack = patient.get(reverse("patient:offline_pack")).json()
    days = pack["days"]
    assert not any(d["available"] for d in days)
    assert all(d["paused"] for d in days)
    assert "Exercise is paused" in days[0]["today"]["new"]
    # A session already under way stops offline too, with the player's own words.
    assert "Please stop, and see a doctor today." in pack["locked"]


@time_machine.travel(NOW)
def test_a_session_already_started_keeps_its_code(patient, alice, plan):
    session = ExerciseSession.objects.create(patient=alice, plan=plan, local_date=NOW.date())
    day = patient.get(reverse("patient:offline_pack")).json()["days"][0]
    assert day["code"] == str(session.code)
    assert day["status"] == "started"


@time_machine.travel(NOW)
@pytest.mark.parametrize("exercises", [2, 8])
def test_the_pack_takes_a_fixed_number_of_queries(
    client, alice, bob, exercises, django_assert_num_queries
):
    make_plan(alice, bob, [make_exercise() for _ in range(exercises)])
    make_screening(alice, days_ago=1)
    client.force_login(alice)
    # session + user, plan, its items, the walking break (no easier versions here),
    # latest check, the days' sessions (the pausing check only when exercise is paused).
    with django_assert_num_queries(7):
        assert client.get(reverse("patient:offline_pack")).status_code == 200


# ---- answers given offline, sent later -------------------------------------------------


def post(client, url, data=None, htmx=False, replay=False):
    """As a browser would: with the page's CSRF token, as htmx or as a plain form; or as
    the service worker sends an answer kept offline (replay)."""
    token = client.get(reverse("patient:today")).context["csrf_token"]
    headers = {"HX-Request": "true"} if htmx else {}
    if replay:
        headers["HipMob-Replay"] = "1"
    return client.post(url, {"csrfmiddlewaretoken": token, **(data or {})}, headers=headers)


def _start(client, **data):
    return post(client, reverse("patient:start"), data)


@time_machine.travel(NOW, tick=False)
def test_a_session_done_offline_keeps_the_phones_times(patient, alice, plan):
    began = NOW - timedelta(minutes=40)
    response = _start(patient, day="2026-12-07", at=millis(began))
    session = ExerciseSession.objects.get(patient=alice)
    assert response["Location"] == reverse("patient:session", args=[session.code])
    assert session.code == session_code(alice, NOW.date())
    assert session.started == began
    code = session.code
    post(patient, reverse("patient:check_in", args=[code]), {"pain": 3, "at": millis(began)})
    item = plan.items.order_by("order").first()
    done_at = began + timedelta(minutes=2)
    post(
        patient,
        reverse("patient:log_step", args=[code]),
        {"item": item.pk, "side": "both", "set_number": 1, "action": "done", "at": millis(done_at)},
    )
    log = StepLog.objects.get(session=session)
    assert log.at == done_at


@time_machine.travel(NOW, tick=False)
def test_a_session_done_offline_yesterday_is_saved_on_yesterday(patient, alice, plan):
    yesterday = NOW - timedelta(days=1)
    response = _start(patient, day="2026-12-06", at=millis(yesterday))
    session = ExerciseSession.objects.get(patient=alice)
    assert session.local_date == yesterday.date()
    assert response["Location"] == reverse("patient:session", args=[session.code])
    code = session.code
    post(patient, reverse("patient:check_in", args=[code]), {"pain": 4, "at": millis(yesterday)})
    session.refresh_from_db()
    assert session.pain_before == 4
    item = plan.items.order_by("order").first()
    step = {"item": item.pk, "side": "both", "set_number": 1, "action": "done"}
    # Sent today, done yesterday: saved. Said to be done today: not (the day has passed).
    post(patient, reverse("patient:log_step", args=[code]), {**step, "at": millis(yesterday)})
    assert session.logs.count() == 1
    post(patient, reverse("patient:log_step", args=[code]), {**step, "set_number": 2})
    assert session.logs.count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_start_whose_day_doesnt_match_its_time_is_refused(patient, alice):
    response = _start(patient, day="2026-12-05", at=millis(NOW))
    assert response["Location"] == reverse("patient:today")
    assert not ExerciseSession.objects.filter(patient=alice).exists()


@time_machine.travel(NOW, tick=False)
def test_a_start_older_than_the_sync_window_is_refused_and_nothing_is_stored(patient, alice):
    response = _start(patient, day="2026-11-20", at=millis(NOW - timedelta(days=17)))
    assert response.status_code == 302
    assert not ExerciseSession.objects.filter(patient=alice).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("too long ago" in m for m in messages)


@time_machine.travel(NOW, tick=False)
def test_a_phone_clock_ahead_of_the_server_counts_as_now(patient, alice, plan):
    _start(patient)
    session = ExerciseSession.objects.get(patient=alice)
    post(patient, reverse("patient:check_in", args=[session.code]), {"pain": 2})
    item = plan.items.order_by("order").first()
    post(
        patient,
        reverse("patient:log_step", args=[session.code]),
        {
            "item": item.pk,
            "side": "both",
            "set_number": 1,
            "action": "done",
            "at": millis(NOW + timedelta(hours=3)),
        },
    )
    assert StepLog.objects.get(session=session).at == NOW


@pytest.mark.parametrize("at", ["soon", "-5", "99999999999999999999"])
def test_a_malformed_time_is_refused_with_a_message_and_nothing_stored(patient, alice, plan, at):
    _start(patient)
    session = ExerciseSession.objects.get(patient=alice)
    post(patient, reverse("patient:check_in", args=[session.code]), {"pain": 2})
    item = plan.items.order_by("order").first()
    response = post(
        patient,
        reverse("patient:log_step", args=[session.code]),
        {"item": item.pk, "side": "both", "set_number": 1, "action": "done", "at": at},
        htmx=True,
    )
    assert response.status_code == 422
    assert not session.logs.exists()


@time_machine.travel(NOW, tick=False)
def test_the_player_says_where_the_session_is_in_headers(patient, alice, plan):
    _start(patient)
    session = ExerciseSession.objects.get(patient=alice)
    page = patient.get(reverse("patient:session", args=[session.code]))
    assert page["HipMob-Session"] == str(session.code)
    assert page["HipMob-Stage"] == "checkin"
    response = post(
        patient,
        reverse("patient:check_in", args=[session.code]),
        {"pain": 9},
        htmx=True,
    )
    assert response["HipMob-Stage"] == "step"
    assert response["HipMob-Step"] == "0"
    assert response["HipMob-Pain-Before"] == "9"


# ---- answers sent late: saved, or said not to be ------------------------------------


@pytest.fixture
def checked_in(patient, alice):
    _start(patient)
    session = ExerciseSession.objects.get(patient=alice)
    post(patient, reverse("patient:check_in", args=[session.code]), {"pain": 3})
    return session


def _step(plan, **extra):
    item = plan.items.order_by("order").first()
    return {"item": item.pk, "side": "both", "set_number": 1, "action": "done", **extra}


def test_a_replayed_step_says_it_is_saved_and_is_saved_once(patient, checked_in, plan):
    url = reverse("patient:log_step", args=[checked_in.code])
    for _ in range(2):
        response = post(patient, url, _step(plan), replay=True)
        assert response.status_code == 204 and response.content == b""
    assert checked_in.logs.count() == 1


def test_a_replayed_step_the_server_cant_take_says_so_and_stores_nothing(patient, checked_in, plan):
    ExerciseSession.objects.filter(pk=checked_in.pk).update(
        status="completed", pain_after=2, pain_worst=2, effort="right", finished=NOW
    )
    url = reverse("patient:log_step", args=[checked_in.code])
    assert post(patient, url, _step(plan), replay=True).status_code == 409
    assert not checked_in.logs.exists()
    # Not valid at all: 422, nothing stored.
    bad = _step(plan, action="dance")
    assert post(patient, url, bad, replay=True).status_code == 422
    assert not checked_in.logs.exists()


def _checked_in_yesterday(patient, alice, pain: int) -> ExerciseSession:
    """A session done offline yesterday, its start and check-in sent today."""
    yesterday = NOW - timedelta(days=1)
    _start(patient, day="2026-12-06", at=millis(yesterday))
    session = ExerciseSession.objects.get(patient=alice)
    post(
        patient,
        reverse("patient:check_in", args=[session.code]),
        {"pain": pain, "at": millis(yesterday)},
    )
    return session


@time_machine.travel(NOW, tick=False)
def test_a_replayed_step_given_after_the_sessions_day_is_refused(patient, alice, plan):
    yesterday = NOW - timedelta(days=1)
    session = _checked_in_yesterday(patient, alice, pain=4)
    url = reverse("patient:log_step", args=[session.code])
    # Done after midnight: the session's day was over, as it would be online.
    assert post(patient, url, _step(plan, at=millis(NOW)), replay=True).status_code == 409
    assert not session.logs.exists()
    assert post(patient, url, _step(plan, at=millis(yesterday)), replay=True).status_code == 204
    assert session.logs.count() == 1


def test_a_replayed_check_out_before_the_steps_are_done_is_refused(patient, checked_in):
    url = reverse("patient:check_out", args=[checked_in.code])
    data = {"pain_worst": 3, "pain": 2, "effort": "right"}
    assert post(patient, url, data, replay=True).status_code == 409
    checked_in.refresh_from_db()
    assert checked_in.status != "completed" and checked_in.pain_after is None


@time_machine.travel(NOW, tick=False)
def test_the_clinician_sees_a_session_that_reached_the_server_days_late(patient, alice, bob, plan):
    from tests.factories import HipMobClient

    three_days_ago = NOW - timedelta(days=3)
    _start(patient, day="2026-12-04", at=millis(three_days_ago))
    late = ExerciseSession.objects.get(patient=alice)
    assert late.received == NOW and late.days_late(alice.zone) == 3
    clinician = HipMobClient()
    clinician.force_login(bob)
    html = clinician.get(reverse("clinic:patient", args=[alice.code])).content.decode()
    assert "(done offline, sent 3 days later)" in html
    # Today's session, sent today: no note.
    ExerciseSession.objects.filter(pk=late.pk).update(received=three_days_ago)
    html = clinician.get(reverse("clinic:patient", args=[alice.code])).content.decode()
    assert "sent" not in html.split("Recent sessions")[1].split("</table>")[0]


@time_machine.travel(NOW, tick=False)
def test_a_check_out_sent_late_records_when_it_arrived(patient, alice, plan):
    yesterday = NOW - timedelta(days=1)
    session = _checked_in_yesterday(patient, alice, pain=3)
    url = reverse("patient:log_step", args=[session.code])
    for item in plan.items.order_by("order"):
        sides = ["left", "right"] if item.per_side else ["both"]
        for set_number in range(1, item.sets + 1):
            for side in sides:
                step = {"item": item.pk, "side": side, "set_number": set_number, "action": "done"}
                post(patient, url, {**step, "at": millis(yesterday)}, replay=True)
    ExerciseSession.objects.filter(pk=session.pk).update(received=yesterday)
    done = {"pain_worst": 3, "pain": 2, "effort": "right", "at": millis(yesterday)}
    response = post(patient, reverse("patient:check_out", args=[session.code]), done, replay=True)
    assert response.status_code == 204
    session.refresh_from_db()
    assert session.status == "completed"
    assert session.finished == yesterday
    assert session.received == NOW and session.days_late(alice.zone) == 1
