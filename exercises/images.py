"""Uploaded exercise photos: verify, re-encode, and keep only what we wrote ourselves.

Why each step (see shared/docs/security.md):
- Pillow only *warns* about a decompression bomb below twice MAX_IMAGE_PIXELS, so the
  warning is turned into an error and the pixel count is checked before decoding.
- `forms.ImageField` keeps the original bytes, so a PNG with HTML appended would be
  stored as is. Here the file is decoded and written anew: appended bytes, EXIF and GPS
  are gone, and only JPEG, PNG and WebP are even opened (SVG and the rest are refused).
- The stored names are generated, so nothing of the uploaded file name reaches a path.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
DISPLAY_BOX = (1200, 1200)
THUMBNAIL_BOX = (480, 480)


@dataclass(frozen=True)
class Renditions:
    display: ContentFile
    thumbnail: ContentFile


def _encode(image: Image.Image, box: tuple[int, int], name: str) -> ContentFile:
    copy = image.copy()
    copy.thumbnail(box, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # No exif= argument: nothing of the original metadata is written.
    copy.save(buffer, format="WEBP", quality=82, method=4)
    return ContentFile(buffer.getvalue(), name=name)


def process_upload(upload) -> Renditions:
    """Return the display image and thumbnail for an uploaded file, or raise
    ValidationError with a message an admin can act on."""
    size = getattr(upload, "size", None)
    if size is not None and size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _(
                "This file is %(size)s; the limit is %(limit)s. Save a smaller version "
                "(for example 1200 pixels wide) and try again."
            )
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)},
            code="too_large",
        )
    not_a_picture = ValidationError(
        _(
            "This file isn't a JPEG, PNG or WebP picture, or it is damaged. "
            "Other kinds of file, SVG included, can't be uploaded."
        ),
        code="invalid_image",
    )
    too_many_pixels = ValidationError(
        _(
            "This picture is too large (more than %(limit)s million pixels). "
            "Save a smaller version and try again."
        )
        % {"limit": settings.UPLOAD_MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )
    if hasattr(upload, "seek"):
        upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(upload, formats=ALLOWED_FORMATS) as opened:
                width, height = opened.size
                if width * height > settings.UPLOAD_MAX_PIXELS:
                    raise too_many_pixels
                opened.load()  # decode everything now: truncated files fail here
                image = ImageOps.exif_transpose(opened)
                mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
                image = image.convert(mode)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise not_a_picture from None
    stem = uuid.uuid4().hex
    return Renditions(
        display=_encode(image, DISPLAY_BOX, f"{stem}.webp"),
        thumbnail=_encode(image, THUMBNAIL_BOX, f"{stem}-thumb.webp"),
    )
