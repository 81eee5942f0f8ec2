"""Service points in the workspace: managed by the representative and the head; QR code and poster."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from feedback.models import ServicePoint
from feedback.posters import poster_pdf, report_url
from organisations.models import AuditEvent

from .factories import ServicePointFactory

pytestmark = pytest.mark.django_db


def _create_url(cast):
    return reverse("workspace:feedback:point_create", kwargs={"organisation_pk": cast.org_a.pk})


def test_representative_creates_a_point_with_officials_from_the_organisation(cast, client_for):
    response = client_for("rep_a").post(
        _create_url(cast),
        {
            "name": "Dublin Port",
            "name_ga": "Calafort Bhaile Átha Cliath",
            "address": "Dublin 1",
            "officials": [cast.staff_a.pk],
        },
    )
    point = ServicePoint.objects.get(organisation=cast.org_a)
    assert response.status_code == 302
    assert list(point.officials.all()) == [cast.staff_a]
    assert AuditEvent.objects.filter(verb="service_point.create").count() == 1


def test_forged_official_from_another_organisation_is_refused(cast, client_for):
    response = client_for("head_a").post(
        _create_url(cast), {"name": "Dublin Port", "address": "Dublin 1", "officials": [cast.rep_b.pk]}
    )
    assert response.status_code == 200
    assert "officials" in response.context["form"].errors
    assert not ServicePoint.objects.exists()


def test_duplicate_name_is_refused_and_the_input_kept(cast, client_for):
    ServicePointFactory(organisation=cast.org_a, name="Dublin Port")
    response = client_for("rep_a").post(_create_url(cast), {"name": "dublin port", "address": "Somewhere else"})
    assert response.status_code == 200
    assert "Somewhere else" in response.content.decode()
    assert ServicePoint.objects.count() == 1


def test_staff_and_outsiders_cannot_manage_points(cast, client_for):
    point = ServicePointFactory(organisation=cast.org_a)
    url = reverse("workspace:feedback:point_edit", kwargs={"organisation_pk": cast.org_a.pk, "pk": point.pk})
    assert client_for("staff_a").get(url).status_code == 403
    assert client_for("rep_b").get(url).status_code == 404
    wrong_org = reverse("workspace:feedback:point_edit", kwargs={"organisation_pk": cast.org_b.pk, "pk": point.pk})
    assert client_for("rep_b").get(wrong_org).status_code == 404


def test_edit_and_deactivate(cast, client_for):
    point = ServicePointFactory(organisation=cast.org_a, name="Old name")
    kwargs = {"organisation_pk": cast.org_a.pk, "pk": point.pk}
    client = client_for("rep_a")
    response = client.post(
        reverse("workspace:feedback:point_edit", kwargs=kwargs),
        {"name": "New name", "address": "Cork", "is_active": "on"},
    )
    assert response.status_code == 302
    point.refresh_from_db()
    assert (point.name, point.address, point.is_active) == ("New name", "Cork", True)
    client.post(reverse("workspace:feedback:point_deactivate", kwargs=kwargs))
    client.post(reverse("workspace:feedback:point_deactivate", kwargs=kwargs))  # double submit: no second event
    point.refresh_from_db()
    assert point.is_active is False
    assert AuditEvent.objects.filter(verb="service_point.deactivate").count() == 1


def test_detail_shows_the_qr_code_inline(cast, client_for):
    point = ServicePointFactory(organisation=cast.org_a)
    response = client_for("head_a").get(
        reverse("workspace:feedback:point_detail", kwargs={"organisation_pk": cast.org_a.pk, "pk": point.pk})
    )
    html = response.content.decode()
    assert "<svg" in html and report_url(point) in html


def test_report_url_is_absolute_and_short(settings):
    settings.SITE_URL = "https://qcs.example.ie/"
    point = ServicePointFactory()
    assert report_url(point) == f"https://qcs.example.ie/r/{point.code}/"


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="needs zbar-tools, poppler")
def test_poster_qr_code_decodes_to_the_short_url(settings, tmp_path):
    settings.SITE_URL = "https://qcs.example.ie"
    point = ServicePointFactory(name="Rosslare Europort", name_ga="Calafort Ros Láir")
    pdf = poster_pdf(point)
    assert pdf.startswith(b"%PDF")
    (tmp_path / "poster.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "poster.pdf", "poster"], cwd=tmp_path, check=True)
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "poster.png")], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == f"https://qcs.example.ie/r/{point.code}/"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_poster_is_tagged_and_holds_both_languages_and_the_code(tmp_path):
    point = ServicePointFactory(name="Rosslare Europort", name_ga="Calafort Ros Láir")
    pdf = poster_pdf(point)
    (tmp_path / "poster.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "poster.pdf"], cwd=tmp_path, capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
    text = subprocess.run(["pdftotext", "poster.pdf", "-"], cwd=tmp_path, capture_output=True, text=True).stdout
    assert point.code in text and report_url(point) in text
    assert "English" in text and "Gaeilge" in text
    assert "Rosslare Europort" in text and "Calafort Ros Láir" in text
