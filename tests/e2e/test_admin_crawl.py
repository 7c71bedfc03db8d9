"""Finding 7 of issue 17: every admin page the catalogue editor, the account admin and
the superuser use, crawled in a real browser: no axe-core violation (WCAG 2.2 AA) and no
CSP violation."""

import json

import pytest
from django.contrib import admin as django_admin
from django.contrib.auth.models import Group, Permission

from accounts.models import Role
from exercises.permissions import CATALOGUE_EDITORS
from tests.e2e.axe import axe_violations
from tests.factories import make_user


def admin_pages(user) -> list[str]:
    """The index, and for each model this person may see: its list, its add page if
    they may add, and the change page of its first object."""
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    pages = ["/admin/"]
    for model, model_admin in django_admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        pages.append(base)
        if model_admin.has_add_permission(request):
            pages.append(f"{base}add/")
        first = model.objects.order_by("pk").first()
        if first is not None:
            pages.append(f"{base}{first.pk}/change/")
    return pages


@pytest.fixture
def people(catalogue, reads, questions):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    editor = make_user(Role.ADMIN, username="erin", is_staff=True)
    editor.groups.add(Group.objects.get(name=CATALOGUE_EDITORS))
    root = make_user(Role.ADMIN, username="root", is_staff=True, is_superuser=True)
    # The demo's admin: the catalogue and every account permission (erasure needs them).
    accounts = make_user(Role.ADMIN, username="frank", is_staff=True)
    accounts.groups.add(Group.objects.get(name=CATALOGUE_EDITORS))
    accounts.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    return {"erin": editor, "frank": accounts, "root": root}


@pytest.mark.parametrize("persona", ["erin", "frank", "root"])
def test_every_admin_page_is_accessible_and_keeps_the_csp(
    live_server, page, people, sign_in, csp_violations, persona
):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(persona)
    found, blocked = {}, {}
    for path in admin_pages(people[persona]):
        before = len(csp_violations)
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        # Counted before axe runs: axe-core's own probes trip the CSP on form pages.
        if len(csp_violations) > before:
            blocked[path] = csp_violations[before:]
        violations = axe_violations(page)
        if violations:
            found[path] = [
                {"id": v["id"], "nodes": len(v["nodes"]), "first": v["nodes"][0]["target"]}
                for v in violations
            ]
        del csp_violations[before + len(blocked.get(path, [])) :]
    assert found == {}, json.dumps(found, indent=1)
    assert blocked == {}, json.dumps(blocked, indent=1)
