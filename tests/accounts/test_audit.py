"""The audit trail: who looked at or changed whose record, and when."""

import pytest
from django.contrib.auth.models import Permission

from accounts.models import AuditAction, AuditEvent, SignInLink
from tests.accounts.test_sign_in import csrf_from
from tests.clinic.helpers import assign_data, post
from tests.factories import make_alert, make_screening


def actions(**filters) -> list[str]:
    return list(AuditEvent.objects.filter(**filters).values_list("action", flat=True))


def test_viewing_a_patient_and_their_handout_is_recorded(client, bob, alice, plan):
    client.force_login(bob)
    client.get(f"/clinic/patients/{alice.code}/")
    client.get(f"/clinic/patients/{alice.code}/handout/")
    assert actions(actor=bob, patient=alice) == [
        AuditAction.HANDOUT_VIEWED,
        AuditAction.PATIENT_VIEWED,
    ]


def test_a_refused_view_records_nothing(client, dana, alice):
    client.force_login(dana)
    assert client.get(f"/clinic/patients/{alice.code}/").status_code == 404
    assert not AuditEvent.objects.exists()


def test_assigning_a_plan_is_recorded(client, bob, alice, plan, template):
    client.force_login(bob)
    post(client, f"/clinic/patients/{alice.code}/assign/", assign_data(template))
    event = AuditEvent.objects.get(action=AuditAction.PLAN_ASSIGNED)
    assert event.actor == bob and event.patient == alice
    assert event.detail["template"] == str(template.code)


def test_issuing_and_using_a_sign_in_link_are_recorded(client, bob, alice):
    client.force_login(bob)
    post(client, f"/clinic/patients/{alice.code}/link/")
    issued = AuditEvent.objects.get(action=AuditAction.LINK_ISSUED)
    assert issued.actor == bob and issued.patient == alice
    _link, token = SignInLink.issue(alice)  # e.g. from `manage.py issue_link`
    assert AuditEvent.objects.filter(action=AuditAction.LINK_ISSUED, actor=None).exists()
    phone = type(client)(enforce_csrf_checks=True)
    page = phone.get(f"/link/{token}/")
    phone.post(f"/link/{token}/", {"csrfmiddlewaretoken": csrf_from(page)})
    used = AuditEvent.objects.get(action=AuditAction.LINK_USED)
    assert used.actor == alice and used.patient == alice


def test_exports_are_recorded(client, alice):
    client.force_login(alice)
    client.get("/my-data/hipmob.csv")
    client.get("/my-data/hipmob.json")
    formats = sorted(e.detail["format"] for e in AuditEvent.objects.filter(action="data.exported"))
    assert formats == ["csv", "json"]


def test_clearing_a_red_flag_and_resolving_an_alert_are_recorded(client, bob, alice):
    screening = make_screening(alice, tier="urgent")
    client.force_login(bob)
    post(
        client,
        f"/clinic/patients/{alice.code}/screenings/{screening.code}/clear/",
        {"note": "Spoke on the phone; numbness was from sitting."},
    )
    alert = make_alert(alice, "inactive")
    post(
        client,
        f"/clinic/patients/{alice.code}/alerts/{alert.code}/resolve/",
        {"note": "Called; back next week."},
    )
    assert set(actions(actor=bob, patient=alice)) >= {
        AuditAction.SCREENING_CLEARED,
        AuditAction.ALERT_RESOLVED,
    }


@pytest.fixture
def account_admin(client, erin):
    erin.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    client.force_login(erin)
    return client


def test_the_trail_is_read_only_in_the_admin(account_admin, bob, alice):
    event = AuditEvent.record(bob, AuditAction.PATIENT_VIEWED, patient=alice)
    assert account_admin.get("/admin/accounts/auditevent/").status_code == 200
    page = account_admin.get(f"/admin/accounts/auditevent/{event.pk}/change/")
    assert page.status_code == 200  # view only
    assert 'name="_save"' not in page.text
    refused = account_admin.post(
        f"/admin/accounts/auditevent/{event.pk}/change/",
        {"csrfmiddlewaretoken": page.context["csrf_token"], "action": "plan.assigned"},
    )
    assert refused.status_code == 403
    assert account_admin.get(f"/admin/accounts/auditevent/{event.pk}/delete/").status_code == 403
    assert account_admin.get("/admin/accounts/auditevent/add/").status_code == 403
    event.refresh_from_db()
    assert event.action == AuditAction.PATIENT_VIEWED
