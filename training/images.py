"""Checking and re-encoding lesson images: the type is read from the content, metadata is dropped.

An upload is refused when it is larger than ``TRAINING_IMAGE_MAX_BYTES`` (2 MB by default), when Pillow
does not recognise it as a PNG, JPEG, GIF or WebP image whatever its name says, or when it has more than
``MAX_PIXELS`` pixels (a small file can unpack into a huge image). What is stored is a new encoding of
the pixels only (JPEG for photographs, PNG for the rest), so EXIF data, comments and anything appended
to the file are gone.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from common.errors import ServiceError

ACCEPTED_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
MAX_PIXELS = 20_000_000


def max_image_bytes():
    return getattr(settings, "TRAINING_IMAGE_MAX_BYTES", 2 * 1024 * 1024)


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    content_type: str
    width: int
    height: int


def clean_image(upload) -> CleanImage:
    """The upload re-encoded without metadata, or a ServiceError saying what is wrong with it."""
    limit = max_image_bytes()
    if upload.size > limit:
        raise ServiceError(
            _("The image is larger than %(size)s MB: make it smaller and try again.")
            % {"size": round(limit / 1024 / 1024, 1)},
            field="image",
        )
    refused = ServiceError(_("This file is not a PNG, JPEG, GIF or WebP image."), field="image")
    raw = upload.read(limit + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                probe.verify()
            image = Image.open(io.BytesIO(raw))
            if image.format not in ACCEPTED_FORMATS:
                raise refused
            if image.width * image.height > MAX_PIXELS:
                raise ServiceError(_("The image has too many pixels: make it smaller and try again."), field="image")
            image.load()
    except ServiceError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise refused from None
    except (OSError, SyntaxError, ValueError):
        raise refused from None
    return _reencode(image)


def _reencode(image):
    output = io.BytesIO()
    if image.format == "JPEG":
        image.convert("RGB").save(output, format="JPEG", quality=85, optimize=True)
        content_type = "image/jpeg"
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        image.convert(mode).save(output, format="PNG", optimize=True)
        content_type = "image/png"
    return CleanImage(output.getvalue(), content_type, image.width, image.height)
