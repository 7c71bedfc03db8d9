"""Clinicians attach reads to a patient's plan or to a template; patients see them on
Today. Only a linked clinician may; strangers get a 404 and nothing changes."""

import pytest
from django.test import Client

from accounts.models import AuditEvent
from exercises.models import Exercise
from learn.models import Read, RoutineRead
from learn.plans import assign_with_reads
from routines.models import Routine, RoutineKind
from tests.factories import make_plan


@pytest.fixture
def plan(alice, bob):
    return make_plan(alice, bob, Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"]))


def post(client: Client, url: str, data: dict | None = None):
    """With the CSRF token a browser would send (read from a page the user may see)."""
    client.get("/account/")  # a page with a form sets the cookie ...
    if "csrftoken" not in client.cookies:
        client.get("/sign-in/")  # ... and this one for people not signed in
    return client.post(
        url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )


def attach_url(patient):
    return f"/clinic/patients/{patient.code}/reads/"


def test_the_linked_clinician_attaches_a_read_and_the_patient_sees_it(client, alice, bob, plan):
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert f'action="/clinic/patients/{alice.code}/reads/"' in html
    response = post(client, attach_url(alice), {"read": "sitting-breaks"})
    assert response.status_code == 302
    assert list(RoutineRead.objects.filter(routine=plan).values_list("read__slug", flat=True)) == [
        "sitting-breaks"
    ]
    assert AuditEvent.objects.filter(action="plan.read_attached", patient=alice).exists()
    # A double click attaches once.
    post(client, attach_url(alice), {"read": "sitting-breaks"})
    assert RoutineRead.objects.filter(routine=plan).count() == 1

    patient = Client()
    patient.force_login(alice)
    html = patient.get("/today/").content.decode()
    assert "To read, from your clinician" in html
    assert 'href="/learn/sitting-breaks/">Sitting less, and sitting well</a>' in html


def test_a_patient_without_reads_sees_no_reads_card(client, alice, plan):
    client.force_login(alice)
    assert "To read, from your clinician" not in client.get("/today/").content.decode()


def test_the_clinician_removes_a_read(client, alice, bob, plan):
    RoutineRead.objects.create(routine=plan, read=Read.objects.get(slug="why-hips"))
    client.force_login(bob)
    response = post(client, f"/clinic/patients/{alice.code}/reads/why-hips/remove/")
    assert response.status_code == 302
    assert not RoutineRead.objects.exists()


def test_an_unpublished_read_is_not_shown_on_today(client, alice, plan):
    RoutineRead.objects.create(routine=plan, read=Read.objects.get(slug="why-hips"))
    Read.objects.filter(slug="why-hips").update(published=False)
    client.force_login(alice)
    assert "To read, from your clinician" not in client.get("/today/").content.decode()


@pytest.mark.parametrize("who", ["anonymous", "alice", "charlie", "dana"])
def test_nobody_else_can_attach_or_remove(client, alice, bob, charlie, dana, plan, who):
    RoutineRead.objects.create(routine=plan, read=Read.objects.get(slug="why-hips"))
    if who != "anonymous":
        client.force_login({"alice": alice, "charlie": charlie, "dana": dana}[who])
    attach = post(client, attach_url(alice), {"read": "sitting-breaks"})
    remove = post(client, f"/clinic/patients/{alice.code}/reads/why-hips/remove/")
    if who == "anonymous":
        assert attach.status_code == remove.status_code == 302
        assert "/sign-in/" in attach["Location"]
    else:
        assert attach.status_code == remove.status_code == 404
    assert list(RoutineRead.objects.values_list("read__slug", flat=True)) == ["why-hips"]


def test_attaching_needs_a_post_with_a_token(client, alice, bob, plan):
    client.force_login(bob)
    assert client.get(attach_url(alice)).status_code == 405
    assert client.post(attach_url(alice), {"read": "why-hips"}).status_code == 403
    assert not RoutineRead.objects.exists()


def test_an_unknown_or_draft_read_is_refused(client, alice, bob, plan):
    Read.objects.filter(slug="why-hips").update(published=False)
    client.force_login(bob)
    for slug in ("no-such-read", "why-hips"):
        response = post(client, attach_url(alice), {"read": slug})
        assert response.status_code == 302
    assert not RoutineRead.objects.exists()
    assert (
        "Choose one of the published reads."
        in client.get(f"/clinic/patients/{alice.code}/").content.decode()
    )


def test_reads_on_a_template_are_copied_into_the_plan_and_kept_when_it_is_edited(
    client, alice, bob
):
    template = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Desk workers", owner=bob)
    client.force_login(bob)
    response = post(client, f"/clinic/routines/{template.code}/reads/", {"read": "sitting-breaks"})
    assert response.status_code == 302
    assert (
        "Sitting less, and sitting well"
        in client.get(f"/clinic/routines/{template.code}/").content.decode()
    )
    plan = assign_with_reads(template, alice, owner=bob, start_date=alice.local_date())
    assert list(plan.read_links.values_list("read__slug", flat=True)) == ["sitting-breaks"]
    # "Change the plan" copies the plan, reads and all, into a template to edit.
    post(client, f"/clinic/patients/{alice.code}/edit-plan/")
    copy = Routine.objects.templates().exclude(pk=template.pk).get()
    assert list(copy.read_links.values_list("read__slug", flat=True)) == ["sitting-breaks"]
    # Removing it from the template leaves the plan as it was.
    post(client, f"/clinic/routines/{template.code}/reads/sitting-breaks/remove/")
    assert not template.read_links.exists()
    assert plan.read_links.count() == 1


def test_only_the_author_changes_a_templates_reads(client, bob, dana):
    template = Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Shared", owner=bob, shared=True
    )
    client.force_login(dana)
    assert (
        post(client, f"/clinic/routines/{template.code}/reads/", {"read": "why-hips"}).status_code
        == 404
    )
    assert not RoutineRead.objects.exists()
