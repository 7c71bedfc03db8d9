"""A patient adds, changes or removes their own email address; a new address counts only
once the link sent to it is opened, by the same person, in time, and only once."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.utils import translation

from accounts import email_change
from accounts.models import AuditAction, AuditEvent, User
from patient.privacy import erase
from reminders.models import Channel, ReminderSettings
from tests.accounts.test_sign_in import csrf_from
from tests.factories import make_clinician, make_patient

CHANGE = "/account/email/"
REMOVE = "/account/email/remove/"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def alice_with_email(alice):
    alice.email = "alice@example.org"
    alice.save(update_fields=["email"])
    return alice


def post(client, url: str, data: dict | None = None):
    """A browser's POST: the token from the account page, then the form."""
    token = csrf_from(client.get("/account/"))
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token})


def ask(client, email: str):
    return post(client, CHANGE, {"email": email})


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/account/email/confirm/[^/\s]+/)", message.body)[1]


def confirm(client, path: str):
    page = client.get(path)
    if page.status_code != 200:
        return page
    return client.post(path, {"csrfmiddlewaretoken": csrf_from(page)})


def email_of(user: User) -> str:
    return User.objects.values_list("email", flat=True).get(pk=user.pk)


# Who may use the views


@pytest.mark.parametrize("url", [CHANGE, REMOVE, "/account/email/confirm/x/"])
def test_anonymous_people_are_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("url", [CHANGE, REMOVE])
def test_a_get_on_a_post_view_is_refused(client, alice_with_email, url):
    client.force_login(alice_with_email)
    assert client.get(url).status_code == 405
    assert email_of(alice_with_email) == "alice@example.org"


def test_a_clinician_gets_a_404_and_nothing_is_sent(client, bob):
    client.force_login(bob)
    response = client.post(CHANGE, {"email": "bob@example.org"})  # no page to take CSRF from
    assert response.status_code in (403, 404)
    csrf = csrf_from(client.get("/account/"))
    response = client.post(CHANGE, {"email": "bob@example.org", "csrfmiddlewaretoken": csrf})
    assert response.status_code == 404
    assert mail.outbox == []


def test_a_post_without_the_csrf_token_changes_nothing(client, alice_with_email):
    client.force_login(alice_with_email)
    assert client.post(CHANGE, {"email": "new@example.org"}).status_code == 403
    assert client.post(REMOVE).status_code == 403
    assert mail.outbox == [] and email_of(alice_with_email) == "alice@example.org"


# The account page


def test_the_account_page_shows_the_address_and_both_forms(client, alice_with_email):
    client.force_login(alice_with_email)
    html = client.get("/account/").content.decode()
    assert "Your email" in html and "<strong>alice@example.org</strong>" in html
    assert f'action="{CHANGE}"' in html and f'action="{REMOVE}"' in html
    # Labelled, its help linked to the field, tap-sized buttons from the shared CSS.
    assert '<label for="id_email">New email address</label>' in html
    assert 'aria-describedby="id_email_helptext"' in html
    assert "Remove my email" in html and "stops email reminders" in html


def test_with_no_address_the_page_says_what_that_means(client, alice):
    client.force_login(alice)
    html = client.get("/account/").content.decode()
    assert "No email on file" in html and "no email reminders" in html
    assert f'action="{REMOVE}"' not in html and "Add my email" in html


def test_clinicians_see_no_email_section(client, bob):
    client.force_login(bob)
    assert f'action="{CHANGE}"' not in client.get("/account/").content.decode()


# Asking for a new address


def test_asking_sends_a_link_to_the_new_address_and_changes_nothing_yet(client, alice_with_email):
    client.force_login(alice_with_email)
    response = ask(client, "  Alice.New@EXAMPLE.org ")
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert email_of(alice_with_email) == "alice@example.org"
    [message] = mail.outbox
    assert message.to == ["Alice.New@example.org"]  # trimmed, the domain in lower case
    assert "/account/email/confirm/" in message.body
    assert "We sent an email to Alice.New@example.org" in client.get("/account/").text
    [event] = AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGE_REQUESTED)
    assert event.patient == alice_with_email and event.detail == {}


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("not-an-address", "Enter an email address like name@example.com."),
        ("", "Enter an email address."),
        ("ALICE@example.org", "That is already your email address."),
        ("a" * 250 + "@example.org", "Ensure this value has at most 254 characters"),
    ],
)
def test_a_bad_address_is_refused_with_a_message_linked_to_the_field(
    client, alice_with_email, typed, says
):
    client.force_login(alice_with_email)
    response = ask(client, typed)
    assert response.status_code == 422
    html = response.content.decode()
    assert says in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html
    assert mail.outbox == [] and email_of(alice_with_email) == "alice@example.org"
    assert not AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGE_REQUESTED).exists()


def test_an_address_another_account_has_is_never_applied_and_not_revealed(
    client, alice_with_email, charlie
):
    charlie.email = "shared@example.org"
    charlie.save(update_fields=["email"])
    client.force_login(alice_with_email)
    response = ask(client, "Shared@Example.org")
    # The patient is told the same as for a free address...
    assert response.status_code == 302
    assert "We sent an email to Shared@example.org" in client.get("/account/").text
    # ...while the address's inbox gets a notice without any link to use.
    [message] = mail.outbox
    assert message.to == ["Shared@example.org"]
    assert "already used by another HipMob account" in message.body
    assert "/account/email/confirm/" not in message.body
    assert email_of(alice_with_email) == "alice@example.org"


def test_a_link_for_an_address_taken_meanwhile_changes_nothing(client, alice_with_email, bob):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    make_clinician(username="late", email="NEW@example.org")
    response = confirm(client, path)
    assert response.status_code == 409
    assert "Another HipMob account already uses this address" in response.content.decode()
    assert email_of(alice_with_email) == "alice@example.org"


def test_requests_are_limited_per_hour(client, alice_with_email):
    client.force_login(alice_with_email)
    with time_machine.travel(NOW, tick=False):
        for n in range(email_change.REQUESTS_PER_HOUR):
            assert ask(client, f"new{n}@example.org").status_code == 302
        refused = ask(client, "one-more@example.org")
    assert refused.status_code == 429
    assert "Wait an hour" in refused.content.decode()
    assert len(mail.outbox) == email_change.REQUESTS_PER_HOUR
    with time_machine.travel(NOW + timedelta(minutes=61), tick=False):
        assert ask(client, "later@example.org").status_code == 302
    assert len(mail.outbox) == email_change.REQUESTS_PER_HOUR + 1


def test_a_mail_server_failure_is_a_message_not_a_500(client, alice_with_email, settings):
    settings.EMAIL_BACKEND = "tests.accounts.test_email_change.FailingBackend"
    client.force_login(alice_with_email)
    response = ask(client, "new@example.org")
    assert response.status_code == 503
    assert "couldn&#x27;t send the email just now" in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGE_REQUESTED).exists()


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("Connection refused")


# Confirming


def test_opening_the_link_asks_first_and_only_the_button_changes_the_address(
    client, alice_with_email
):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    mail.outbox.clear()
    page = client.get(path)
    assert page.status_code == 200
    assert "<strong>new@example.org</strong>" in page.content.decode()
    assert page["Referrer-Policy"] == "strict-origin"
    assert "no-store" in page["Cache-Control"]
    assert email_of(alice_with_email) == "alice@example.org"  # GET changes nothing
    response = client.post(path, {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert email_of(alice_with_email) == "new@example.org"
    assert "Your email address is now new@example.org" in client.get("/account/").text
    event = AuditEvent.objects.get(action=AuditAction.EMAIL_CHANGED)
    assert event.actor == event.patient == alice_with_email
    assert event.detail == {"previous": "alice@example.org", "new": "new@example.org"}
    # The old address is told, and only it.
    [notice] = mail.outbox
    assert notice.to == ["alice@example.org"]
    assert "was just changed" in notice.body and "new@example.org" not in notice.body


def test_a_first_address_needs_confirming_too_and_no_notice_goes_anywhere_else(client, alice):
    client.force_login(alice)
    ask(client, "first@example.org")
    assert email_of(alice) == ""
    confirm(client, link_in(mail.outbox[0]))
    assert email_of(alice) == "first@example.org"
    assert [m.to for m in mail.outbox] == [["first@example.org"]]  # the link, no notice


def test_a_link_works_once(client, alice_with_email):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    assert confirm(client, path).status_code == 302
    again = client.get(path)
    assert again.status_code == 410
    assert "already used" in again.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGED).count() == 1


def test_a_second_tap_on_the_button_changes_nothing_more(client, alice_with_email):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    page = client.get(path)
    csrf = csrf_from(page)
    assert client.post(path, {"csrfmiddlewaretoken": csrf}).status_code == 302
    assert client.post(path, {"csrfmiddlewaretoken": csrf}).status_code == 410
    assert AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGED).count() == 1


def test_an_older_link_dies_when_another_is_used(client, alice_with_email):
    client.force_login(alice_with_email)
    ask(client, "first@example.org")
    ask(client, "second@example.org")
    first, second = (link_in(m) for m in mail.outbox)
    confirm(client, second)
    assert confirm(client, first).status_code == 410
    assert email_of(alice_with_email) == "second@example.org"


def test_an_expired_link_changes_nothing(client, alice_with_email, settings):
    client.force_login(alice_with_email)
    with time_machine.travel(NOW, tick=False):
        ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    hours = settings.EMAIL_CHANGE_LINK_HOURS
    with time_machine.travel(NOW + timedelta(hours=hours, minutes=-1), tick=False):
        assert client.get(path).status_code == 200  # still in time
    with time_machine.travel(NOW + timedelta(hours=hours, minutes=1), tick=False):
        response = confirm(client, path)
        assert response.status_code == 410
        assert "too old" in response.content.decode()
        # The button's POST is refused too, should the page have been opened in time.
        page_csrf = csrf_from(client.get("/account/"))
        assert client.post(path, {"csrfmiddlewaretoken": page_csrf}).status_code == 410
    assert email_of(alice_with_email) == "alice@example.org"


def test_someone_elses_link_changes_nothing_for_either_of_them(client, alice_with_email, charlie):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    client.force_login(charlie)
    response = client.get(path)
    assert response.status_code == 404
    assert "for another HipMob account" in response.content.decode()
    csrf = csrf_from(client.get("/account/"))
    assert client.post(path, {"csrfmiddlewaretoken": csrf}).status_code == 404
    assert email_of(alice_with_email) == "alice@example.org" and email_of(charlie) == ""
    assert not AuditEvent.objects.filter(action=AuditAction.EMAIL_CHANGED).exists()


def test_a_clinician_opening_a_patients_link_gets_a_404(client, alice_with_email, bob):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    client.force_login(bob)
    assert client.get(path).status_code == 404
    assert email_of(alice_with_email) == "alice@example.org"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature
        lambda token: "x" + token,  # the payload
        lambda token: "nonsense",
        lambda token: "a" * 2000,
    ],
)
def test_a_tampered_link_changes_nothing(client, alice_with_email, tamper):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    token = link_in(mail.outbox[0]).split("/")[-2]
    path = f"/account/email/confirm/{tamper(token)}/"
    response = client.get(path)
    assert response.status_code == 404
    assert "not complete or not one of ours" in response.content.decode()
    csrf = csrf_from(client.get("/account/"))
    assert client.post(path, {"csrfmiddlewaretoken": csrf}).status_code == 404
    assert email_of(alice_with_email) == "alice@example.org"


def test_a_forged_address_needs_the_secret_key(alice_with_email):
    """The new address is readable in the link, but changing it breaks the signature;
    signing it with another salt (say a sign-in link's) doesn't work either."""
    token = email_change.make_token(alice_with_email, "mine@example.org")
    forged = signing.dumps(
        {**signing.loads(token, salt=email_change.SALT), "e": "attacker@example.org"},
        salt="another.salt",
    )
    with pytest.raises(email_change.LinkError, match="bad"):
        email_change.read_token(forged, alice_with_email)


def test_signing_out_everywhere_kills_a_waiting_link(client, alice_with_email):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    alice_with_email.sign_out_everywhere()
    client.force_login(User.objects.get(pk=alice_with_email.pk))
    assert client.get(path).status_code == 410
    assert email_of(alice_with_email) == "alice@example.org"


def test_the_confirmation_page_reads_only_the_session_and_the_user(
    client, alice_with_email, django_assert_num_queries
):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    with django_assert_num_queries(2):
        assert client.get(path).status_code == 200


# Removing


def test_removing_the_address_stops_email_reminders_and_tells_the_old_address(
    client, alice_with_email
):
    ReminderSettings.objects.create(patient=alice_with_email, channel=Channel.EMAIL)
    client.force_login(alice_with_email)
    response = post(client, REMOVE)
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert email_of(alice_with_email) == ""
    assert ReminderSettings.objects.get(patient=alice_with_email).channel == Channel.OFF
    event = AuditEvent.objects.get(action=AuditAction.EMAIL_REMOVED)
    assert event.patient == alice_with_email and event.detail == {"previous": "alice@example.org"}
    [notice] = mail.outbox
    assert notice.to == ["alice@example.org"] and "removed" in notice.body
    html = client.get("/account/").text
    assert "Your email address is removed" in html and "No email on file" in html


def test_removing_keeps_reminder_settings_that_dont_use_email(client, alice_with_email):
    ReminderSettings.objects.create(patient=alice_with_email, channel=Channel.OFF)
    client.force_login(alice_with_email)
    post(client, REMOVE)
    assert ReminderSettings.objects.get(patient=alice_with_email).channel == Channel.OFF


def test_removing_with_no_address_does_nothing(client, alice):
    client.force_login(alice)
    assert post(client, REMOVE).status_code == 302
    assert mail.outbox == [] and not AuditEvent.objects.filter(patient=alice).exists()


def test_removing_kills_a_waiting_link(client, alice_with_email):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    path = link_in(mail.outbox[0])
    post(client, REMOVE)
    assert confirm(client, path).status_code == 410
    assert email_of(alice_with_email) == ""


def test_a_stranger_cannot_remove_anyone_elses_address(client, alice_with_email, charlie):
    charlie.email = "charlie@example.org"
    charlie.save(update_fields=["email"])
    client.force_login(charlie)
    post(client, REMOVE, {"patient": str(alice_with_email.code), "user": alice_with_email.pk})
    assert email_of(alice_with_email) == "alice@example.org"
    assert email_of(charlie) == ""  # only their own


# What the emails say


def test_the_emails_carry_no_name_and_no_health_details(client, alice_with_email, plan):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    confirm(client, link_in(mail.outbox[0]))
    charlie = make_patient(email="taken@example.org")
    ask(client, "taken@example.org")
    post(client, REMOVE)
    assert [m.subject for m in mail.outbox] == [
        "Confirm your new email address for HipMob",
        "Your HipMob email address was changed",
        "Your email address and HipMob",
        "Your email address was removed from HipMob",
    ]
    names = [alice_with_email.name, "Alice", charlie.name, plan.title]
    names += [item.exercise.name for item in plan.items.all()]
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}".casefold()
        for word in [*names, "pain", "exercise", "routine", "session", "back"]:
            assert word.casefold() not in text, (word, message.subject)


def test_the_emails_are_in_the_patients_language(client, alice_with_email, monkeypatch):
    """Rendered with the patient's chosen language active, whatever the page's (the
    Spanish words come once someone translates them: locale/ isn't edited here)."""
    alice_with_email.language = "es"
    alice_with_email.save(update_fields=["language"])
    rendered_in = []

    def render(template, context):
        rendered_in.append(translation.get_language())
        return real_render(template, context)

    real_render = email_change.render_to_string
    monkeypatch.setattr(email_change, "render_to_string", render)
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    confirm(client, link_in(mail.outbox[0]))
    post(client, REMOVE)
    assert len(mail.outbox) == 3
    assert rendered_in == ["es"] * 6  # a subject and a body for each


def test_erasure_empties_the_addresses_kept_in_the_audit_trail(client, alice_with_email, frank):
    client.force_login(alice_with_email)
    ask(client, "new@example.org")
    confirm(client, link_in(mail.outbox[0]))
    post(client, REMOVE)
    erase(User.objects.get(pk=alice_with_email.pk), by=frank)
    details = AuditEvent.objects.filter(patient=alice_with_email).values_list("detail", flat=True)
    assert "example.org" not in str(list(details))


def test_removing_keeps_notifications_chosen_beside_email(client, alice_with_email):
    ReminderSettings.objects.create(patient=alice_with_email, channel=Channel.EMAIL_AND_PUSH)
    client.force_login(alice_with_email)
    post(client, REMOVE)
    assert ReminderSettings.objects.get(patient=alice_with_email).channel == Channel.PUSH


def test_removing_leaves_notifications_alone(client, alice_with_email):
    ReminderSettings.objects.create(patient=alice_with_email, channel=Channel.PUSH)
    client.force_login(alice_with_email)
    post(client, REMOVE)
    assert ReminderSettings.objects.get(patient=alice_with_email).channel == Channel.PUSH
