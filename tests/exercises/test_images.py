"""The upload pipeline, tested where admins use it: the Django admin's change form."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from exercises.models import Exercise
from tests.admin_forms import admin_form


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor(client, erin):
    client.force_login(erin)
    return client


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


def png_bytes(size=(60, 40), color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_with_gps_and_rotation() -> bytes:
    image = Image.new("RGB", (80, 40), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def change_form_data(client, exercise: Exercise, **extra) -> dict:
    """The admin change form's own fields, as a browser would send them back (the
    translated ones by column: name_en, name_es, ...), with `extra` changed."""
    page = client.get(f"/admin/exercises/exercise/{exercise.pk}/change/")
    data = admin_form(page.content.decode(), "exercise_form")
    data["_save"] = "Save"
    data.update(extra)
    return data


def upload(client, exercise, content: bytes, name: str, content_type: str):
    data = change_form_data(
        client, exercise, upload=SimpleUploadedFile(name, content, content_type=content_type)
    )
    return client.post(f"/admin/exercises/exercise/{exercise.pk}/change/", data)


@pytest.fixture
def bridge(db):
    return Exercise.objects.get(slug="glute-bridge")


def test_a_photo_is_stored_re_encoded_with_a_thumbnail_under_generated_names(editor, bridge, media):
    response = upload(editor, bridge, png_bytes(), "my holiday photo.png", "image/png")
    assert response.status_code == 302, response.context["adminform"].form.errors
    bridge.refresh_from_db()
    assert bridge.image.name.startswith("exercises/") and bridge.image.name.endswith(".webp")
    assert "holiday" not in bridge.image.name
    assert bridge.thumbnail.name.endswith("-thumb.webp")
    assert len(stored_files(media)) == 2
    with Image.open(bridge.image.path) as stored:
        assert stored.format == "WEBP"


def test_exif_and_gps_are_stripped_and_orientation_applied(editor, bridge, media):
    response = upload(editor, bridge, jpeg_with_gps_and_rotation(), "p.jpg", "image/jpeg")
    assert response.status_code == 302
    bridge.refresh_from_db()
    with Image.open(bridge.image.path) as stored:
        assert stored.size == (40, 80), "the EXIF rotation should be applied to the pixels"
        assert not stored.getexif()
        assert "exif" not in stored.info
    for path in (bridge.image.path, bridge.thumbnail.path):
        assert b"PhoneMaker" not in Path(path).read_bytes()
        with Image.open(path) as stored:
            assert not stored.getexif()


def test_html_appended_to_a_png_does_not_survive(editor, bridge, media):
    payload = png_bytes() + b"<html><script>alert(document.cookie)</script></html>"
    response = upload(editor, bridge, payload, "innocent.png", "image/png")
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert bridge.image and bridge.thumbnail
    files = stored_files(media)
    expected = {bridge.image.name.split("/")[-1], bridge.thumbnail.name.split("/")[-1]}
    assert {p.name for p in files} == expected
    for path in files:
        content = path.read_bytes()
        assert b"<script" not in content and b"<html" not in content
        with Image.open(path) as stored:
            assert stored.format == "WEBP"


@pytest.mark.parametrize(
    ("content", "name", "content_type", "message"),
    [
        (b"just some notes\n" * 20, "notes.png", "image/png", "isn't a JPEG, PNG or WebP"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "drawing.svg",
            "image/svg+xml",
            "SVG included",
        ),
        (png_bytes()[:60], "cut-short.png", "image/png", "isn't a JPEG, PNG or WebP"),
    ],
)
def test_things_that_are_not_pictures_are_refused_and_nothing_is_stored(
    editor, bridge, media, content, name, content_type, message
):
    before = Exercise.objects.values().get(pk=bridge.pk)
    response = upload(editor, bridge, content, name, content_type)
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert stored_files(media) == []
    assert Exercise.objects.values().get(pk=bridge.pk) == before


def test_a_decompression_bomb_is_refused_and_nothing_is_stored(editor, bridge, media):
    # 12,000 by 12,000 = 144 million pixels, a few hundred KB compressed.
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 1_000_000
    before = Exercise.objects.values().get(pk=bridge.pk)
    response = upload(editor, bridge, buffer.getvalue(), "bomb.png", "image/png")
    assert response.status_code == 200
    assert "too large" in response.content.decode()
    assert stored_files(media) == []
    assert Exercise.objects.values().get(pk=bridge.pk) == before


def test_a_file_over_the_size_limit_is_refused(editor, bridge, media, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    before = Exercise.objects.values().get(pk=bridge.pk)
    response = upload(editor, bridge, png_bytes((400, 400)) + b"\0" * 2000, "big.png", "image/png")
    assert response.status_code == 200
    assert "the limit is" in response.content.decode()
    assert stored_files(media) == []
    assert Exercise.objects.values().get(pk=bridge.pk) == before


def test_removing_the_photo_goes_back_to_the_drawing_and_deletes_the_files_on_commit(
    editor, bridge, media, django_capture_on_commit_callbacks
):
    upload(editor, bridge, png_bytes(), "p.png", "image/png")
    bridge.refresh_from_db()
    assert len(stored_files(media)) == 2
    data = change_form_data(editor, bridge, remove_photo="on")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = editor.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
    assert response.status_code == 302
    assert len(stored_files(media)) == 2, "files stay until the change is committed"
    for callback in callbacks:
        callback()
    bridge.refresh_from_db()
    assert not bridge.image
    assert bridge.picture_url.endswith("img/exercises/glute-bridge.svg")
    assert stored_files(media) == []
