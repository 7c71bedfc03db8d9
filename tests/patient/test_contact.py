"""The emergency number and urgent-care wording come from HIPMOB_COUNTRY (hipmob/
contact.py), never from the text: every patient-facing page, in English and Spanish,
shows 112 in Spain and 911 in the US as a tap-to-call link, and no 999 or A&E."""

import re
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import override_settings

from exercises.models import Exercise
from hipmob import contact
from organisations.models import Clinic
from practice.models import ExerciseSession, StepLog
from tests.factories import make_plan, make_screening, speak

TIERS = ["emergency", "urgent", "review", "clear"]


@pytest.fixture
def plan(alice, bob):
    exercises = [Exercise.objects.get(slug="glute-bridge"), Exercise.objects.get(slug="clamshell")]
    return make_plan(alice, bob, exercises, start_date=date(2026, 1, 1))


def _session(alice, plan, days_ago, **fields):
    return ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date() - timedelta(days=days_ago), **fields
    )


def _log(session, item, status, reason="", side="both", set_number=1):
    StepLog.objects.create(
        session=session,
        item=item,
        exercise=item.exercise,
        side=side,
        set_number=set_number,
        status=status,
        skip_reason=reason,
    )


@pytest.fixture
def pages(client, alice, bob, plan, reads):
    """Every page a patient sees, as (name, html), in each state worth showing."""
    bridge, clam = plan.items.order_by("order")
    done = {"status": "completed", "finished": datetime(2026, 1, 1, tzinfo=UTC), "effort": "hard"}
    summary = _session(alice, plan, 1, pain_before=3, pain_after=7, **done)
    _log(summary, bridge, "done")
    stopped = _session(alice, plan, 2, pain_before=4, pain_after=5, stopped_reason="pain", **done)
    _log(stopped, bridge, "stopped", "pain")
    past = _session(alice, plan, 3, pain_before=4)
    today = _session(alice, plan, 0)
    screenings = {tier: make_screening(alice, tier, days_ago=5) for tier in TIERS}
    make_screening(alice, days_ago=0)  # the newest: clear, so exercise is not paused
    for screening in screenings.values():
        screening.cleared_at = datetime(2026, 1, 1, tzinfo=UTC)
        screening.save(update_fields=["cleared_at"])
    client.force_login(alice)

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response.content.decode()

    def session_stages():
        url = f"/sessions/{today.code}/"
        today.logs.all().delete()
        today.pain_before, today.stopped_reason = None, ""
        today.save(update_fields=["pain_before", "stopped_reason"])
        yield "check-in", get(url)
        today.pain_before = 9  # high pain: the go-gently caution on the step
        today.save(update_fields=["pain_before"])
        yield "step", get(url)
        today.stopped_reason = "unwell"
        today.save(update_fields=["stopped_reason"])
        for item, sides in ((bridge, ["both"]), (clam, ["left", "right"])):
            for set_number in range(1, item.sets + 1):
                for side in sides:
                    _log(today, item, "stopped", "unwell", side, set_number)
        yield "check-out after stopping", get(url)

    def result():
        yield from session_stages()
        yield "summary", get(f"/sessions/{summary.code}/")
        yield "stopped summary", get(f"/sessions/{stopped.code}/")
        yield "past session", get(f"/sessions/{past.code}/")
        for path in ["/today/", "/history/", "/safety/", "/activities/", "/exercises/"]:
            yield path, get(path)
        yield "exercise", get("/exercises/glute-bridge/")
        yield "learn", get("/learn/")
        for read in reads:
            yield read.slug, get(f"/learn/{read.slug}/")
        yield "account", get("/account/")
        yield "erasure", get("/account/erase/")
        for tier, screening in screenings.items():
            yield f"safety result {tier}", get(f"/safety/{screening.code}/")
        for tier in ("emergency", "urgent"):  # paused: Today and the player say so
            lock = make_screening(alice, tier, days_ago=0)
            yield f"today paused {tier}", get("/today/")
            yield f"session paused {tier}", get(f"/sessions/{today.code}/")
            lock.delete()
        client.force_login(bob)
        yield "handout", get(f"/clinic/patients/{alice.code}/handout/")
        client.force_login(alice)

    return result


@contextmanager
def clinic_details(person, **details):
    """The person's clinic with these details (its country, phone…) for a while: the
    pages read them from the signed-in person's clinic (organisations.Clinic)."""
    clinics = Clinic.objects.filter(pk=person.clinic_id)
    before = clinics.values(*details).get()
    clinics.update(**details)
    try:
        yield
    finally:
        clinics.update(**before)


def _number(digits):
    """The number on its own, not inside a code, a token or a nonce (letters, digits,
    - and _: a CSRF token can hold "k999q") or a longer number."""
    return re.compile(rf"(?<![0-9A-Za-z_-]){digits}(?![0-9A-Za-z_-])")


def _no_uk_numbers(name, html):
    assert not _number("999").search(html), name
    assert "A&E" not in html and "A&amp;E" not in html, name
    assert not _number("111").search(html), name


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("country", "number"), [("ES", "112"), ("US", "911"), ("FR", "112")])
def test_no_page_shows_the_uk_number_outside_the_uk(alice, pages, language, country, number):
    speak(alice, language)
    with clinic_details(alice, country=country):
        for name, html in pages():
            _no_uk_numbers(name, html)
            assert f'<a class="tel-link" href="tel:{number}">{number}</a>' in html, name


@pytest.mark.parametrize("language", ["en", "es"])
def test_in_the_uk_999_is_a_tap_to_call_link(alice, pages, language):
    speak(alice, language)
    with clinic_details(alice, country="GB"):
        seen = dict(pages())
    if language == "en":  # each state is the one it is named after
        assert "Before you start" in seen["check-in"] and "Stop for today" in seen["step"]
        assert "You stopped for today" in seen["check-out after stopping"]
        assert "Exercise is paused" in seen["session paused urgent"]
        assert "This session wasn" in seen["past session"]
    for name, html in seen.items():
        assert '<a class="tel-link" href="tel:999">999</a>' in html, name
        # every 999 on the page is a tap-to-call link, or the big call button
        links = r'<a class="tel-link" href="tel:999">999</a>|href="tel:999">(Call|Llame al) 999</a>'
        assert not _number("999").search(re.sub(links, "", html)), name
    # the big call button on the emergency pages
    for name in ("safety result emergency", "session paused emergency", "today paused emergency"):
        assert 'class="button button--danger button--block" href="tel:999"' in seen[name], name


def test_the_urgent_care_wording_follows_the_country(alice, pages):
    with clinic_details(alice, country="ES"):
        html = dict(pages())["safety result urgent"]
    assert "your health centre&#x27;s urgent service or the hospital emergency department" in html
    with clinic_details(alice, country="US"):
        html = dict(pages())["safety result urgent"]
    assert "use urgent care or the emergency room." in html
    with clinic_details(alice, country="GB"):
        html = dict(pages())["safety result urgent"]
    assert "use NHS 111, or A&amp;E." in html


def test_where_the_patient_is_told_to_contact_the_clinic_its_phone_is_a_link(alice, pages):
    with clinic_details(alice, name="Riverside Physio", phone="+44 1632 960123", hours=""):
        seen = dict(pages())
    link = (
        'Call Riverside Physio on <a class="tel-link" href="tel:+441632960123">+44 1632 960123</a>.'
    )
    for name in ("check-in", "step", "check-out after stopping", "safety result urgent", "handout"):
        assert link in seen[name], name


def test_without_a_clinic_phone_a_plain_sentence(alice, pages):
    with clinic_details(alice, name="Riverside Physio", phone=""):
        seen = dict(pages())
    assert "Contact Riverside Physio, the clinic that gave you this plan." in seen["check-in"]
    assert "tel:+" not in seen["check-in"]


@pytest.mark.parametrize(
    ("country", "number"),
    [("GB", "999"), ("ES", "112"), ("DE", "112"), ("US", "911"), ("CA", "911"), ("JP", "112")],
)
def test_the_number_comes_from_the_country(country, number):
    assert contact.emergency_number(country) == number


@override_settings(HIPMOB_COUNTRY="US", EMERGENCY_NUMBER="000")
def test_an_explicit_number_wins():
    """The installation's settings: for pages nobody is signed in to."""
    assert contact.current().emergency_number == "000"
    assert contact.current().emergency_href == "tel:000"


def test_a_clinics_country_and_own_number_decide_for_its_people():
    clinic = Clinic(name="Norte", country="ES")
    assert contact.for_clinic(clinic).emergency_number == "112"
    clinic.emergency_number = "061"
    assert contact.for_clinic(clinic).emergency_href == "tel:061"
    assert contact.for_clinic(Clinic(name="Boston", country="US")).emergency_number == "911"


def test_a_clinics_own_urgent_care_advice_is_shown(alice, pages):
    with clinic_details(alice, urgent_care="the Leeds urgent treatment centre"):
        html = dict(pages())["safety result urgent"]
    assert "use the Leeds urgent treatment centre." in html and "NHS 111" not in html
