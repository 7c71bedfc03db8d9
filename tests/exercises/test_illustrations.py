"""The shipped drawings (two frames per exercise) and the picture partial that loops them."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings

from exercises.models import Exercise
from tests.factories import make_exercise

STATIC = Path(settings.BASE_DIR) / "static"
SVG = "{http://www.w3.org/2000/svg}"
BUDGET = 3 * 1024  # bytes per file; the player's first load has 60 KB for everything


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def drawing(path: str) -> tuple[bytes, ET.Element]:
    data = (STATIC / path).read_bytes()
    return data, ET.fromstring(data)  # noqa: S314 - the project's own files, not uploads


@pytest.mark.django_db
def test_every_shipped_exercise_has_a_start_and_an_end_frame_in_the_house_style():
    exercises = list(Exercise.objects.published())
    assert len(exercises) >= 13
    for exercise in exercises:
        assert exercise.illustration == f"img/exercises/{exercise.slug}.svg"
        assert exercise.illustration_start == f"img/exercises/{exercise.slug}-start.svg"
        frames = [drawing(exercise.illustration_start), drawing(exercise.illustration)]
        for data, root in frames:
            assert root.tag == f"{SVG}svg", exercise.slug
            assert root.get("viewBox") == "0 0 320 200", exercise.slug
            title = root.find(f"{SVG}title")
            assert title is not None and title.text and title.text.strip(), exercise.slug
            assert len(data) < BUDGET, f"{exercise.slug}: {len(data)} bytes"
        (start, _), (end, _) = frames
        assert start != end, f"{exercise.slug}: the start frame is a copy of the end frame"


@pytest.mark.django_db
def test_the_end_frame_shows_the_start_pose_as_a_grey_ghost_and_the_start_frame_does_not():
    for exercise in Exercise.objects.published():
        start = (STATIC / exercise.illustration_start).read_text()
        end = (STATIC / exercise.illustration).read_text()
        assert 'stroke="#b8c0cc"' in end, f"{exercise.slug}: no ghost of the start pose"
        assert 'stroke="#b8c0cc"' not in start, f"{exercise.slug}: a ghost in the start frame"


def images(content: bytes) -> list[str]:
    return re.findall(r"<img\b[^>]*>", content.decode())


def test_the_exercise_page_shows_the_two_poses_with_one_description(signed_in):
    response = signed_in.get("/exercises/glute-bridge/")
    tags = [tag for tag in images(response.content) if "img/exercises/glute-bridge" in tag]
    assert len(tags) == 2
    end, start = tags
    assert "glute-bridge.svg" in end and 'alt="Glute bridge' not in start
    assert re.search(r'alt="[^"]+"', end)
    assert 'alt=""' in start and "poses__start" in start and "glute-bridge-start.svg" in start
    assert all('width="640" height="400"' in tag for tag in tags)


def test_a_custom_exercise_without_a_start_drawing_shows_one_picture(signed_in):
    make_exercise(slug="wall-slide", name="Wall slide", illustration_alt="Sliding down a wall.")
    response = signed_in.get("/exercises/wall-slide/")
    tags = [tag for tag in images(response.content) if "img/exercises/" in tag]
    assert tags == [tag for tag in tags if "poses__start" not in tag]
    assert len(tags) == 1 and 'alt="Sliding down a wall."' in tags[0]
    assert b'class="poses"' not in response.content


def test_an_uploaded_photo_replaces_both_drawings(signed_in):
    bridge = Exercise.objects.get(slug="glute-bridge")
    bridge.image.name = "exercises/bridge.jpg"
    bridge.save(update_fields=["image"])
    response = signed_in.get("/exercises/glute-bridge/")
    content = response.content.decode()
    assert "bridge.jpg" in content
    assert "glute-bridge-start.svg" not in content and "poses__start" not in content
