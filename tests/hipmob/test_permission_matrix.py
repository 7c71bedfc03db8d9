"""Every URL pattern in the project, tried as every kind of person.

The patterns are discovered from the URLconf, so a new view without an entry in
EXPECTATIONS fails `test_every_url_pattern_has_an_expectation`. Each entry says which
personas may use the URL; everyone else must get a 404 (never a hint that the thing
exists), and anonymous people are sent to sign in unless the page is public.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import Invitation, PushSubscription
from exercises.models import Exercise
from progression.models import Suggestion
from routines.models import Routine, RoutineItem, RoutineKind
from tests.factories import (
    HipMobClient,
    make_alert,
    make_exercise,
    make_plan,
    make_screening,
    make_session,
)

# Erin edits the catalogue; Frank also holds every account permission (as the demo's
# admin does, for erasure). Neither may reach any patient's data: every patient and
# clinic URL refuses them, and tests/accounts/test_separation_of_duties.py crawls the
# admin pages they can open for health data.
# Two organisations: Alice, Charlie, Bob, Dana and Ann (the clinic admin of their
# clinic) in one; Gus (clinician and clinic admin) and his patient Hana in the other's
# clinic. tests/hipmob/test_clinic_isolation.py checks that no page shows one clinic's
# people, routines or exercises to the other.
PERSONAS = ["anonymous", "alice", "charlie", "hana", "bob", "dana", "ann", "gus", "erin", "frank"]
PATIENTS = {"alice", "charlie", "hana"}
CLINICIANS = {"bob", "dana", "ann", "gus"}
CLINIC_ADMINS = {"ann", "gus"}
ADMINS = {"erin", "frank"}
STAFF = CLINICIANS | ADMINS
SIGNED_IN = PATIENTS | STAFF
PUBLIC = {"anonymous", *SIGNED_IN}
ADMIN = "admin"  # the Django admin: staff with permissions only


@dataclass(frozen=True)
class Rule:
    """Who may use a URL: `allowed` personas get neither a 404 nor a sign-in redirect.
    `post` sends a POST (with a valid token) instead of a GET. `objects` picks, from
    the world fixture, what the URL's parameters name."""

    allowed: frozenset | str
    post: bool = False
    objects: dict = field(default_factory=dict)
    hands_over: bool = False  # the page's whole job is to send people to sign in


def rule(allowed, post=False, hands_over=False, **objects):
    return Rule(allowed if allowed == ADMIN else frozenset(allowed), post, objects, hands_over)


ALICE = {"code": "alice"}  # a clinician URL about Alice, Bob's patient
ROUTINE = {"code": "template"}  # Bob's private routine template
ITEM = {"code": "template", "item_code": "item"}

EXPECTATIONS = {
    # Public pages
    "healthz": rule(PUBLIC),
    "favicon.ico": rule(PUBLIC),
    "login": rule(PUBLIC),
    "use_link": rule(PUBLIC),  # an unknown token says so to anyone
    "accept_invitation": rule(PUBLIC),  # so does an unknown invitation
    "password_reset": rule(PUBLIC),
    "password_reset_done": rule(PUBLIC),
    "password_reset_confirm": rule(PUBLIC),
    "password_reset_complete": rule(PUBLIC),
    # Staff single sign-on (accounts/sso.py): an organisation without it (here, all) is
    # not found (404) for anyone; tests/accounts/test_sso.py covers the configured ones.
    "openid_connect_login": rule(PUBLIC, post=True),
    "openid_connect_callback": rule(PUBLIC),
    # Anonymous people to HipMob's own sign-in page, staff to the admin; anyone else
    # signed in gets a 404 (sending them to sign in looped back here).
    "admin/login/": rule({"anonymous", *ADMINS}, hands_over=True),
    "admin:login": rule({"anonymous", *ADMINS}, hands_over=True),  # shadowed by the above
    "admin:logout": rule(SIGNED_IN, post=True, hands_over=True),
    # Everyone signed in
    "home": rule(SIGNED_IN),
    "logout": rule(SIGNED_IN, post=True, hands_over=True),
    "sign_out_everywhere": rule(SIGNED_IN, post=True, hands_over=True),
    "account": rule(SIGNED_IN),
    "exercises:list": rule(SIGNED_IN),
    "exercises:detail": rule(SIGNED_IN, slug="exercise"),
    "learn:list": rule(SIGNED_IN),
    "learn:read": rule(SIGNED_IN, slug="read"),
    "language": rule(SIGNED_IN, post=True),
    # Notifications on one's own devices: patients (reminders) and clinicians (alerts)
    "push_subscribe": rule(PATIENTS | CLINICIANS, post=True),
    "push_test": rule(PATIENTS | CLINICIANS, post=True),
    "push_remove": rule({"alice"}, post=True, code="device"),
    # Anyone with the emailed link; an unknown token says so (404) to anyone.
    "reminders:unsubscribe": rule(PUBLIC),
    # Clinicians and admins: the second sign-in step
    "two_factor": rule(STAFF),
    "two_factor_setup": rule(STAFF),
    "recovery_codes": rule(STAFF),
    # Patients, their own things
    "erasure": rule(PATIENTS),
    "email_change": rule(PATIENTS, post=True),
    "email_remove": rule(PATIENTS, post=True),
    # A made-up link says so (404) to the patient; anyone else never gets that far.
    "email_confirm": rule(PATIENTS),
    "reminders:settings": rule(PATIENTS),
    "patient:today": rule(PATIENTS),
    # The installable app: the manifest and the worker name nobody; the pack is the
    # patient's own plan.
    "patient:manifest": rule(PUBLIC),
    "patient:service_worker": rule(PUBLIC),
    "patient:offline_pack": rule(PATIENTS),
    "patient:start": rule(PATIENTS, post=True),
    "patient:start_bad_day": rule(PATIENTS, post=True),
    "patient:morning": rule(PATIENTS, post=True),
    "patient:psfs": rule(PATIENTS),
    "patient:history": rule(PATIENTS),
    "patient:safety": rule(PATIENTS),
    "patient:export_json": rule(PATIENTS),
    "patient:export_csv": rule(PATIENTS),
    "patient:session": rule({"alice"}, code="session"),
    "patient:check_in": rule({"alice"}, post=True, code="session"),
    "patient:log_step": rule({"alice"}, post=True, code="session"),
    "patient:check_out": rule({"alice"}, post=True, code="session"),
    "patient:stop": rule({"alice"}, post=True, code="session"),
    "patient:correct": rule({"alice"}, code="session"),
    "patient:safety_result": rule({"alice"}, code="screening"),
    # Clinicians: their list and routines, and only their own patients
    "clinic:patients": rule(CLINICIANS),
    "clinic:add_patient": rule(CLINICIANS),
    "clinic:routines": rule(CLINICIANS),
    "clinic:create_routine": rule(CLINICIANS, post=True),
    "clinic:patient": rule({"bob"}, **ALICE),
    "clinic:new_link": rule({"bob"}, post=True, **ALICE),
    "clinic:assign": rule({"bob"}, **ALICE),
    "clinic:handout": rule({"bob"}, **ALICE),
    "clinic:record": rule({"bob"}, **ALICE),
    "clinic:open_episode": rule({"bob"}, post=True, **ALICE),
    "clinic:discharge": rule({"bob"}, episode_code="episode", **ALICE),  # Alice's open one
    "clinic:edit_plan": rule({"bob"}, post=True, **ALICE),
    "clinic:attach_read": rule({"bob"}, post=True, **ALICE),
    "clinic:detach_read": rule({"bob"}, post=True, slug="read", **ALICE),
    "clinic:clear_screening": rule({"bob"}, post=True, screening_code="screening", **ALICE),
    "clinic:decide_suggestion": rule({"bob"}, post=True, suggestion_code="suggestion", **ALICE),
    "clinic:resolve_alert": rule({"bob"}, post=True, alert_code="alert", **ALICE),
    "clinic:acknowledge_alert": rule({"bob"}, post=True, alert_code="alert", **ALICE),
    "clinic:builder": rule({"bob"}, **ROUTINE),
    "clinic:add_item": rule({"bob"}, post=True, **ROUTINE),
    "clinic:routine_settings": rule({"bob"}, post=True, **ROUTINE),
    "clinic:duplicate": rule({"bob"}, post=True, **ROUTINE),
    "clinic:delete_routine": rule({"bob"}, post=True, **ROUTINE),
    "clinic:attach_template_read": rule({"bob"}, post=True, **ROUTINE),
    "clinic:detach_template_read": rule({"bob"}, post=True, slug="read", **ROUTINE),
    "clinic:update_item": rule({"bob"}, post=True, **ITEM),
    "clinic:move_item": rule({"bob"}, post=True, **ITEM),
    "clinic:remove_item": rule({"bob"}, post=True, **ITEM),
    # Clinic admins: their own clinic's staff and profile (each sees only their clinic);
    # a clinician or invitation of Ann's clinic is not found for Gus.
    "clinic:manage": rule(CLINIC_ADMINS),
    "clinic:staff": rule(CLINIC_ADMINS),
    "clinic:invite": rule(CLINIC_ADMINS),
    "clinic:profile": rule(CLINIC_ADMINS),
    "clinic:sign_off_thresholds": rule(CLINIC_ADMINS, post=True),
    "clinic:revoke_invitation": rule({"ann"}, post=True, code="invitation"),
    "clinic:deactivate_staff": rule({"ann"}, post=True, code="staff_member"),
    "clinic:reactivate_staff": rule({"ann"}, post=True, code="staff_member"),
    "clinic:handover": rule({"ann"}, code="staff_member"),
    # Clinic admins: their clinic's report, own exercises and shared routines; Ann's
    # clinic's exercise and shared routine are not found for Gus.
    "clinic:reports": rule(CLINIC_ADMINS),
    "clinic:reports_csv": rule(CLINIC_ADMINS),
    "clinic:own_exercises": rule(CLINIC_ADMINS),
    "clinic:new_own_exercise": rule(CLINIC_ADMINS),
    "clinic:edit_own_exercise": rule({"ann"}, slug="own_exercise"),
    "clinic:publish_own_exercise": rule({"ann"}, post=True, slug="own_exercise"),
    "clinic:unshare_template": rule({"ann"}, post=True, code="leeds_shared"),
}

# Values for the Django admin's own URL parameters.
ADMIN_VALUES = {
    "object_id": "1",
    "id": "1",
    "app_label": "accounts",
    "content_type_id": "1",
    "url": "nowhere/",
    "pk": "1",
}


def discover(patterns, prefix="", namespace=None):
    """(key, route, pattern) for every pattern: key is the namespaced name, or the
    route itself for unnamed patterns."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            ns = f"{namespace}:{ns}" if namespace and ns else ns or namespace
            yield from discover(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield (name or route), route, entry


def expectation_for(key: str, route: str, expectations=EXPECTATIONS) -> Rule | None:
    if key in expectations:
        return expectations[key]
    if route.startswith("admin/"):
        return rule(ADMIN)
    return None


def missing_expectations(patterns, expectations=EXPECTATIONS) -> list[str]:
    return [
        key
        for key, route, _p in discover(patterns)
        if expectation_for(key, route, expectations) is None
    ]


ALL = list(discover(get_resolver().url_patterns))


def test_every_url_pattern_has_an_expectation():
    assert missing_expectations(get_resolver().url_patterns) == []
    # And no expectation is left over from a view that is gone.
    keys = {key for key, _route, _p in ALL}
    assert set(EXPECTATIONS) - keys == set()


def test_a_new_view_without_an_expectation_fails_the_matrix():
    """The test of the test: an extra pattern is reported, by name or by route."""
    from django.urls import include, path

    def new_view(request):
        raise AssertionError("never called")

    patterns = [
        *get_resolver().url_patterns,
        path("reports/", new_view, name="reports"),
        path("clinic2/", include(([path("export/", new_view)], "clinic2"))),
    ]
    assert missing_expectations(patterns) == ["reports", "clinic2/export/"]


def test_object_ids_in_urls_are_uuid_codes():
    for key, route, _pattern in ALL:
        if not route.startswith("admin/"):
            assert "<int:" not in route, f"{key} ({route}) exposes a sequential id"
            assert "<path:" not in route, key


@pytest.fixture
def world(alice, bob, charlie, dana, erin, frank, ann, gus, hana, other_clinic):
    bridge = Exercise.objects.get(slug="glute-bridge")
    # The other clinic's own things, which nobody of Alice's clinic may see.
    norte_exercise = make_exercise(
        name="Norte hip hinge", slug="norte-hip-hinge", clinic=other_clinic
    )
    norte_template = Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Norte shared routine", owner=gus, shared=True
    )
    RoutineItem.from_exercise(norte_exercise, routine=norte_template, order=0).save()
    make_plan(hana, gus, [norte_exercise], title="Norte plan")
    # And Alice's clinic's own, which nobody of the other clinic may see.
    own_exercise = make_exercise(name="Leeds knee lift", slug="leeds-knee-lift", clinic=bob.clinic)
    shared = Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Leeds shared routine", owner=dana, shared=True
    )
    RoutineItem.from_exercise(own_exercise, routine=shared, order=0).save()
    plan = make_plan(alice, bob, [bridge])
    session = make_session(alice, plan, days_ago=1, before=3, after=2)
    screening = make_screening(alice, tier="urgent")
    template = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Bob's own", owner=bob)
    item = RoutineItem.from_exercise(bridge, routine=template, order=0)
    item.save()
    suggestion = Suggestion.objects.create(
        patient=alice,
        item=plan.items.get(),
        kind="progress",
        reason="Two easy sessions",
        exercise=bridge,
        sets=2,
        reps=12,
    )
    make_plan(charlie, dana, [bridge])  # the other patient has a plan of their own
    return {
        "alice": alice.code,
        "session": session.code,
        "screening": screening.code,
        "template": template.code,
        "item": item.code,
        "suggestion": suggestion.code,
        "alert": make_alert(alice, "inactive").code,
        "episode": alice.episodes.create(
            clinic=alice.clinic, referral_reason="Low back pain", started_on=alice.local_date()
        ).code,
        "exercise": bridge.slug,
        "own_exercise": own_exercise.slug,
        "norte_exercise": norte_exercise.slug,
        "norte_template": norte_template.code,
        "leeds_shared": shared.code,  # shared by Dana in Ann's clinic
        "staff_member": dana.code,  # a clinician of Ann's clinic
        "invitation": Invitation.objects.create(
            clinic=ann.clinic,
            email="new@example.org",
            name="New",
            token_hash="0" * 64,
            invited_by=ann,
            expires=timezone.now() + timedelta(days=3),
        ).code,
        "read": "why-hips",
        "device": PushSubscription.objects.create(
            user=alice,
            endpoint="https://fcm.googleapis.com/fcm/send/alice",
            p256dh="B" + "A" * 86,
            auth="A" * 22,
            device="Phone",
        ).code,
    }


def build_url(route: str, rule_: Rule, world) -> str:
    values = {name: str(world[source]) for name, source in rule_.objects.items()}
    values.update({"token": "not-a-real-token", "uidb64": "MQ", "provider_id": "no-sso"})
    values.update(ADMIN_VALUES)
    # <converter:name> in routes, (?P<name>...) in the admin's regex patterns.
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m[1]], route)
    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m[1]], url)
    return "/" + url.replace("^", "").replace("$", "")


def fingerprint() -> dict:
    """Everything HipMob stores, except what signing in itself writes."""
    state = {}
    for app in ("accounts", "exercises", "routines", "learn", "reminders"):
        for model in apps.get_app_config(app).get_models():
            fields = [f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
            state[model._meta.label] = list(model.objects.order_by("pk").values_list(*fields))
    return state


def csrf_token(client, signed_in: bool) -> str:
    client.get("/account/" if signed_in else "/sign-in/")
    return client.cookies["csrftoken"].value


def sent_to_sign_in(response) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code == 302 and (
        location.startswith("/sign-in/") or location.startswith("/admin/login/")
    )


@pytest.mark.parametrize(("key", "route", "pattern"), ALL, ids=[key for key, _r, _p in ALL])
def test_each_url_as_each_persona(request, world, key, route, pattern):
    rule_ = expectation_for(key, route)
    assert rule_ is not None, f"no expectation for {key}"
    url = build_url(route, rule_, world)
    users = {name: request.getfixturevalue(name) for name in PERSONAS[1:]}
    clients = {"anonymous": HipMobClient(enforce_csrf_checks=True)}
    for name, user in users.items():
        clients[name] = HipMobClient(enforce_csrf_checks=True)
        clients[name].force_login(user)
    tokens = {name: csrf_token(client, name in users) for name, client in clients.items()}

    def fetch(name):
        client = clients[name]
        if rule_.post:
            return client.post(url, {"csrfmiddlewaretoken": tokens[name]})
        return client.get(url)

    allowed = ADMINS if rule_.allowed == ADMIN else rule_.allowed
    refused = [name for name in PERSONAS if name not in allowed]
    before = fingerprint()
    for name in refused:
        response = fetch(name)
        if name == "anonymous" or (rule_.allowed == ADMIN and name in users):
            assert sent_to_sign_in(response), f"{name} on {url}: {response.status_code}"
        else:
            assert response.status_code == 404, f"{name} on {url}: {response.status_code}"
    assert fingerprint() == before, f"a refused request to {url} changed something"
    for name in allowed:
        response = fetch(name)
        assert response.status_code < 500, f"{name} on {url}: {response.status_code}"
        assert (
            response.status_code != 404
            or key
            in (
                "use_link",
                "accept_invitation",
                "reminders:unsubscribe",
                "email_confirm",
                "admin:catch_all_view",
                "openid_connect_login",
                "openid_connect_callback",
            )
            or (rule_.allowed == ADMIN)
        ), f"{name} on {url}: 404"
        assert rule_.hands_over or not sent_to_sign_in(response), (
            f"{name} was sent to sign in from {url}"
        )


# RFC 8058 one-click unsubscribe: mail providers POST without cookies or a token; the
# signed token in the address is the proof (tests/reminders/test_views.py).
CSRF_EXEMPT = {"reminders:unsubscribe"}


@pytest.mark.parametrize(("key", "route", "pattern"), ALL, ids=[key for key, _r, _p in ALL])
def test_every_url_refuses_a_post_without_a_csrf_token(request, world, key, route, pattern):
    """Whatever the view, a POST without the token is refused before it runs, and
    nothing is stored."""
    rule_ = expectation_for(key, route)
    url = build_url(route, rule_, world)
    allowed = ADMINS if rule_.allowed == ADMIN else rule_.allowed
    person = sorted(allowed - {"anonymous"})[0] if allowed - {"anonymous"} else None
    client = HipMobClient(enforce_csrf_checks=True)
    if person:
        client.force_login(request.getfixturevalue(person))
    exempt = getattr(pattern.callback, "csrf_exempt", False)
    assert exempt == (key in CSRF_EXEMPT), f"{key} is csrf_exempt"
    before = fingerprint()
    response = client.post(url, {"name": "x", "pain": "3", "note": "x"})
    # The exempt view refuses the made-up token in this URL instead.
    assert response.status_code == (404 if exempt else 403), f"{key}: {response.status_code}"
    assert fingerprint() == before


def test_a_strangers_object_and_a_missing_one_look_the_same(client, world, dana):
    client.force_login(dana)
    theirs = client.get(f"/clinic/patients/{world['alice']}/")
    missing = client.get(f"/clinic/patients/{uuid.uuid4()}/")
    assert theirs.status_code == missing.status_code == 404

    def unique(text):  # each response has its own CSP nonce and CSRF token
        text = re.sub(r'(nonce|value)="[^"]+"', "", text)
        return re.sub(r'"X-CSRFToken": "[^"]+"', "", text)

    assert unique(theirs.text) == unique(missing.text)
