"""The standards library: export to CSV/XLSX, re-import with a preview, all rows or none, through the services."""

import csv
import io
import os
import time
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import AuditEvent
from standards.models import ServiceStandard, StandardTarget
from standards.services.definitions import standard_target_change

from .factories import standard_with_target

HEADER = "code,title,channel,principle,measure,threshold,threshold_unit,frequency,applies_from,applies_to,target,higher_is_better,tolerance"  # noqa: E501


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def export_url(cast, kind):
    return reverse("workspace:standards:library_export", kwargs={"organisation_pk": cast.org_a.pk, "kind": kind})


def import_url(cast):
    return reverse("workspace:standards:library_import", kwargs={"organisation_pk": cast.org_a.pk})


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def upload(client, cast, text, name="standards.csv"):
    content = text.encode() if isinstance(text, str) else text
    return client.post(import_url(cast), {"file": SimpleUploadedFile(name, content)})


def confirm(client, cast, preview_response):
    return client.post(import_url(cast), {"token": preview_response.context["token"]})


def row(code="S1", title="Calls answered within 5 minutes", target="80", **overrides):
    values = {
        "code": code,
        "title": title,
        "channel": "phone",
        "principle": "timeliness",
        "measure": "percent_within",
        "threshold": "5",
        "threshold_unit": "minutes",
        "frequency": "quarterly",
        "applies_from": "2024-01-01",
        "applies_to": "",
        "target": target,
        "higher_is_better": "1",
        "tolerance": "",
    }
    values.update(overrides)
    return ",".join(values[name] for name in HEADER.split(","))


def csv_file(*rows):
    return "\n".join([HEADER, *rows]) + "\n"


def test_export_csv_lists_the_standards_with_their_target_today(client_for, cast):
    standard_with_target(cast.org_a, code="S1", target="85")
    standard_with_target(cast.org_b, code="OTHER")
    response = client_for("staff_a").get(export_url(cast, "csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = csv_rows(response)
    assert [(r["code"], Decimal(r["target"]), r["tolerance"]) for r in rows] == [("S1", Decimal("85"), "")]


def test_export_xlsx_writes_no_formula(client_for, cast):
    standard_with_target(cast.org_a, code="S1", title='=HYPERLINK("http://evil.example","click")')
    response = client_for("rep_a").get(export_url(cast, "xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert '\'=HYPERLINK("http://evil.example","click")' in [cell.value for cell in cells]


def test_an_export_with_formula_text_imports_back_unchanged(client_for, cast):
    standard_with_target(cast.org_a, code="S1", title="=not a formula", target="85")
    client = client_for("rep_a")
    exported = b"".join(client.get(export_url(cast, "xlsx")).streaming_content)
    response = upload(client, cast, exported, name="standards.xlsx")
    assert response.context["preview"].counts == {"new": 0, "changed": 0, "unchanged": 1, "error": 0}


def test_unknown_export_kind_is_404(client_for, cast):
    url = reverse("workspace:standards:library_export", kwargs={"organisation_pk": cast.org_a.pk, "kind": "pdf"})
    assert client_for("rep_a").get(url).status_code == 404


def test_round_trip_of_an_unchanged_export_changes_nothing(client_for, cast):
    standard_with_target(cast.org_a, code="S1", target="85")
    client = client_for("rep_a")
    exported = b"".join(client.get(export_url(cast, "xlsx")).streaming_content)
    response = upload(client, cast, exported, name="standards.xlsx")
    assert response.context["preview"].counts == {"new": 0, "changed": 0, "unchanged": 1, "error": 0}
    assert not response.context["preview"].has_changes


def test_preview_then_confirm_creates_and_updates_through_the_services(client_for, cast):
    existing = standard_with_target(cast.org_a, code="S1", target="80")
    client = client_for("rep_a")
    events_before = AuditEvent.objects.count()
    preview = upload(client, cast, csv_file(row("S1", title="Calls answered quickly", target="90"), row("S2")))
    assert preview.status_code == 200
    assert preview.context["preview"].counts == {"new": 1, "changed": 1, "unchanged": 0, "error": 0}
    assert [r["changed"] for r in preview.context["preview"].rows][0] == ["title", "target"]
    assert ServiceStandard.objects.filter(organisation=cast.org_a).count() == 1  # the preview commits nothing
    assert AuditEvent.objects.count() == events_before

    response = confirm(client, cast, preview)
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Calls answered quickly"
    assert list(existing.targets.order_by("valid_from").values_list("target", flat=True)) == [
        Decimal("80"),
        Decimal("90"),
    ]  # the old target stays for the periods it judged
    assert ServiceStandard.objects.get(organisation=cast.org_a, code="S2").targets.get().target == Decimal("80")
    verbs = set(AuditEvent.objects.order_by("pk").values_list("verb", flat=True)[events_before:])
    assert {"standard.create", "standard.update", "standard.target_change"} <= verbs


def test_one_bad_row_commits_nothing_and_every_problem_has_its_line(client_for, cast):
    client = client_for("rep_a")
    preview = upload(
        client,
        cast,
        csv_file(
            row("S1"),
            row("S2", measure="count"),  # a count has no threshold
            row("S3", channel="pigeon"),
            row("S4", target="250"),  # a percentage above 100
            row("S5", target="not a number"),
            row("S1", title="again"),
        ),
    )
    rows = preview.context["preview"].rows
    assert [(r["line"], r["kind"]) for r in rows] == [
        (2, "new"),
        (3, "error"),
        (4, "error"),
        (5, "error"),
        (6, "error"),
        (7, "error"),
    ]
    assert "threshold" in rows[1]["messages"][0]
    assert rows[2]["messages"][0].startswith("channel: “pigeon” is not one of")
    assert "between 0 and 100" in rows[3]["messages"][0]
    assert rows[4]["messages"][0].startswith("target:")
    assert "earlier row" in rows[5]["messages"][0]
    assert b'name="token"' not in preview.content
    assert not ServiceStandard.objects.filter(organisation=cast.org_a).exists()


def test_confirm_rechecks_and_commits_nothing_when_the_data_changed(client_for, cast):
    existing = standard_with_target(cast.org_a, code="S1", measure="count", threshold=None, threshold_unit="")
    client = client_for("rep_a")
    preview = upload(client, cast, csv_file(row("S1"), row("S2")))
    assert preview.context["preview"].counts == {"new": 1, "changed": 1, "unchanged": 0, "error": 0}
    # Between preview and confirm someone sets a target that a percentage cannot have.
    standard_target_change(actor=cast.rep_a, standard=existing, target=Decimal("150"), reason="More calls")
    response = confirm(client, cast, preview)
    assert response.status_code == 200
    problems = [r for r in response.context["preview"].rows if r["kind"] == "error"]
    assert [r["line"] for r in problems] == [2]
    assert "between 0 and 100" in problems[0]["messages"][0]
    existing.refresh_from_db()
    assert existing.measure == "count"
    assert not ServiceStandard.objects.filter(organisation=cast.org_a, code="S2").exists()


def test_a_double_submit_imports_once(client_for, cast):
    client = client_for("rep_a")
    preview = upload(client, cast, csv_file(row("S1")))
    assert confirm(client, cast, preview).status_code == 302
    again = confirm(client, cast, preview)
    assert again.status_code == 302
    assert ServiceStandard.objects.filter(organisation=cast.org_a).count() == 1
    assert StandardTarget.objects.filter(standard__organisation=cast.org_a).count() == 1


def test_a_forged_or_foreign_token_changes_nothing(client_for, cast):
    preview = upload(client_for("rep_a"), cast, csv_file(row("S1")))
    response = client_for("admin").post(import_url(cast), {"token": preview.context["token"]})
    assert response.status_code == 302
    response = client_for("rep_a").post(import_url(cast), {"token": "forged"})
    assert response.status_code == 302
    assert not ServiceStandard.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\xd0\xcf\x11\xe0rest", "Excel 97-2003"),
        (b"code,title\nS1,x\n", "Missing: channel"),
        ("code;title\n".encode("utf-16"), "not"),
    ],
)
def test_bad_files_are_refused_with_a_message(client_for, cast, content, message):
    response = client_for("rep_a").post(import_url(cast), {"file": SimpleUploadedFile("f.csv", content)})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert response.context["preview"] is None


def test_xlsx_archives_are_checked_for_size_before_opening(client_for, cast, settings):
    settings.STANDARDS_IMPORT_MAX_UNCOMPRESSED_BYTES = 10
    standard_with_target(cast.org_a, code="S1")
    client = client_for("rep_a")
    exported = b"".join(client.get(export_url(cast, "xlsx")).streaming_content)
    response = upload(client, cast, exported, name="standards.xlsx")
    assert "unpacks to" in " ".join(response.context["form"].errors["file"])


def test_blank_cells_are_none(client_for, cast):
    client = client_for("rep_a")
    preview = upload(client, cast, csv_file(row("S1", measure="count", threshold=" ", threshold_unit="")))
    confirm(client, cast, preview)
    standard = ServiceStandard.objects.get(code="S1")
    assert standard.threshold is None and standard.applies_to is None
    assert standard.targets.get().tolerance is None


def test_other_members_cannot_import(client_for, cast):
    for role, status in [("head_a", 403), ("staff_a", 403), ("rep_b", 404), ("evaluator", 403)]:
        response = client_for(role).post(import_url(cast), {"file": SimpleUploadedFile("f.csv", b"x")})
        assert response.status_code == status, role


def test_line_numbers_count_blank_rows_and_the_row_cap(client_for, cast, settings, monkeypatch):
    client = client_for("rep_a")
    preview = upload(client, cast, csv_file(row("S1"), ",,,,,,,,,,,,", row("S2", channel="pigeon")))
    assert [(r["line"], r["kind"]) for r in preview.context["preview"].rows] == [(2, "new"), (4, "error")]
    monkeypatch.setattr("common.reference_import.MAX_ROWS", 1)
    response = upload(client, cast, csv_file(row("S1"), row("S2")))
    assert "at most 1 can be imported" in " ".join(response.context["form"].errors["file"])


def test_files_are_kept_only_while_they_can_be_confirmed(client_for, cast, settings):
    folder = settings.MEDIA_ROOT / "reference_imports"
    client = client_for("rep_a")
    upload(client, cast, csv_file(row("S1", channel="pigeon")))
    assert not list(folder.iterdir())  # a preview with problems keeps nothing
    preview = upload(client, cast, csv_file(row("S1")))
    assert len(list(folder.iterdir())) == 1
    confirm(client, cast, preview)
    assert not list(folder.iterdir())


def test_unconfirmed_files_are_removed_once_their_token_expired(client_for, cast, settings):
    client = client_for("rep_a")
    upload(client, cast, csv_file(row("S1")))
    (stale,) = (settings.MEDIA_ROOT / "reference_imports").iterdir()
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    upload(client, cast, csv_file(row("S2")))
    assert not stale.exists()
