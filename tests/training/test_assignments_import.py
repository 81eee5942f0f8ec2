"""The HR staff list import: preview, row errors, all or nothing, through the organisations services."""

import csv
import io

import openpyxl
import pytest
import tablib
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.reference_import import run_import
from organisations.models import AuditEvent, Membership, User
from organisations.roles import OrganisationRole
from training.models import Assignment
from training.resources import StaffResource
from training.services.assignments import rule_create

from .factories import assignable_module

HEADER = "Email,First name,Last name,Role"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def url(cast):
    return reverse("workspace:training:staff_import", kwargs={"organisation_pk": cast.org_a.pk})


def upload(client, cast, text, name="staff.csv"):
    content = text.encode() if isinstance(text, str) else text
    return client.post(url(cast), {"file": SimpleUploadedFile(name, content)})


def members_of_a():
    return set(Membership.objects.filter(organisation__name="Revenue Test Office").values_list("user__email", "role"))


def test_a_good_staff_list_is_previewed_then_imported_with_invitations_and_rule_assignments(
    client_for, cast, django_capture_on_commit_callbacks
):
    module = assignable_module(cast.org_a)
    rule_create(actor=cast.head_a, organisation=cast.org_a, module=module, role=OrganisationRole.STAFF, due_days=30)
    client = client_for("head_a")
    text = "\n".join(
        [
            HEADER,
            "aoife.byrne@example.org,Aoife,Byrne,staff",
            "Sean.Walsh@Example.org,Seán,Walsh,Complaints_Officer",
            "staff.a@example.org,Staff,Member,staff",  # already holds the role: unchanged
        ]
    )
    before = members_of_a()
    preview = upload(client, cast, text)
    assert preview.status_code == 200
    assert preview.context["preview"].counts == {"new": 2, "changed": 0, "unchanged": 1, "error": 0}
    assert members_of_a() == before  # the preview changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url(cast), {"token": preview.context["token"]})
    assert done.status_code == 302
    assert members_of_a() == before | {
        ("aoife.byrne@example.org", "staff"),
        ("sean.walsh@example.org", "complaints_officer"),
    }
    aoife = User.objects.get(email="aoife.byrne@example.org")
    assert (aoife.first_name, aoife.last_name) == ("Aoife", "Byrne")
    assert Assignment.objects.filter(user=aoife, module=module).exists()
    assert not Assignment.objects.filter(user__email="sean.walsh@example.org").exists()
    assert AuditEvent.objects.filter(verb="membership.add", actor=cast.head_a).count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["aoife.byrne@example.org", "sean.walsh@example.org"]


def test_one_bad_row_imports_nothing_and_names_every_problem(client_for, cast):
    client = client_for("head_a")
    text = "\n".join(
        [
            HEADER,
            "good.person@example.org,Good,Person,staff",
            "not-an-address,Bad,Email,staff",
            "someone@example.org,Some,One,janitor",
            "good.person@example.org,Good,Person,staff",
        ]
    )
    before = members_of_a()
    response = upload(client, cast, text)
    preview = response.context["preview"]
    assert preview.has_problems and not response.context["token"]
    problems = {row["line"]: " ".join(row["messages"]) for row in preview.rows if row["messages"]}
    assert set(problems) == {3, 4, 5}
    assert "e-mail" in problems[3]
    assert "janitor" in problems[4] and "staff" in problems[4]
    assert "earlier row" in problems[5]
    assert members_of_a() == before
    assert not User.objects.filter(email="good.person@example.org").exists()


def test_heads_may_not_give_head_or_representative_roles_but_administrators_may(client_for, cast):
    text = "\n".join([HEADER, "new.head@example.org,New,Head,head"])
    refused = upload(client_for("head_a"), cast, text).context["preview"]
    assert refused.has_problems and "head" in " ".join(refused.rows[0]["messages"])
    accepted = upload(client_for("admin"), cast, text)
    assert not accepted.context["preview"].has_problems and accepted.context["token"]


def test_the_confirm_step_imports_all_or_nothing_when_a_row_fails_late(cast):
    """A row the services refuse only at save time (a race) rolls back the rows before it."""
    rows = tablib.Dataset(headers=["email", "first_name", "last_name", "role"])
    rows.append(["first@example.org", "First", "Row", "staff"])
    rows.append(["second@example.org", "Second", "Row", "staff"])
    rows.lines = [2, 3]
    resource = StaffResource(organisation=cast.org_a, actor=cast.head_a)
    User.objects.create_user(email="second@example.org")
    resource.held.discard(("second@example.org", "staff"))
    Membership.objects.create(user=User.objects.get(email="second@example.org"), organisation=cast.org_a, role="staff")
    preview = run_import(resource, rows, dry_run=False)
    assert preview.has_problems
    assert not User.objects.filter(email="first@example.org").exists()


def test_blank_and_nan_cells_become_empty_names(cast):
    """Cells a pandas-made export leaves as NaN are blanks, not the text "nan"."""
    import pandas

    frame = pandas.DataFrame(
        [{"email": "nan.person@example.org", "first_name": float("nan"), "last_name": None, "role": "staff"}]
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    from common.reference_import import read_dataset

    dataset = read_dataset(buffer.getvalue(), "xlsx")
    preview = run_import(StaffResource(organisation=cast.org_a, actor=cast.head_a), dataset, dry_run=False)
    assert not preview.has_problems, preview.rows
    person = User.objects.get(email="nan.person@example.org")
    assert (person.first_name, person.last_name) == ("", "")


def test_an_xlsx_staff_list_with_spreadsheet_headers_is_read(client_for, cast):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["E-mail".replace("-", ""), "First Name", "Last Name", "Role"])
    sheet.append(["xlsx.person@example.org", "Xl", "Sx", "STAFF"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(client_for("head_a"), cast, buffer.getvalue(), name="staff.xlsx")
    assert response.context["preview"].counts["new"] == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("staff.csv", b"", "empty"),
        ("staff.pdf", b"%PDF-1.4 not a spreadsheet", ""),
        ("staff.xlsx", b"PK\x03\x04 broken", ""),
        ("staff.csv", b"email,role\nx@example.org,staff\n", "Missing: first_name, last_name"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_change_nothing(client_for, cast, name, content, message):
    before = members_of_a()
    response = upload(client_for("head_a"), cast, content, name=name)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert errors and message in errors
    assert response.context["preview"] is None
    assert members_of_a() == before


def test_the_template_has_the_columns(client_for, cast):
    response = client_for("head_a").get(
        reverse("workspace:training:staff_import_template", kwargs={"organisation_pk": cast.org_a.pk, "kind": "csv"})
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(content))) == ["email", "first_name", "last_name", "role"]
    xlsx = client_for("head_a").get(
        reverse("workspace:training:staff_import_template", kwargs={"organisation_pk": cast.org_a.pk, "kind": "xlsx"})
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert [cell.value for cell in sheet[1]] == ["email", "first_name", "last_name", "role"]
    unknown = client_for("head_a").get(
        reverse("workspace:training:staff_import_template", kwargs={"organisation_pk": cast.org_a.pk, "kind": "ods"})
    )
    assert unknown.status_code == 404
