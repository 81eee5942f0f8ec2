"""The completions export for HR: one row per completion, formula-safe, only the organisation's own."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate, CertificateKind
from organisations.roles import OrganisationRole
from training.models import Completion

from ..factories import member
from .factories import completion, published_module

pytestmark = pytest.mark.django_db


def export(client, cast, kind):
    url = reverse("workspace:training:completions_export", kwargs={"organisation_pk": cast.org_a.pk, "kind": kind})
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def completions(cast):
    version = published_module(cast.org_a, title='=HYPERLINK("http://evil.example","Click")')
    cast.staff_a.first_name, cast.staff_a.last_name = "@Sum", "-Walsh"
    cast.staff_a.save()
    member(cast.org_a, OrganisationRole.COMPLAINTS_OFFICER, user=cast.staff_a)
    certificate = Certificate.objects.create(
        kind=CertificateKind.TRAINING, holder_name="x", title="t", issued_at=timezone.now(), code="ABCD2345"
    )
    done = completion(
        cast.staff_a,
        cast.org_a,
        version,
        completed_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 30)),
        expires_on=datetime.date(2028, 3, 2),
    )
    Completion.objects.filter(pk=done.pk).update(certificate=certificate)
    completion(cast.rep_b, cast.org_b, published_module(cast.org_b))  # another organisation's
    return version


def test_csv_export_has_every_column_and_escapes_formulas(client_for, cast, completions):
    rows = list(csv.DictReader(io.StringIO(export(client_for("head_a"), cast, "csv").decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == ["person", "email", "role", "module", "version", "completed", "expires", "certificate_code"]
    assert row["person"] == "'@Sum -Walsh"
    assert row["module"].startswith("'=HYPERLINK")
    assert row["email"] == "staff.a@example.org"
    assert set(row["role"].split(", ")) == {"Staff member", "Complaints officer"}
    assert (row["version"], row["completed"], row["expires"]) == ("1", "2026-03-02 10:30", "2028-03-02")
    assert row["certificate_code"] == "ABCD2345"


def test_xlsx_export_writes_text_never_formulas(client_for, cast, completions):
    sheet = openpyxl.load_workbook(io.BytesIO(export(client_for("admin"), cast, "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, sheet[2], strict=True))
    assert values["module"].value.startswith("'=HYPERLINK") and values["module"].data_type == "s"
    assert sheet.max_row == 2


def test_a_former_member_is_named_as_such(client_for, cast, completions):
    cast.staff_a.memberships.all().delete()
    rows = list(csv.DictReader(io.StringIO(export(client_for("head_a"), cast, "csv").decode("utf-8-sig"))))
    assert rows[0]["role"] == "no longer a member"


def test_an_unknown_kind_is_not_found(client_for, cast):
    url = reverse("workspace:training:completions_export", kwargs={"organisation_pk": cast.org_a.pk, "kind": "pdf"})
    assert client_for("head_a").get(url).status_code == 404
