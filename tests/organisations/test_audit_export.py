"""The audit-log export: the events the page shows, as CSV or XLSX, formula-safe, same access as the page."""

import csv
import io

import openpyxl
from django.urls import reverse

from organisations.audit import audit_record


def export(client, organisation, kind):
    url = reverse("workspace:organisations:audit_export", kwargs={"organisation_pk": organisation.pk, "kind": kind})
    return client.get(url)


def test_csv_lists_only_the_organisations_events(client_for, cast):
    audit_record(actor=cast.admin, verb="test.a", target=cast.org_a, organisation=cast.org_a, after={"x": "é"})
    audit_record(actor=cast.admin, verb="test.b", target=cast.org_b, organisation=cast.org_b)
    response = export(client_for("head_a"), cast.org_a, "csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["verb"] for row in rows] == ["test.a"]
    assert rows[0]["who"] == "admin@example.org"
    assert rows[0]["after"] == '{"x": "é"}'
    assert rows[0]["before"] == ""


def test_xlsx_writes_user_text_as_text(client_for, cast):
    audit_record(actor=cast.admin, verb="test.a", target=cast.org_a, organisation=cast.org_a)
    cast.org_a.name = '=HYPERLINK("http://evil.example","x")'
    audit_record(actor=cast.admin, verb="test.b", target=cast.org_a, organisation=cast.org_a)
    response = export(client_for("admin"), cast.org_a, "xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert {"test.a", "test.b"} <= {cell.value for cell in cells}
    assert any(str(cell.value).startswith("'=HYPERLINK") for cell in cells)


def test_same_access_as_the_audit_page(client_for, cast):
    for role, status in [("rep_a", 403), ("staff_a", 403), ("rep_b", 404), ("lead", 403), ("anonymous", 302)]:
        assert export(client_for(role), cast.org_a, "csv").status_code == status, role


def test_unknown_kind_is_404(client_for, cast):
    assert export(client_for("admin"), cast.org_a, "pdf").status_code == 404
