"""Photos sent with a report: type checked by content, size-capped, re-encoded so no metadata survives.

Pillow reads the picture (the file name and the browser's content type are ignored); the pixels are
written again as a new JPEG without EXIF, so GPS position, camera serial numbers and the like are gone.
Stored names are random.
"""

import io
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # larger pictures are refused before decoding (decompression bombs)
MAX_SIDE = 2560  # bigger photos are scaled down: enough to see what happened


@dataclass
class PreparedPhoto:
    content: ContentFile
    width: int
    height: int


def max_files():
    return settings.FEEDBACK_PHOTO_MAX_FILES


def max_bytes():
    return settings.FEEDBACK_PHOTO_MAX_BYTES


def prepare_photo(upload):
    """A re-encoded copy of an uploaded picture; ValueError with a translated message when refused."""
    if upload.size > max_bytes():
        raise ValueError(
            _("A photo is too large: each may be at most %(size)s MB.") % {"size": max_bytes() // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
        if kind not in ACCEPTED_FORMATS:
            raise ValueError("format")
        if width * height > MAX_PIXELS:
            raise ValueError(_("A photo has too many pixels."))
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True)  # no exif= argument: no metadata
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError, ValueError) as error:
        message = str(error) if isinstance(error, ValueError) and str(error) != "format" else None
        raise ValueError(message or _("A file is not a photo we can read (JPEG, PNG, WebP or GIF).")) from error
    name = f"{secrets.token_hex(16)}.jpg"
    return PreparedPhoto(content=ContentFile(out.getvalue(), name=name), width=width, height=height)
