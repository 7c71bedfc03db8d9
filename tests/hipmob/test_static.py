import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings

from exercises.catalogue import EXERCISES
from exercises.models import Exercise


def test_collectstatic_builds_hashed_compressed_files(tmp_path):
    """What production serves: every file referenced from CSS exists, names are
    hashed for far-future caching, and gzip copies sit beside them."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    css = list((tmp_path / "css").glob("app.*.css"))
    assert css, "app.css should be stored under a hashed name"
    assert list((tmp_path / "css").glob("app.*.css.gz"))
    assert (tmp_path / "staticfiles.json").exists()


def test_every_catalogue_illustration_is_shipped():
    for entry in EXERCISES:
        path = finders.find(f"img/exercises/{entry['slug']}.svg")
        assert path, f"missing illustration for {entry['slug']}"
        text = Path(path).read_text(encoding="utf-8")
        assert "<title>" in text
        assert "<script" not in text.lower()
        assert len(text.encode()) < 6000, f"{entry['slug']}.svg is too heavy for a phone"


@pytest.mark.django_db
def test_pages_render_with_the_production_static_storage(tmp_path, client, alice):
    """The suite otherwise serves static files unhashed: render real pages once with
    the manifest storage, so a reference to a missing file would fail here."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        client.force_login(alice)
        for url in ("/exercises/", "/exercises/glute-bridge/", "/today/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert re.search(r"/static/css/app\.[0-9a-f]{12}\.css", response.content.decode())
        # A path that slipped past the admin form must not break the library.
        Exercise.objects.filter(slug="clamshell").update(illustration="img/exercises/nope.svg")
        assert client.get("/exercises/").status_code == 200
