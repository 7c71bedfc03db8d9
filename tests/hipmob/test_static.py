from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings

from exercises.migrations._catalogue_v1 import EXERCISES


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
        text = open(path, encoding="utf-8").read()
        assert "<title>" in text
        assert "<script" not in text.lower()
        assert len(text.encode()) < 6000, f"{entry['slug']}.svg is too heavy for a phone"
