"""The public verification page: found, expired, revoked, not found (same shape), typed codes, rate limit."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate, CertificateKind
from certificates.services import certificate_issue, display_code, normalised_code
from organisations.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(cast):
    return certificate_issue(
        actor=cast.staff_a,
        kind=CertificateKind.TRAINING,
        holder_name="Áine Ní Bhriain",
        title="Quality customer service: the basics",
        title_ga="Seirbhís ar ardchaighdeán: na bunghnéithe",
        organisation=cast.org_a,
        valid_until=timezone.localdate() + datetime.timedelta(days=300),
    )


def _verify(client, code):
    return client.get(reverse("certificates:verify", kwargs={"code": code}))


def test_issuing_a_certificate_is_audited(certificate):
    event = AuditEvent.objects.get(verb="certificate.issue")
    assert event.after["code"] == certificate.code and event.organisation == certificate.organisation


def test_a_valid_certificate_shows_who_what_and_until_when_without_signing_in(client, certificate):
    response = _verify(client, certificate.code)
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Certificate verified", "genuine and valid", "Áine Ní Bhriain", "the basics", "Revenue Test Office"):
        assert text in page
    assert display_code(certificate.code) in page
    assert certificate.valid_until.strftime("%Y") in page


def test_an_expired_certificate_says_so(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    assert "has expired" in _verify(client, certificate.code).content.decode()


def test_a_revoked_certificate_says_so(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=timezone.now(), revoked_reason="Issued in error")
    page = _verify(client, certificate.code).content.decode()
    assert "was revoked" in page and "Issued in error" in page


def test_an_unknown_code_is_not_found_with_no_hint(client, certificate):
    other = "0" * 16 if certificate.code != "0" * 16 else "1" * 16
    for code in (other, "nonsense", certificate.code[:-1]):
        response = _verify(client, code)
        page = response.content.decode()
        assert response.status_code == 404
        assert "Certificate not found" in page and "No certificate has this code." in page
        assert "Áine" not in page and "Revenue" not in page


def test_codes_are_read_as_typed_from_paper(client, certificate):
    typed = display_code(certificate.code).lower().replace("0", "o").replace("1", "l")
    assert normalised_code(typed) == certificate.code
    assert normalised_code(" " + display_code(certificate.code) + " ") == certificate.code
    assert _verify(client, typed).status_code == 200


def test_the_form_sends_a_typed_code_to_its_page(client, certificate):
    start = reverse("certificates:verify_start")
    assert client.get(start).status_code == 200
    response = client.get(start, {"code": display_code(certificate.code).lower()})
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:verify", kwargs={"code": certificate.code})
    response = client.get(start, {"code": "not a code"})
    assert response.status_code == 404 and "No certificate has this code." in response.content.decode()


@override_settings(CERTIFICATE_VERIFY_RATE="3/m")
def test_checking_many_codes_is_rate_limited(client, certificate, monkeypatch):
    monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: 1_800_000_000.0))  # one window
    for _ in range(3):
        assert _verify(client, "0" * 16).status_code == 404
    response = _verify(client, certificate.code)
    assert response.status_code == 429 and "Too many" in response.content.decode()
    assert "Áine" not in response.content.decode()


def test_the_public_home_links_to_verification(client):
    page = client.get(reverse("portal:home")).content.decode()
    assert reverse("certificates:verify_start") in page


def test_the_verification_page_loads_nothing_from_elsewhere(client, certificate):
    page = _verify(client, certificate.code).content.decode()
    assert "https://" not in page and "http://" not in page.replace("http://testserver", "")
