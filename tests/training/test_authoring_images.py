"""Lesson images: type checked by content, size and pixels capped, metadata dropped, served only to readers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from common.errors import ServiceError
from tests.training.factories import draft_module, lesson_image, png_bytes, published_module
from training.images import clean_image
from training.models import LessonImage, ModuleAdoption
from training.services.authoring_content import lesson_image_upload


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _upload(content, name="picture.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _jpeg_with_exif():
    image = Image.new("RGB", (8, 8), (10, 200, 10))
    exif = Image.Exif()
    exif[0x010E] = "secret description"  # ImageDescription
    exif[0x8825] = {2: (53.0, 20.0, 0.0)}  # GPS latitude
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


class TestCleanImage:
    def test_a_png_is_re_encoded(self):
        cleaned = clean_image(_upload(png_bytes((5, 4))))
        assert (cleaned.content_type, cleaned.width, cleaned.height) == ("image/png", 5, 4)
        assert Image.open(io.BytesIO(cleaned.content)).format == "PNG"

    def test_a_jpeg_loses_its_metadata(self):
        original = _jpeg_with_exif()
        assert b"secret description" in original
        cleaned = clean_image(_upload(original, "photo.jpg", "image/jpeg"))
        assert cleaned.content_type == "image/jpeg"
        assert b"secret description" not in cleaned.content
        assert not Image.open(io.BytesIO(cleaned.content)).getexif()

    @pytest.mark.parametrize(
        "content",
        [b"<script>alert(1)</script>", b"%PDF-1.4 not an image", b"\x89PNG\r\n\x1a\n truncated", b""],
    )
    def test_what_is_not_an_image_is_refused_whatever_its_name(self, content):
        with pytest.raises(ServiceError, match="not a PNG") as refused:
            clean_image(_upload(content, "innocent.png"))
        assert refused.value.field == "image"

    def test_an_image_of_another_type_is_refused(self):
        output = io.BytesIO()
        Image.new("RGB", (4, 4)).save(output, format="BMP")
        with pytest.raises(ServiceError, match="not a PNG"):
            clean_image(_upload(output.getvalue(), "picture.png"))

    def test_a_large_file_is_refused(self, settings):
        settings.TRAINING_IMAGE_MAX_BYTES = 100
        with pytest.raises(ServiceError, match="larger than"):
            clean_image(_upload(b"x" * 101))

    def test_too_many_pixels_are_refused(self):
        output = io.BytesIO()
        Image.new("1", (5000, 4500)).save(output, format="PNG")  # a small file of 22.5 million pixels
        with pytest.raises(ServiceError, match="too many pixels"):
            clean_image(_upload(output.getvalue()))


def test_an_upload_is_stored_under_a_random_name(db):
    module = draft_module().module
    image = lesson_image_upload(
        actor=None, module=module, upload=_upload(png_bytes(), "../../etc/passwd.png"), description=" A\nchart "
    )
    assert image.image.name.startswith("training/images/") and "passwd" not in image.image.name
    assert image.original_name == "passwd.png" and image.description == "A chart"


def test_an_image_needs_a_description(db):
    with pytest.raises(ServiceError) as refused:
        lesson_image_upload(actor=None, module=draft_module().module, upload=_upload(png_bytes()), description="  ")
    assert refused.value.field == "description"
    assert not LessonImage.objects.exists()


class TestServing:
    def test_members_of_an_adopting_organisation_see_a_shared_image(self, cast, client_for):
        module = published_module().module
        image = lesson_image(module)
        url = reverse("workspace:training:shared_image", kwargs={"pk": image.pk})
        assert client_for("staff_a").get(url).status_code == 404  # not adopted yet
        ModuleAdoption.objects.create(organisation=cast.org_a, module=module)
        response = client_for("staff_a").get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
        assert client_for("rep_b").get(url).status_code == 404
        assert client_for("evaluator_b").get(url).status_code == 404
        assert client_for("evaluator_a").get(url).status_code == 200

    def test_an_own_image_is_seen_through_its_organisation_only(self, cast, client_for):
        image = lesson_image(published_module(cast.org_a).module)
        own = reverse("workspace:training:image", kwargs={"organisation_pk": cast.org_a.pk, "pk": image.pk})
        forged = reverse("workspace:training:image", kwargs={"organisation_pk": cast.org_b.pk, "pk": image.pk})
        shared = reverse("workspace:training:shared_image", kwargs={"pk": image.pk})
        assert client_for("staff_a").get(own).status_code == 200
        assert client_for("rep_b").get(forged).status_code == 404
        assert client_for("rep_b").get(own).status_code == 404
        assert client_for("admin").get(shared).status_code == 404


class TestUploadPage:
    def _url(self, module):
        return reverse("workspace:training:shared_image_upload", kwargs={"pk": module.pk})

    def test_an_administrator_uploads_and_gets_the_markdown(self, cast, client_for):
        module = draft_module().module
        client = client_for("admin")
        response = client.post(
            self._url(module), {"image": _upload(png_bytes()), "description": "Our counter"}, follow=True
        )
        image = LessonImage.objects.get(module=module)
        snippet = f"![Our counter]({reverse('workspace:training:shared_image', kwargs={'pk': image.pk})})"
        assert snippet in response.content.decode()

    def test_a_bad_file_is_refused_on_the_form(self, cast, client_for):
        module = draft_module().module
        response = client_for("admin").post(
            self._url(module), {"image": _upload(b"GIF89a but not really", "x.gif"), "description": "Something"}
        )
        assert response.status_code == 200
        assert "not a PNG, JPEG, GIF or WebP image" in response.content.decode()
        assert 'value="Something"' in response.content.decode()
        assert not LessonImage.objects.exists()

    def test_an_oversized_file_is_refused_on_the_form(self, cast, client_for, settings):
        settings.TRAINING_IMAGE_MAX_BYTES = 50
        module = draft_module().module
        response = client_for("admin").post(
            self._url(module), {"image": _upload(png_bytes((64, 64), (1, 2, 3)) + b"\0" * 60), "description": "Big"}
        )
        assert "larger than" in response.content.decode()
        assert not LessonImage.objects.exists()
