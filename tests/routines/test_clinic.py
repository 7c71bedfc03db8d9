from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import CareLink, SignInLink, User
from exercises.models import Exercise
from practice.models import ExerciseSession
from routines.models import Routine, RoutineItem, RoutineKind
from tests.factories import link, make_clinician, make_exercise, make_patient, make_plan


@pytest.fixture
def template(bob):
    routine = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Core", owner=bob)
    for i, slug in enumerate(["glute-bridge", "clamshell", "bird-dog"]):
        RoutineItem.from_exercise(Exercise.objects.get(slug=slug), routine=routine, order=i).save()
    return routine


@pytest.fixture
def plan(alice, bob):
    return make_plan(
        alice,
        bob,
        Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"]),
        start_date=date(2026, 1, 1),
    )


def token(client) -> str:
    return client.get("/clinic/patients/").context["csrf_token"]


def post(client, url, data=None, htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, {"csrfmiddlewaretoken": token(client), **(data or {})}, headers=headers)


# --- who may see what --------------------------------------------------------------------


def patient_pages(alice):
    code = alice.code
    return [
        f"/clinic/patients/{code}/",
        f"/clinic/patients/{code}/assign/",
        f"/clinic/patients/{code}/handout/",
    ]


def test_every_patient_page_is_for_linked_clinicians_only(client, alice, bob, dana, plan):
    for url in [
        *patient_pages(alice),
        "/clinic/patients/",
        "/clinic/patients/new/",
        "/clinic/routines/",
    ]:
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/"), url
        client.force_login(alice)
        assert client.get(url).status_code == 404, url  # a patient
        client.force_login(bob)
        assert client.get(url).status_code == 200, url  # the linked clinician
    client.force_login(dana)  # a clinician without a care link
    for url in patient_pages(alice):
        assert client.get(url).status_code == 404, url


def test_post_only_views_refuse_get(client, bob, alice, template):
    client.force_login(bob)
    for url in [
        f"/clinic/patients/{alice.code}/link/",
        f"/clinic/patients/{alice.code}/edit-plan/",
        "/clinic/routines/new/",
        f"/clinic/routines/{template.code}/items/",
        f"/clinic/routines/{template.code}/duplicate/",
        f"/clinic/routines/{template.code}/delete/",
        f"/clinic/routines/{template.code}/settings/",
    ]:
        assert client.get(url).status_code == 405, url
    assert Routine.objects.count() == 1


def test_an_unlinked_clinician_cannot_issue_links_or_edit_plans(client, dana, alice, plan):
    client.force_login(dana)
    assert post(client, f"/clinic/patients/{alice.code}/link/").status_code == 404
    assert post(client, f"/clinic/patients/{alice.code}/edit-plan/").status_code == 404
    assert not SignInLink.objects.exists()
    assert Routine.objects.count() == 1


def test_another_clinicians_private_template_is_a_404(client, dana, template):
    client.force_login(dana)
    assert client.get(f"/clinic/routines/{template.code}/").status_code == 404
    assert post(client, f"/clinic/routines/{template.code}/duplicate/").status_code == 404
    exercise = Exercise.objects.get(slug="dead-bug")
    assert (
        post(
            client, f"/clinic/routines/{template.code}/items/", {"exercise": exercise.pk}
        ).status_code
        == 404
    )
    assert template.items.count() == 3


# --- the patient list ---------------------------------------------------------------------


def make_session(patient, plan, days_ago, before, after=None):
    return ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=patient.local_date() - timedelta(days=days_ago),
        pain_before=before,
        pain_after=after if after is not None else before,
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_patients_who_need_attention_come_first(client, bob):
    exercises = [Exercise.objects.get(slug="glute-bridge")]
    steady, rising, quiet = (
        make_patient(name=n) for n in ("Ann Steady", "Ben Rising", "Cat Quiet")
    )
    for p in (steady, rising, quiet):
        link(bob, p)
        plan = make_plan(p, bob, exercises, start_date=date(2025, 1, 1))
        if p is steady:
            make_session(p, plan, 2, 4)
            make_session(p, plan, 0, 4)
        if p is rising:
            make_session(p, plan, 5, 3)
            make_session(p, plan, 0, 5)  # 2 points above the baseline
        if p is quiet:
            make_session(p, plan, 6, 3)  # nothing for six days
    client.force_login(bob)
    rows = client.get("/clinic/patients/").context["rows"]
    names = [row["patient"].name for row in rows if row["patient"].name != "Alice Morgan"]
    assert names[-1] == "Ann Steady"
    assert set(names[:2]) == {"Ben Rising", "Cat Quiet"}
    reasons = {row["patient"].name: row["attention"].reasons for row in rows}
    assert reasons["Ben Rising"] == ["Pain up on their baseline"]
    assert reasons["Cat Quiet"] == ["Nothing logged on 3 or more due days"]


def test_the_list_shows_only_linked_patients_and_searches(client, bob, alice, charlie):
    client.force_login(bob)
    html = client.get("/clinic/patients/").content.decode()
    assert "Alice Morgan" in html and "Charlie Stone" not in html
    assert "Alice" in client.get("/clinic/patients/?q=ali").content.decode()
    html = client.get("/clinic/patients/?q=zzz").content.decode()
    assert "No patient matches" in html


def test_an_ended_link_hides_the_patient(client, alice, bob):
    from django.utils import timezone

    bob.patient_links.update(ended=timezone.now())
    client.force_login(bob)
    html = client.get("/clinic/patients/").content.decode()
    assert "Alice Morgan" not in html and "No patients yet" in html
    assert client.get(f"/clinic/patients/{alice.code}/").status_code == 404


def add_patients(clinician, total):
    exercises = list(Exercise.objects.all()[:3])
    while clinician.patient_links.count() < total:
        patient = make_patient()
        link(clinician, patient)
        plan = make_plan(patient, clinician, exercises, start_date=date(2025, 1, 1))
        for days_ago in range(0, 21, 3):
            make_session(patient, plan, days_ago, days_ago % 7)


def count(client, url):
    # Counted in the steady state: the first request of a session also records the
    # staff idle timer.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_keeps_a_fixed_number_of_queries_at_5_and_60_patients(client, dana):
    client.force_login(dana)
    add_patients(dana, 5)
    at_five = count(client, "/clinic/patients/")
    add_patients(dana, 60)
    # session, user, second-step device, patients with their scores, their plans, the
    # last week, and the page's last fortnight
    assert count(client, "/clinic/patients/") == at_five == 7
    assert count(client, "/clinic/patients/?page=3") == 7


def test_the_list_is_paginated(client, dana):
    client.force_login(dana)
    add_patients(dana, 30)
    first = client.get("/clinic/patients/").context
    assert len(first["rows"]) == 25 and first["pages"] == 2
    assert len(client.get("/clinic/patients/?page=2").context["rows"]) == 5
    assert client.get("/clinic/patients/?page=abc").status_code == 200


# --- adding a patient and links -------------------------------------------------------------


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


# --- assigning --------------------------------------------------------------------------


# A week from now, in the patients' (and the site's) time zone.
START = timezone.localdate() + timedelta(days=7)


def assign_data(routine, **extra):
    return {
        "template": routine.pk,
        "days": ["0", "2", "4"],
        "start_date": START.isoformat(),
        "end_date": "",
        **extra,
    }


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


# --- the builder --------------------------------------------------------------------------


def builder_url(template, suffix=""):
    return f"/clinic/routines/{template.code}/{suffix}"


def test_a_routine_is_built_from_the_library(client, bob):
    client.force_login(bob)
    response = post(client, "/clinic/routines/new/")
    routine = Routine.objects.get(owner=bob)
    for slug in ["glute-bridge", "clamshell", "bird-dog"]:
        post(
            client, builder_url(routine, "items/"), {"exercise": Exercise.objects.get(slug=slug).pk}
        )
    assert [i.exercise.slug for i in routine.items.order_by("order")] == [
        "glute-bridge",
        "clamshell",
        "bird-dog",
    ]
    assert response.status_code == 302


def test_unpublished_or_unknown_exercises_cannot_be_added(client, bob, template):
    client.force_login(bob)
    draft = make_exercise(published=False)
    for value in (draft.pk, 999999, "abc"):
        response = post(client, builder_url(template, "items/"), {"exercise": value}, htmx=True)
        assert response.status_code == 422
    assert template.items.count() == 3


def test_reordering_moves_one_place_and_heals_gaps(client, bob, template):
    client.force_login(bob)
    bird_dog = template.items.get(exercise__slug="bird-dog")
    response = post(
        client,
        builder_url(template, f"items/{bird_dog.code}/move/"),
        {"direction": "up"},
        htmx=True,
    )
    assert response.status_code == 200 and b"<html" not in response.content
    assert [i.exercise.slug for i in template.items.order_by("order")] == [
        "glute-bridge",
        "bird-dog",
        "clamshell",
    ]
    post(client, builder_url(template, f"items/{bird_dog.code}/move/"), {"direction": "up"})
    post(client, builder_url(template, f"items/{bird_dog.code}/move/"), {"direction": "up"})  # top
    assert [i.order for i in template.items.order_by("order")] == [0, 1, 2]
    assert template.items.order_by("order").first() == bird_dog


def item_data(item, **changes):
    data = {
        "sets": item.sets,
        "reps": item.reps or "",
        "hold_seconds": item.hold_seconds or "",
        "rest_seconds": item.rest_seconds,
        "notes": item.notes,
        "bad_day_exercise": "",
    }
    if item.per_side:
        data["per_side"] = "on"
    data.update(changes)
    return {f"i{item.pk}-{k}": v for k, v in data.items()}


def test_a_dose_is_changed(client, bob, template):
    client.force_login(bob)
    bridge = template.items.get(exercise__slug="glute-bridge")
    response = post(
        client,
        builder_url(template, f"items/{bridge.code}/"),
        item_data(bridge, sets=3, reps=12, notes="Pause at the top"),
    )
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert (bridge.sets, bridge.reps, bridge.notes) == (3, 12, "Pause at the top")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reps": "", "hold_seconds": 0}, "Ensure this value is greater than or equal to 1"),
        ({"reps": 10_000}, "less than or equal to 50"),
        ({"reps": 10, "hold_seconds": 30}, "not both"),
        ({"reps": "", "hold_seconds": ""}, "Give either reps or a hold time"),
        ({"sets": "lots"}, "Enter a whole number"),
        ({"bad_day_exercise": 999999}, "Select a valid choice"),
    ],
)
def test_a_bad_dose_is_refused_with_a_message_and_nothing_changes(
    client, bob, template, changes, message
):
    client.force_login(bob)
    bridge = template.items.get(exercise__slug="glute-bridge")
    before = RoutineItem.objects.values().get(pk=bridge.pk)
    response = post(
        client,
        builder_url(template, f"items/{bridge.code}/"),
        item_data(bridge, **changes),
        htmx=True,
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert RoutineItem.objects.values().get(pk=bridge.pk) == before


def test_an_item_of_another_routine_is_a_404(client, bob, template, plan):
    client.force_login(bob)
    foreign = plan.items.first()
    response = post(client, builder_url(template, f"items/{foreign.code}/remove/"))
    assert response.status_code == 404
    assert RoutineItem.objects.filter(pk=foreign.pk).exists()


def test_removing_and_sharing_and_duplicating(client, bob, dana, template):
    client.force_login(bob)
    clamshell = template.items.get(exercise__slug="clamshell")
    post(client, builder_url(template, f"items/{clamshell.code}/remove/"))
    assert template.items.count() == 2
    post(client, builder_url(template, "settings/"), {"title": "Core two", "shared": "on"})
    template.refresh_from_db()
    assert (template.title, template.shared) == ("Core two", True)
    client.force_login(dana)
    response = post(client, builder_url(template, "duplicate/"))
    copy = Routine.objects.get(owner=dana)
    assert response["Location"] == f"/clinic/routines/{copy.code}/"
    assert copy.items.count() == 2 and copy.title == "Copy of Core two"
    assert client.get(builder_url(template)).status_code == 404  # shared, but not dana's


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


def test_the_builder_library_filters_with_htmx(client, bob, template):
    client.force_login(bob)
    response = client.get(builder_url(template) + "?kind=strength", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="library">') and "Glute bridge" in html
    assert "Bird dog" not in html


# --- detail and handout -----------------------------------------------------------------


def test_the_detail_page_shows_plan_chart_adherence_skips_and_notes(client, bob, alice, plan):
    session = make_session(alice, plan, 1, 5, 3)
    session.note = "Left hip tight"
    session.save()
    from practice.models import StepLog

    item = plan.items.first()
    StepLog.objects.create(
        session=session,
        item=item,
        exercise=item.exercise,
        side="both",
        set_number=1,
        status="skipped",
        skip_reason="pain",
    )
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    for text in ("Morning routine", "<polyline", "Glute bridge", "It hurt: 1", "Left hip tight"):
        assert text in html, text


def test_the_handout_lists_every_exercise_with_dose_and_cues(client, bob, alice, plan):
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/handout/").content.decode()
    for item in plan.items.all():
        assert item.exercise.name in html and item.dose in html
        assert item.exercise.cue_list[0].replace("'", "&#x27;") in html


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


def test_the_builder_keeps_a_fixed_number_of_queries_with_1_and_9_items(client, bob):
    client.force_login(bob)
    routine = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Grow", owner=bob)
    exercises = list(Exercise.objects.all()[:9])
    RoutineItem.from_exercise(exercises[0], routine=routine, order=0).save()
    url = f"/clinic/routines/{routine.code}/"
    small = count(client, url)
    for i, exercise in enumerate(exercises[1:], start=1):
        RoutineItem.from_exercise(exercise, routine=routine, order=i).save()
    assert count(client, url) == small
    with CaptureQueriesContext(connection) as fragment:
        post(client, f"{url}items/", {"exercise": exercises[0].pk}, htmx=True)
    with CaptureQueriesContext(connection) as fragment_again:
        post(client, f"{url}items/", {"exercise": exercises[1].pk}, htmx=True)
    assert len(fragment) == len(fragment_again)


def test_the_detail_page_and_handout_keep_a_fixed_number_of_queries(client, bob, alice, plan):
    client.force_login(bob)
    detail, handout = (
        count(client, f"/clinic/patients/{alice.code}/{s}") for s in ("", "handout/")
    )
    for days_ago in range(1, 30):
        make_session(alice, plan, days_ago, 3)
    for exercise in Exercise.objects.all()[:6]:
        RoutineItem.from_exercise(exercise, routine=plan, order=9).save()
    assert count(client, f"/clinic/patients/{alice.code}/") == detail
    assert count(client, f"/clinic/patients/{alice.code}/handout/") == handout


def test_builder_views_refuse_patients_and_strangers_and_change_nothing(
    client, alice, dana, template
):
    template.shared = True
    template.save()
    item = template.items.first()
    before = list(RoutineItem.objects.filter(routine=template).values())
    urls = [
        (f"/clinic/routines/{template.code}/items/{item.code}/", item_data(item, sets=9)),
        (f"/clinic/routines/{template.code}/items/{item.code}/move/", {"direction": "down"}),
        (f"/clinic/routines/{template.code}/items/{item.code}/remove/", {}),
        (f"/clinic/routines/{template.code}/settings/", {"title": "Mine now"}),
        (f"/clinic/routines/{template.code}/delete/", {}),
    ]
    for person in (alice, dana):  # a patient; a clinician who doesn't own it (it's shared)
        client.force_login(person)
        assert client.get(f"/clinic/routines/{template.code}/").status_code == 404
        for url, data in urls:
            csrf = client.get("/exercises/").context["csrf_token"]
            assert client.post(url, {"csrfmiddlewaretoken": csrf, **data}).status_code == 404, url
    client.logout()
    for url, data in urls:
        assert client.post(url, data).status_code in (302, 403)
    template.refresh_from_db()
    assert template.title == "Core"
    assert list(RoutineItem.objects.filter(routine=template).values()) == before


def test_item_views_refuse_get(client, bob, template):
    client.force_login(bob)
    item = template.items.first()
    for suffix in ("", "move/", "remove/"):
        url = f"/clinic/routines/{template.code}/items/{item.code}/{suffix}"
        assert client.get(url).status_code == 405
    assert template.items.count() == 3


def test_an_unpublished_bad_day_exercise_is_refused(client, bob, template):
    client.force_login(bob)
    draft = make_exercise(published=False)
    bridge = template.items.get(exercise__slug="glute-bridge")
    response = post(
        client,
        f"/clinic/routines/{template.code}/items/{bridge.code}/",
        item_data(bridge, bad_day_exercise=draft.pk),
        htmx=True,
    )
    assert response.status_code == 422
    bridge.refresh_from_db()
    assert bridge.bad_day_exercise is None


def test_deleting_a_routine_leaves_the_plans_made_from_it(client, bob, alice, template):
    from routines.plans import assign_template

    plan = assign_template(template, alice, owner=bob, start_date=START)
    client.force_login(bob)
    post(client, f"/clinic/routines/{template.code}/delete/")
    assert not Routine.objects.filter(pk=template.pk).exists()
    plan.refresh_from_db()
    assert plan.items.count() == 3 and plan.source_template is None


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
