import pytest
from django.contrib.auth.models import Permission

from accounts.models import Role, User
from tests.factories import make_user


@pytest.fixture
def account_admin(client, erin):
    erin.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    client.force_login(erin)
    return client


def change_form(client, user: User, **changes) -> dict:
    page = client.get(f"/admin/accounts/user/{user.pk}/change/")
    assert page.status_code == 200
    data = {
        "username": user.username,
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "timezone": user.timezone,
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "csrfmiddlewaretoken": page.context["csrf_token"],
    }
    data.update(changes)
    return data


def test_an_account_admin_cannot_make_themselves_superuser(account_admin, erin):
    data = change_form(account_admin, erin, is_superuser="on", is_staff="on")
    response = account_admin.post(f"/admin/accounts/user/{erin.pk}/change/", data)
    assert response.status_code == 302
    erin.refresh_from_db()
    assert not erin.is_superuser
    assert not erin.groups.exclude(name="Catalogue editors").exists()


def test_an_account_admin_can_still_edit_a_patients_details(account_admin, alice):
    data = change_form(account_admin, alice, name="Alice M. Morgan", timezone="Pacific/Auckland")
    response = account_admin.post(f"/admin/accounts/user/{alice.pk}/change/", data)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.name, alice.timezone) == ("Alice M. Morgan", "Pacific/Auckland")


def test_an_account_admin_cannot_edit_or_delete_a_superuser(account_admin):
    boss = make_user(Role.ADMIN, username="boss", is_staff=True, is_superuser=True)
    page = account_admin.get(f"/admin/accounts/user/{boss.pk}/change/")
    assert page.status_code == 200  # shown read-only
    assert b'name="_save"' not in page.content
    response = account_admin.post(
        f"/admin/accounts/user/{boss.pk}/change/",
        {"username": "pwned", "csrfmiddlewaretoken": page.context["csrf_token"]},
    )
    assert response.status_code == 403
    assert account_admin.get(f"/admin/accounts/user/{boss.pk}/delete/").status_code == 403
    assert User.objects.filter(pk=boss.pk, username="boss", is_superuser=True).exists()


def test_a_bad_timezone_is_refused_in_the_admin(account_admin, alice):
    data = change_form(account_admin, alice, timezone="Mars/Olympus_Mons")
    response = account_admin.post(f"/admin/accounts/user/{alice.pk}/change/", data)
    assert response.status_code == 200
    assert b"not a time zone we know" in response.content
    alice.refresh_from_db()
    assert alice.timezone == "Europe/London"


def test_an_account_admin_cannot_make_a_clinician_a_clinic_admin(account_admin, bob):
    """Managing a clinic's staff is handed out by superusers only."""
    data = change_form(account_admin, bob, is_clinic_admin="on")
    assert account_admin.post(f"/admin/accounts/user/{bob.pk}/change/", data).status_code == 302
    bob.refresh_from_db()
    assert not bob.is_clinic_admin


def test_a_care_link_across_clinics_is_refused_in_the_admin(client, root, bob, hana):
    from accounts.models import CareLink

    client.force_login(root)
    page = client.get("/admin/accounts/carelink/add/")
    token = page.context["csrf_token"]
    response = client.post(
        "/admin/accounts/carelink/add/",
        {"clinician": bob.pk, "patient": hana.pk, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert "a patient of the same clinic" in response.text
    assert not CareLink.objects.filter(patient=hana, clinician=bob).exists()
