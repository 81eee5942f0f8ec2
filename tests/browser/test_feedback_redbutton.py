"""On a phone: scan the QR code (open r/<code>/), report anonymously with a photo, see the receipt once.
Also the workspace side: a service point's page with its QR code, checked with axe."""

import io

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from feedback.models import Case, CasePhoto

from ..feedback.factories import ServicePointFactory
from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def photo_file(tmp_path):
    path = tmp_path / "counter.jpg"
    image = Image.new("RGB", (120, 90), (30, 90, 200))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (53.0, 20.0, 42.0), 3: "W", 4: (6.0, 15.0, 1.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


def test_scan_report_anonymously_with_a_photo_and_get_the_receipt(page, cast, tmp_path):
    point = ServicePointFactory(organisation=cast.org_a, name="Dublin Port")
    page.set_viewport_size(PHONE)
    page.goto(reverse("public_feedback:report", kwargs={"code": point.code}))
    assert_accessible(page, "report form")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_label("Unethical conduct by an official").check()
    page.get_by_label("What happened?").fill("An official asked me for cash to clear my parcel.")
    page.get_by_label("Photos").set_input_files(str(photo_file(tmp_path)))
    page.get_by_label("No, I want to stay anonymous", exact=False).check()
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_load_state("networkidle")
    receipt = page.locator("#receipt").inner_text()
    case = Case.objects.get()
    assert receipt.startswith(case.reference + "-")
    assert case.is_anonymous and CasePhoto.objects.filter(case=case).count() == 1
    assert_accessible(page, "receipt")


def test_errors_keep_the_text_on_a_phone(page, cast):
    point = ServicePointFactory(organisation=cast.org_a)
    page.set_viewport_size(PHONE)
    page.goto(reverse("public_feedback:report", kwargs={"code": point.code}))
    page.get_by_label("What happened?").fill("Kept text")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_label("What happened?")).to_have_value("Kept text")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "report form with errors")


def test_unknown_code_page_is_accessible(page, cast):
    page.set_viewport_size(PHONE)
    page.goto(reverse("public_feedback:report", kwargs={"code": "ZZZZZZZ"}))
    expect(page.locator("body")).to_contain_text("does not take reports")
    assert_accessible(page, "unknown code")


def test_service_point_pages_for_the_representative(page, cast):
    point = ServicePointFactory(organisation=cast.org_a, name="Cork Airport")
    log_in(page, cast.rep_a)
    page.goto(reverse("workspace:feedback:point_list", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "service points")
    page.goto(reverse("workspace:feedback:point_detail", kwargs={"organisation_pk": cast.org_a.pk, "pk": point.pk}))
    expect(page.locator("figure.qr-code svg")).to_have_count(1)
    assert_accessible(page, "service point")
    page.goto(reverse("workspace:feedback:point_create", kwargs={"organisation_pk": cast.org_a.pk}))
    assert_accessible(page, "new service point")


def test_without_a_camera_type_the_code_from_the_home_page(page, cast):
    point = ServicePointFactory(organisation=cast.org_a, name="Dublin Port")
    page.set_viewport_size(PHONE)
    page.goto(reverse("portal:home"))
    page.get_by_role("link", name="Make a complaint").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a complaint")
    assert_accessible(page, "make a complaint")
    page.get_by_label("Service point code").fill("WRONG99")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("No service point takes reports with this code")
    expect(page.get_by_label("Service point code")).to_have_value("WRONG99")
    assert_accessible(page, "make a complaint, code refused")
    page.get_by_label("Service point code").fill(point.code.lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about our service")
    expect(page.locator("body")).to_contain_text("Dublin Port")
