import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, connection, transaction

from accounts.models import SignInLink, User
from accounts.two_factor import current_code
from tests.factories import PASSWORD, add_authenticator


def csrf_from(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def sign_in_by_link(client, patient):
    """As a patient does: the one-time link from their clinician, then its button."""
    _link, token = SignInLink.issue(patient)
    page = client.get(f"/link/{token}/")
    return client.post(f"/link/{token}/", {"csrfmiddlewaretoken": csrf_from(page)})


def sign_in(client, username: str, password: str = PASSWORD, next_url: str = ""):
    token = csrf_from(client.get("/sign-in/"))
    data = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/sign-in/", data)


@pytest.mark.parametrize("path", ["/", "/today/", "/clinic/patients/", "/exercises/"])
def test_anonymous_people_are_sent_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={path}"


def test_the_sign_in_page_is_public_and_carries_a_csrf_token(client, db):
    response = client.get("/sign-in/")
    assert response.status_code == 200
    assert csrf_from(response)
    assert b'autocomplete="current-password"' in response.content


@pytest.mark.parametrize(
    ("persona", "start_page"),
    [("alice", "/today/"), ("bob", "/clinic/patients/"), ("erin", "/admin/")],
)
def test_signing_in_lands_each_role_on_its_own_page(client, db, request, persona, start_page):
    user = request.getfixturevalue(persona)
    response = sign_in_by_link(client, user) if user.is_patient else sign_in(client, user.username)
    assert response.status_code == 302
    assert response["Location"] == "/"
    if user.needs_second_factor:
        device = add_authenticator(user)
        assert client.get("/")["Location"] == "/two-step/?next=%2F"
        page = client.get("/two-step/?next=/")
        response = client.post(
            "/two-step/",
            {"csrfmiddlewaretoken": csrf_from(page), "code": current_code(device), "next": "/"},
        )
        assert response["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 302
    assert home["Location"] == start_page
    assert client.get(start_page).status_code == 200


def test_a_wrong_password_says_so_and_signs_nobody_in(client, alice):
    response = sign_in(client, "alice", "not-the-password")
    assert response.status_code == 200
    assert b"don&#x27;t match" in response.content
    assert SESSION_KEY not in client.session


def test_field_errors_are_linked_to_their_inputs(client, db):
    token = csrf_from(client.get("/sign-in/"))
    html = client.post("/sign-in/", {"csrfmiddlewaretoken": token}).content.decode()
    described = re.search(r'name="username"[^>]*aria-describedby="([^"]+)"', html)
    assert described, "the username input should point at its error"
    assert f'id="{described[1]}"' in html


def test_csrf_keeps_working_after_sign_in(client, alice):
    """Django rotates the CSRF token at sign-in; the next form must still post."""
    sign_in_by_link(client, alice)
    page = client.get("/account/")
    response = client.post("/sign-out/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_next_is_followed_only_within_the_site(client, bob):
    response = sign_in(client, "bob", next_url="https://evil.example/steal")
    assert response["Location"] == "/"
    client.logout()
    response = sign_in(client, "bob", next_url="/exercises/")
    assert response["Location"] == "/exercises/"


def test_signed_in_people_skip_the_sign_in_page(client, alice):
    client.force_login(alice)
    assert client.get("/sign-in/")["Location"] == "/"


def test_sign_out_refuses_get_and_changes_nothing(client, alice):
    client.force_login(alice)
    assert client.get("/sign-out/").status_code == 405
    assert client.get("/today/").status_code == 200


def test_sign_out_clears_the_browsers_site_data(client, alice):
    sign_in_by_link(client, alice)
    response = client.post(
        "/sign-out/", {"csrfmiddlewaretoken": csrf_from(client.get("/account/"))}
    )
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/"
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get("/today/").status_code == 302


def test_a_clinicians_sign_out_keeps_the_worker_that_brings_alerts(client, bob):
    # Staff pages are never kept (templates/sw.js); "storage" would end the service
    # worker, and with it the device's urgent-alert notifications.
    client.force_login(bob)
    response = client.post(
        "/sign-out/", {"csrfmiddlewaretoken": csrf_from(client.get("/account/"))}
    )
    assert response["Clear-Site-Data"] == '"cache"'
    assert client.get("/clinic/patients/").status_code == 302


def test_a_user_without_a_role_page_is_told_what_to_do(client, db):
    from accounts.models import Role
    from tests.factories import make_user

    user = make_user(Role.ADMIN)  # an admin account not yet given staff access
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 403
    assert b"no access yet" in response.content


def test_a_patient_cannot_have_a_password(alice):
    alice.set_password(PASSWORD)
    with pytest.raises(IntegrityError), transaction.atomic():
        alice.save(update_fields=["password"])
    with pytest.raises(ValueError, match="no password"):
        User.objects.create_user("newpatient", password=PASSWORD)


def test_a_patients_password_written_past_the_database_still_opens_nothing(client, alice):
    """Even a password written past the constraint (a restored dump, raw SQL) signs no
    patient in: the password backend refuses patients."""
    with connection.cursor() as cursor:
        # Past the constraint: SQLite can switch checks off for a statement; on
        # PostgreSQL the constraint is dropped inside the test's own transaction, which
        # is rolled back (DDL included) when the test ends.
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        else:
            # The test's rows wait on deferred foreign-key checks, and PostgreSQL alters
            # no table with pending trigger events: run those checks now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE accounts_user DROP CONSTRAINT user_patient_no_password")
        cursor.execute(
            "UPDATE accounts_user SET password = %s WHERE id = %s",
            [make_password(PASSWORD), alice.pk],
        )
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = OFF")
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    response = sign_in(client, "alice")
    assert response.status_code == 200
    assert b"don&#x27;t match" in response.content
    assert SESSION_KEY not in client.session
