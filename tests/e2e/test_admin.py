import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.models import Role
from exercises.models import Exercise
from exercises.permissions import CATALOGUE_EDITORS
from tests.factories import make_user


@pytest.fixture
def editor(catalogue):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    erin = make_user(Role.ADMIN, username="erin", is_staff=True)
    erin.groups.add(Group.objects.get(name=CATALOGUE_EDITORS))
    return erin


def test_an_editor_changes_an_exercise_in_the_admin(
    live_server, page, editor, sign_in, csp_violations
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    # The admin's own login page hands over to HipMob's (throttled, two-step) sign-in.
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    sign_in("erin")
    bridge = Exercise.objects.get(slug="glute-bridge")
    page.goto(f"{live_server.url}/admin/exercises/exercise/{bridge.pk}/change/")
    page.get_by_label("Summary [en]").fill("Strengthens the buttock muscles, gently.")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    bridge.refresh_from_db()
    assert bridge.summary == "Strengthens the buttock muscles, gently."
    assert csp_violations == []
