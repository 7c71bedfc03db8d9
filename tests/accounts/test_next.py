"""Finding 2 of issue 17: `next` is followed only to a path on this site, wherever it is
accepted (the sign-in page and the second step), and a hostile value never costs a
clinician their one-time code (it used to reach redirect(), whose reverse() raised)."""

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY

from accounts.two_factor import current_code
from tests.accounts.test_sign_in import csrf_from, sign_in
from tests.factories import add_authenticator

HOSTILE = [
    "x",
    "-1",
    "//evil.example",
    "https://evil.example",
    "/\\evil",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    " /admin/",
]


@pytest.mark.parametrize("target", HOSTILE)
def test_the_sign_in_page_ignores_a_hostile_next(client, bob, target):
    page = client.get("/sign-in/", {"next": target})
    assert page.status_code == 200
    assert f'name="next" value="{target}"' not in page.text
    response = sign_in(client, "bob", next_url=target)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert SESSION_KEY in client.session


@pytest.mark.parametrize("target", HOSTILE)
def test_a_hostile_next_on_the_second_step_signs_in_and_goes_home(client, bob, target):
    device = add_authenticator(bob)
    sign_in(client, "bob")
    page = client.get("/two-step/", {"next": target})
    assert page.status_code == 200
    response = client.post(
        "/two-step/",
        {"csrfmiddlewaretoken": csrf_from(page), "code": current_code(device), "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    # The code did its job: the clinician is through the second step, not locked out
    # of it with a spent code.
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/clinic/patients/").status_code == 200
    assert client.get("/two-step/", {"next": target})["Location"] == "/"


def test_a_path_on_this_site_is_followed_after_both_steps(client, bob):
    device = add_authenticator(bob)
    assert sign_in(client, "bob", next_url="/clinic/routines/")["Location"] == "/clinic/routines/"
    page = client.get("/two-step/?next=/clinic/routines/")
    response = client.post(
        "/two-step/",
        {
            "csrfmiddlewaretoken": csrf_from(page),
            "code": current_code(device),
            "next": "/clinic/routines/",
        },
    )
    assert response["Location"] == "/clinic/routines/"
