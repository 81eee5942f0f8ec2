"""The public red-button page: report, photos, anonymity, receipt, notification, rate limit."""

import io
import logging
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.hashers import check_password
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from PIL import Image

from feedback.models import Case, CaseCategory, CaseChannel, CasePhoto
from feedback.receipts import receipt_check
from organisations.roles import OrganisationRole
from tests.factories import OrganisationFactory, member

from .factories import ServicePointFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
AGENT = "AgentOfTest/9.9 (very-distinct-agent)"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def jpeg_with_gps(size=(64, 48)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "TestCamera Maker"  # Make
    gps = {1: "N", 2: (53.0, 20.0, 42.0), 3: "W", 4: (6.0, 15.0, 1.0)}
    exif[0x8825] = gps  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def point():
    organisation = OrganisationFactory(name="Customs Test Office")
    return ServicePointFactory(organisation=organisation, name="Dublin Port", name_ga="Calafort Átha Cliath")


def report_url(point):
    return reverse("public_feedback:report", kwargs={"code": point.code})


def anonymous_report(**extra):
    return {
        "category": CaseCategory.CONDUCT,
        "description": "An official asked me for cash.",
        "happened_on": "2026-01-05",
        "identity": "anonymous",
        **extra,
    }


def post(client, point, data, **meta):
    return client.post(report_url(point), data, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, **meta)


def test_form_is_light_and_has_no_third_party_assets(client, point):
    response = client.get(report_url(point))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dublin Port" in html and 'enctype="multipart/form-data"' in html
    assert "<script" not in html
    links = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert all(not link.startswith(("http:", "https:", "//")) for link in links)
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    css_bytes = sum(Path(finders.find(path.removeprefix("/static/"))).stat().st_size for path in css)
    assert len(response.content) + css_bytes < 50 * 1024


def test_unknown_and_inactive_codes_get_a_clear_404(client, point):
    assert client.get(reverse("public_feedback:report", kwargs={"code": "NOPE123"})).status_code == 404
    point.is_active = False
    point.save()
    response = client.get(report_url(point))
    assert response.status_code == 404
    assert "does not take reports" in response.content.decode()
    assert post(client, point, anonymous_report()).status_code == 404
    assert not Case.objects.exists()


def test_irish_page(client, point):
    client.cookies["django_language"] = "ga"
    html = client.get(report_url(point)).content.decode()
    assert '<html lang="ga">' in html and "Calafort Átha Cliath" in html


def test_anonymous_report_with_photo_holds_nothing_about_the_reporter(client, point):
    response = post(client, point, {**anonymous_report(), "photos": [upload(jpeg_with_gps())]})
    assert response.status_code == 200
    html = response.content.decode()
    case = Case.objects.get()
    receipt = re.search(r'<strong id="receipt">([^<]+)</strong>', html).group(1)
    # shown once, in the POST's own response, never cached, no session or cookie made for it
    assert receipt.startswith(case.reference + "-")
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()
    # the row: no contact, no user, channel and service point from the code
    assert case.is_anonymous and case.channel == CaseChannel.RED_BUTTON and case.service_point == point
    assert (case.reporter_name, case.reporter_email, case.reporter_phone) == ("", "", "")
    assert case.logged_by is None and case.assigned_to is None
    # the model has no field for an address, user agent, session or user of the reporter
    names = {field.name for field in Case._meta.get_fields()}
    assert not {name for name in names if re.search(r"(^|_)(ip|agent|session|addr|address|remote|user)(_|$)", name)}
    user_links = {
        f.name
        for f in Case._meta.get_fields()
        if isinstance(f, models.ForeignKey) and f.related_model._meta.label == "organisations.User"
    }
    assert user_links == {"assigned_to", "logged_by"}
    # the receipt: only a slow hash is kept, it opens the case, wrong ones open nothing
    secret = receipt.split("-", 1)[1]
    assert secret not in case.receipt_hash and receipt not in case.receipt_hash
    assert check_password(secret, case.receipt_hash)
    assert receipt_check(receipt) == case
    assert receipt_check(receipt.lower()) == case
    assert receipt_check(case.reference + "-WRONGSECRET2") is None
    assert receipt_check("NOSUCHRF-" + secret) is None
    # the photo: re-encoded, random name, under case-photos/, no EXIF (GPS, camera) left
    photo = CasePhoto.objects.get(case=case)
    assert re.fullmatch(r"case-photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", photo.image.name)
    with photo.image.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert stored.format == "JPEG"
        assert len(stored.getexif()) == 0
        assert 0x8825 not in stored.getexif()
        assert "exif" not in stored.info
    # nothing address-like anywhere in the database
    assert_nowhere_in_database(ADDRESS, AGENT)


def assert_nowhere_in_database(*needles):
    for model in apps.get_models():
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField, models.GenericIPAddressField))
        ]
        if not text_fields:
            continue
        for row in model.objects.values_list(*text_fields):
            for value in row:
                for needle in needles:
                    assert needle not in str(value), f"{needle!r} found in {model._meta.label}"


def test_contact_details_with_anonymous_are_refused_clearly(client, point):
    response = post(client, point, anonymous_report(reporter_email="me@example.org", description="Keep me"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "You chose to stay anonymous" in html and "Keep me" in html
    assert not Case.objects.exists()


def test_report_with_contact_details(client, point):
    data = {
        **anonymous_report(category=CaseCategory.COMPLAINT),
        "identity": "contact",
        "reporter_name": "Máire",
        "reporter_email": "maire@example.org",
    }
    assert post(client, point, data).status_code == 200
    case = Case.objects.get()
    assert not case.is_anonymous and case.reporter_email == "maire@example.org"


def test_contact_chosen_but_none_given(client, point):
    response = post(client, point, {**anonymous_report(), "identity": "contact"})
    assert "Give an e-mail address or a phone number" in response.content.decode()
    assert not Case.objects.exists()


def test_not_an_image_is_refused_and_the_text_kept(client, point):
    data = {**anonymous_report(description="My words"), "photos": [upload(b"%PDF-1.4 not a photo", "x.jpg")]}
    html = post(client, point, data).content.decode()
    assert "not a photo we can read" in html and "My words" in html
    assert "choose them again" in html
    assert not Case.objects.exists()


def test_oversize_photo_is_refused(client, point, settings):
    settings.FEEDBACK_PHOTO_MAX_BYTES = 1024 * 1024
    big = jpeg_with_gps() + b"\0" * (1024 * 1024)
    html = post(client, point, {**anonymous_report(), "photos": [upload(big)]}).content.decode()
    assert "too large" in html
    assert not Case.objects.exists()


def test_too_many_photos_are_refused(client, point, settings):
    settings.FEEDBACK_PHOTO_MAX_FILES = 1
    files = [upload(jpeg_with_gps(), "a.jpg"), upload(jpeg_with_gps(), "b.jpg")]
    html = post(client, point, {**anonymous_report(), "photos": files}).content.decode()
    assert "at most 1 photos" in html
    assert not Case.objects.exists()


def test_missing_fields_and_future_date(client, point):
    html = post(client, point, {"identity": "anonymous", "happened_on": "2999-01-01"}).content.decode()
    assert "There is a problem" in html and "cannot be in the future" in html
    assert not Case.objects.exists()


def test_head_is_notified_with_a_link_and_no_content(client, point, django_capture_on_commit_callbacks):
    head = member(point.organisation, OrganisationRole.HEAD, email="head@example.org")
    member(point.organisation, OrganisationRole.STAFF, email="staff@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, point, anonymous_report())
    case = Case.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [head.email]
    assert "A new report" in message.subject and case.reference in message.body
    assert "cash" not in message.body and "http" in message.body


def test_rate_limit_keys_on_a_hash_kept_out_of_database_and_logs(client, point, settings, caplog):
    settings.FEEDBACK_REPORT_RATE = "2/h"
    caplog.set_level(logging.DEBUG)
    for _ in range(2):
        assert post(client, point, anonymous_report()).status_code == 200
    response = post(client, point, anonymous_report(description="Third one"))
    assert response.status_code == 429
    assert "Third one" in response.content.decode()
    assert Case.objects.count() == 2
    # another address is not limited
    assert client.post(report_url(point), anonymous_report(), REMOTE_ADDR="198.51.100.5").status_code == 200
    assert_nowhere_in_database(ADDRESS, AGENT)
    logged = "\n".join(record.getMessage() + repr(record.__dict__) for record in caplog.records)
    assert ADDRESS not in logged and AGENT not in logged
    assert any("too many from one address" in record.getMessage() for record in caplog.records)
