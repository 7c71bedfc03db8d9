"""The ten new catalogue drawings: each a start frame and an end frame in the house style."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PICTURES = Path(__file__).resolve().parents[2] / "static" / "img" / "exercises"
SVG = "{http://www.w3.org/2000/svg}"
NEW_SLUGS = [
    "standing-hip-flexor-stretch",
    "partial-bridge",
    "band-clamshell",
    "split-squat",
    "chair-sit-to-stand",
    "prone-press-up",
    "walking-break",
    "lying-windscreen-wipers",
    "bird-dog-arm-reach",
    "heel-taps",
]
FILES = [f"{slug}{suffix}.svg" for slug in NEW_SLUGS for suffix in ("-start", "")]


@pytest.mark.parametrize("name", FILES)
def test_picture_is_a_small_self_contained_svg(name):
    path = PICTURES / name
    assert path.is_file(), f"{name} is missing"
    data = path.read_bytes()
    assert len(data) < 3 * 1024, f"{name} is {len(data)} bytes"
    root = ET.fromstring(data)  # noqa: S314 - our own files from the repository
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 320 200"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text and title.text.strip()
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert not tags & {"text", "script", "image", "use", "style", "foreignObject"}
    assert b"href" not in data and b"url(" not in data


@pytest.mark.parametrize("slug", NEW_SLUGS)
def test_start_and_end_frames_differ(slug):
    start = (PICTURES / f"{slug}-start.svg").read_bytes()
    end = (PICTURES / f"{slug}.svg").read_bytes()
    assert start != end
    # the end frame carries the movement arrow in the accent colour; the start frame none
    assert b'stroke="#0b6e6e" stroke-width="5"' in end
    assert b'stroke="#0b6e6e" stroke-width="5"' not in start
