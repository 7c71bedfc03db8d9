"""Spanish for the patient pages. CI has no gettext tools, so the compiled .mo is
committed; these tests check it says exactly what the .po says, that placeholders
survive translation, and that no patient-facing message is left in English."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from exercises.models import Exercise
from tests.factories import make_plan, speak

LOCALE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES"
# Files only clinicians and admins see: their messages may stay in English.
STAFF_ONLY = (
    "templates/clinic/",
    "clinic/",
    "routines/builder.py",  # the builder's messages
    "learn/forms.py",  # attaching a read to a plan
    "admin.py",
    "exercises/images.py",
    "learn/_clinic_reads",
    "hipmob/urls.py",
    "progression/attention.py",
    "accounts/two_factor.py",
    "accounts/middleware.py",  # the idle sign-out applies to staff only
    # Joining a clinic by invitation and signing in through one's organisation: staff.
    "accounts/invitations.py",
    "templates/accounts/invitation",
    "templates/accounts/email/invitation",
    "accounts/sso.py",
    "templates/accounts/two_factor",
    "templates/accounts/recovery_codes",
    "templates/accounts/password_reset",
    "templates/accounts/email/password_reset",
    "templates/admin/",
    # Field names and help texts are shown in the admin. (Choices in models.py, which
    # patients do see, are translated, but this check can't tell them apart.)
    "models.py",
)


def _unquote(chunks: list[str]) -> str:
    return "".join(ast.literal_eval(chunk) for chunk in chunks)


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: msgctxt-free entries with their flags and file references."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry if entry is not None else {"refs": [], "flags": [], "chunks": {}}
        if line.startswith("#:"):
            entry["refs"] += line[2:].split()
        elif line.startswith("#,"):
            entry["flags"] += [f.strip() for f in line[2:].split(",")]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry["chunks"][field].append(line)
        else:
            field, _space, rest = line.partition(" ")
            entry["chunks"][field] = [rest]
            entry["msgid"] = True
    for e in entries:
        e.update({key: _unquote(chunks) for key, chunks in e.pop("chunks").items()})
    return entries


ENTRIES = parse_po(LOCALE / "django.po")


def test_the_po_file_was_read():
    assert len(ENTRIES) > 400
    assert any(e["msgid"] == "Today" and e["msgstr"] == "Hoy" for e in ENTRIES)


def test_the_compiled_mo_matches_the_po():
    """Run `python manage.py compilemessages` after editing the .po (needs gettext)."""
    with (LOCALE / "django.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    expected = {}
    for e in ENTRIES:
        if e["msgid"] == "" or "fuzzy" in e["flags"]:
            continue
        if "msgid_plural" in e:
            forms = {int(k[7:-1]): v for k, v in e.items() if k.startswith("msgstr[")}
            if all(forms.values()):
                for n, text in forms.items():
                    expected[(e["msgid"], n)] = text
        elif e["msgstr"]:
            expected[e["msgid"]] = e["msgstr"]
    compiled = {key: value for key, value in catalog.items() if key != ""}
    assert compiled == expected


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def test_placeholders_survive_translation():
    broken = []
    for entry in ENTRIES:
        wanted = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for key, value in entry.items():
            if not key.startswith("msgstr") or not value:
                continue
            found = sorted(PLACEHOLDER.findall(value))
            if "msgid_plural" in entry:  # a plural form may leave the count out
                allowed = set(wanted) | set(PLACEHOLDER.findall(entry["msgid_plural"]))
                if not set(found) <= allowed:
                    broken.append((entry["msgid"], value))
            elif found != wanted:
                broken.append((entry["msgid"], value))
    assert broken == []


def test_every_patient_facing_message_is_in_spanish():
    missing = [
        e["msgid"]
        for e in ENTRIES
        if e["msgid"]
        and not any(v for k, v in e.items() if k.startswith("msgstr"))
        and not all(any(s in ref for s in STAFF_ONLY) for ref in e["refs"])
    ]
    assert missing == []


# --- Choosing and applying a language ---------------------------------------------------


@pytest.fixture
def plan(alice, bob):
    return make_plan(alice, bob, Exercise.objects.filter(slug="glute-bridge"))


def choose(client: Client, language: str):
    client.get("/account/")
    return client.post(
        "/account/language/",
        {"language": language, "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )


def test_the_account_page_offers_each_language_in_its_own_name(client, alice):
    client.force_login(alice)
    html = client.get("/account/").content.decode()
    assert '<option value="es" lang="es">Español</option>' in html
    assert '<option value="en" lang="en">English</option>' in html


def test_a_patient_chooses_spanish_and_today_speaks_it(client, alice, plan):
    from datetime import UTC, datetime

    import time_machine

    client.force_login(alice)
    response = choose(client, "es")
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.language == "es"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert "Idioma guardado." in client.get("/account/").content.decode()
    with time_machine.travel(datetime(2026, 3, 29, 9, 0, tzinfo=UTC), tick=False):
        response = client.get("/today/")
    html = response.content.decode()
    assert response["Content-Language"] == "es"
    assert '<html lang="es">' in html
    assert "Hola, Alice" in html
    assert "Domingo 29 de marzo" in html  # a localised date, not "Sunday 29 March"
    assert "Toca hoy" in html and "Esta semana" in html
    assert ("Hold for" not in html and "Mantenga" not in html) or "veces" in html


def test_the_choice_follows_the_person_not_the_browser(alice, plan):
    """On another phone whose browser asks for English, Alice still gets Spanish."""
    speak(alice, "es")
    other_phone = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    other_phone.force_login(alice)
    assert "Esta semana" in other_phone.get("/today/").content.decode()


def test_without_a_choice_the_browser_decides(client, alice, plan):
    spanish_phone = Client(HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert "Iniciar sesión" in spanish_phone.get("/sign-in/").content.decode()
    spanish_phone.force_login(alice)
    assert "Esta semana" in spanish_phone.get("/today/").content.decode()
    client.force_login(alice)
    assert "This week" in client.get("/today/").content.decode()


def test_going_back_to_the_browsers_language(client, alice, plan):
    speak(alice, "es")
    client.force_login(alice)
    response = choose(client, "")
    alice.refresh_from_db()
    assert alice.language == ""
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    assert "This week" in client.get("/today/").content.decode()


def test_an_unknown_language_is_refused(client, alice):
    client.force_login(alice)
    choose(client, "xx")
    alice.refresh_from_db()
    assert alice.language == ""


def test_the_safety_questions_are_translated(client, alice):
    speak(alice, "es")
    client.force_login(alice)
    html = client.get("/safety/").content.decode()
    assert "¿Tiene las dos piernas débiles o entumecidas" in html
    assert "Una comprobación de seguridad rápida" in html


def test_exercise_text_is_in_spanish_on_spanish_pages_and_english_is_marked(client, alice):
    speak(alice, "es")
    client.force_login(alice)
    html = client.get("/exercises/glute-bridge/").content.decode()
    assert "<h1>Puente de glúteos</h1>" in html
    assert "Posición inicial" in html
    # Without a Spanish name yet, the English one shows, marked for screen readers.
    Exercise.objects.filter(slug="glute-bridge").update(name_es="")
    html = client.get("/exercises/glute-bridge/").content.decode()
    assert '<h1 lang="en">Glute bridge</h1>' in html
    speak(alice, "en")
    html = client.get("/exercises/glute-bridge/").content.decode()
    assert "<h1>Glute bridge</h1>" in html
