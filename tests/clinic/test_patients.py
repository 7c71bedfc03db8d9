from datetime import timedelta

import pytest

from accounts.models import CareLink, SignInLink, User
from exercises.models import Exercise
from routines.models import Routine, RoutineKind
from tests.clinic.helpers import START, assign_data, builder_url, item_data, make_session, post
from tests.factories import make_clinician

REQUEST_ID = "0123456789abcdef0123456789abcdef"


def test_adding_a_patient_makes_an_account_a_care_link_and_a_one_time_link(client, bob):
    client.force_login(bob)
    response = post(
        client,
        "/clinic/patients/new/",
        {
            "name": "Dee Walker",
            "email": "",
            "timezone": "Pacific/Auckland",
            "request_id": REQUEST_ID,
        },
    )
    assert response.status_code == 201
    patient = User.objects.get(name="Dee Walker")
    assert patient.role == "patient" and not patient.has_usable_password()
    assert patient.timezone == "Pacific/Auckland"
    assert CareLink.objects.active().filter(clinician=bob, patient=patient).exists()
    html = response.content.decode()
    assert "/link/" in html and 'src="data:image/svg+xml;base64,' in html
    token = html.split("/link/")[1].split("/")[0]
    assert SignInLink.find(token).user == patient


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "timezone": "Europe/London"},
        {"name": "Eve", "timezone": "Mars/Base"},
        {"name": "Eve", "email": "not-an-email", "timezone": "Europe/London"},
        {"name": "x" * 151, "timezone": "Europe/London"},
        {"name": "Eve\x00", "timezone": "Europe/London"},
        {"name": "Eve", "timezone": "Europe/London", "request_id": "not-a-request-id"},
    ],
)
def test_a_bad_new_patient_is_refused_and_nothing_is_made(client, bob, data):
    client.force_login(bob)
    users = User.objects.count()
    response = post(client, "/clinic/patients/new/", {"request_id": REQUEST_ID, **data})
    assert response.status_code == 422
    assert User.objects.count() == users and not SignInLink.objects.exists()


def test_a_new_link_replaces_the_old_one(client, bob, alice):
    _old, old_token = SignInLink.issue(alice)
    client.force_login(bob)
    response = post(client, f"/clinic/patients/{alice.code}/link/")
    assert response.status_code == 200
    assert SignInLink.find(old_token).revoked_at is not None
    assert SignInLink.objects.usable().filter(user=alice).count() == 1


# A week from now, in the patients' (and the site's) time zone.


def test_assigning_copies_the_routine_into_a_new_plan(client, bob, alice, plan, template):
    client.force_login(bob)
    response = post(client, f"/clinic/patients/{alice.code}/assign/", assign_data(template))
    assert response.status_code == 302
    new = Routine.objects.for_patient(alice).active().get()
    assert new.schedule_days == 0b0010101 and new.start_date == START
    assert [i.exercise.slug for i in new.items.all()] == ["glute-bridge", "clamshell", "bird-dog"]
    plan.refresh_from_db()
    assert not plan.active  # the old plan stays, with its sessions


@pytest.mark.parametrize(
    "extra",
    [
        {"days": []},
        {"end_date": (START - timedelta(days=1)).isoformat()},
        {"start_date": "soon"},
        {"start_date": "1999-01-01"},
        {"start_date": (START + timedelta(days=400)).isoformat()},
        {"template": 999999},
    ],
)
def test_a_bad_assignment_is_refused_and_the_plan_is_unchanged(
    client, bob, alice, plan, template, extra
):
    client.force_login(bob)
    response = post(
        client, f"/clinic/patients/{alice.code}/assign/", assign_data(template, **extra)
    )
    assert response.status_code == 422
    assert Routine.objects.for_patient(alice).active().get() == plan


def test_another_clinicians_private_template_cannot_be_assigned(client, bob, alice, plan):
    private = Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Dana's", owner=make_clinician()
    )
    client.force_login(bob)
    response = post(client, f"/clinic/patients/{alice.code}/assign/", assign_data(private))
    assert response.status_code == 422
    assert Routine.objects.for_patient(alice).active().get() == plan


def test_editing_a_plan_keeps_its_history(client, bob, alice, plan):
    session = make_session(alice, plan, 1, 4)
    client.force_login(bob)
    response = post(client, f"/clinic/patients/{alice.code}/edit-plan/")
    copy = Routine.objects.templates().get(owner=bob)
    assert response["Location"] == f"/clinic/routines/{copy.code}/?patient={alice.code}"
    page = client.get(response["Location"])
    assert "Assign to Alice Morgan" in page.content.decode()
    item = copy.items.first()
    post(client, builder_url(copy, f"items/{item.code}/"), item_data(item, sets=3))
    post(client, f"/clinic/patients/{alice.code}/assign/", assign_data(copy))
    plan.refresh_from_db()
    assert not plan.active and session.plan == plan
    assert plan.items.first().sets == 2  # the old plan is as it was
    assert Routine.objects.for_patient(alice).active().get().items.first().sets == 3


def test_an_empty_routine_or_one_with_hidden_exercises_cannot_be_assigned(
    client, bob, alice, plan, template
):
    empty = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Empty", owner=bob)
    client.force_login(bob)
    response = post(client, f"/clinic/patients/{alice.code}/assign/", assign_data(empty))
    assert response.status_code == 422 and b"has no exercises yet" in response.content
    Exercise.objects.filter(slug="bird-dog").update(published=False)
    response = post(client, f"/clinic/patients/{alice.code}/assign/", assign_data(template))
    assert (
        response.status_code == 422 and b"no longer in the library (Bird dog)" in response.content
    )
    assert Routine.objects.for_patient(alice).active().get() == plan


def test_assigning_again_keeps_the_current_days_and_end_unless_changed(client, bob, alice, plan):
    plan.schedule_days = 0b0010101
    plan.save()
    client.force_login(bob)
    form = client.get(f"/clinic/patients/{alice.code}/assign/").context["form"]
    assert form.initial["days"] == ["0", "2", "4"]


def test_the_same_add_patient_form_sent_twice_makes_one_account(client, bob):
    client.force_login(bob)
    data = {"name": "Dee Walker", "timezone": "Europe/London", "request_id": REQUEST_ID}
    first = post(client, "/clinic/patients/new/", data)
    second = post(client, "/clinic/patients/new/", data)
    patient = User.objects.get(name="Dee Walker")
    assert first.status_code == 201
    assert second.status_code == 302 and second["Location"] == f"/clinic/patients/{patient.code}/"
    assert SignInLink.objects.filter(user=patient).count() == 1
    assert "dee" not in patient.username.lower()
