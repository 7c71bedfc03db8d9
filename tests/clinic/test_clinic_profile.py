"""The clinic's profile and the sign-off of its clinical thresholds."""

import pytest
from django.test import override_settings

from accounts.models import AuditAction, AuditEvent
from clinic import staff
from organisations.models import Clinic
from safety.models import ScreeningQuestion
from tests.factories import HipMobClient

pytestmark = pytest.mark.django_db

PROFILE = {
    "name": "Riverside Physio",
    "address": "1 River Street\nLeeds",
    "phone": "0113 496 0000",
    "hours": "Mon–Fri 8am–6pm",
    "country": "IE",
    "emergency_number": "",
    "language": "en",
    "timezone": "Europe/Dublin",
}


def signed_in(user) -> HipMobClient:
    client = HipMobClient(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post(client, url, data=None):
    client.get("/account/")
    token = client.cookies["csrftoken"].value
    return client.post(url, {"csrfmiddlewaretoken": token, **(data or {})})


def profile(clinic: Clinic) -> dict:
    clinic.refresh_from_db()
    return {name: getattr(clinic, name) for name in [*staff.PROFILE_FIELDS, "thresholds_version"]}


def test_it_shows_the_profile_to_the_clinics_admin_only(ann, bob, gus, alice, erin):
    page = signed_in(ann).get("/clinic/manage/profile/")
    assert page.status_code == 200
    assert page.context["form"].instance.pk == ann.clinic_id
    for person in (bob, alice, erin):
        assert signed_in(person).get("/clinic/manage/profile/").status_code == 404
    # Gus sees his own clinic's, never Ann's.
    assert signed_in(gus).get("/clinic/manage/profile/").context["clinic"] == gus.clinic


def test_saving_the_profile_changes_what_patients_see_and_is_audited(ann, alice, bob):
    response = post(signed_in(ann), "/clinic/manage/profile/", PROFILE)
    assert response.status_code == 302 and response["Location"] == "/clinic/manage/profile/"
    clinic = Clinic.objects.get(pk=ann.clinic_id)
    assert {name: getattr(clinic, name) for name in PROFILE} == PROFILE
    event = AuditEvent.objects.get(action=AuditAction.CLINIC_CHANGED)
    assert event.actor == ann
    assert event.detail["changed"]["country"] == ["GB", "IE"]
    assert set(event.detail["changed"]) == {
        "name",
        "address",
        "phone",
        "hours",
        "country",
        "timezone",
    }
    # Alice's clinic is now in Ireland: 112, and the clinic's phone.
    today = signed_in(alice).get("/today/")
    assert 'href="tel:112"' in today.text and "999" not in today.text


def test_saving_nothing_new_records_nothing(ann):
    client = signed_in(ann)
    post(client, "/clinic/manage/profile/", PROFILE)
    response = post(client, "/clinic/manage/profile/", PROFILE)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.CLINIC_CHANGED).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required"),
        ("country", "XX", "Select a valid choice"),
        ("timezone", "Mars/Olympus", "Select a valid choice"),
        ("emergency_number", "call 999", "Digits only"),
        ("phone", "<script>", "Use digits"),
        ("language", "fr", "Select a valid choice"),
    ],
)
def test_a_bad_profile_is_refused_and_stores_nothing(ann, field, value, message):
    clinic = Clinic.objects.get(pk=ann.clinic_id)
    before = profile(clinic)
    response = post(signed_in(ann), "/clinic/manage/profile/", {**PROFILE, field: value})
    assert response.status_code == 422
    assert message in response.text
    assert profile(clinic) == before
    assert not AuditEvent.objects.filter(action=AuditAction.CLINIC_CHANGED).exists()


def test_signing_off_records_who_when_and_which_version(ann, questions):
    client = signed_in(ann)
    assert "Not signed off yet" in client.get("/clinic/manage/profile/").text
    response = post(client, "/clinic/manage/profile/sign-off/")
    assert response.status_code == 302
    clinic = Clinic.objects.get(pk=ann.clinic_id)
    version = staff.thresholds_version()
    assert (clinic.thresholds_signed_by, clinic.thresholds_version) == ("Ann Lead", version)
    assert clinic.thresholds_signed_at is not None
    page = client.get("/clinic/manage/profile/")
    assert (
        f"Signed off by Ann Lead on {clinic.thresholds_signed_at:%-d %B %Y} (version {version})"
        in (page.text)
    )
    assert "changed since that sign-off" not in page.text
    event = AuditEvent.objects.get(action=AuditAction.THRESHOLDS_SIGNED)
    assert event.actor == ann and event.detail["version"] == version
    assert client.get("/clinic/manage/profile/sign-off/").status_code == 405


def test_the_profile_says_when_the_thresholds_changed_since_the_sign_off(ann, questions):
    client = signed_in(ann)
    post(client, "/clinic/manage/profile/sign-off/")
    signed = staff.thresholds_version()
    with override_settings(PAIN_SAFE_CEILING=2):
        assert staff.thresholds_version() != signed
        page = client.get("/clinic/manage/profile/")
        assert "changed since that sign-off" in page.text
        assert "changed since they were signed off" in client.get("/clinic/manage/").text
    # A question's tier is part of it too; its wording is not.
    question = questions.first()
    ScreeningQuestion.objects.filter(pk=question.pk).update(text="Reworded?")
    assert staff.thresholds_version() == signed
    ScreeningQuestion.objects.filter(pk=question.pk).update(
        tier="history" if question.tier != "history" else "review"
    )
    assert staff.thresholds_version() != signed
    assert "changed since that sign-off" in client.get("/clinic/manage/profile/").text


def test_only_a_clinic_admin_signs_off(bob, ann):
    clinic = Clinic.objects.get(pk=ann.clinic_id)
    before = profile(clinic)
    assert post(signed_in(bob), "/clinic/manage/profile/sign-off/").status_code == 404
    assert profile(clinic) == before
    assert not AuditEvent.objects.filter(action=AuditAction.THRESHOLDS_SIGNED).exists()
