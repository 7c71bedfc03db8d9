from accounts.models import SignInLink
from exercises.models import Exercise
from routines.models import Routine, RoutineItem
from tests.clinic.helpers import item_data, post


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
