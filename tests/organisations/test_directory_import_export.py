"""The organisation directory and members as spreadsheets, for administrators, through the services."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import AuditEvent, Membership, Organisation
from organisations.roles import OrganisationRole

from ..factories import member

ORG_HEADER = "name,short_name,sector,parent,website,email,phone,is_active"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def directory_url():
    return reverse("workspace:organisations:directory_import")


def members_url(organisation):
    return reverse("workspace:organisations:members_import", kwargs={"organisation_pk": organisation.pk})


def upload(client, url, text):
    return client.post(url, {"file": SimpleUploadedFile("file.csv", text.encode())})


def confirm(client, url, preview):
    return client.post(url, {"token": preview.context["token"]})


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_directory_export_names_the_parent(client_for, cast):
    cast.org_b.parent = cast.org_a
    cast.org_b.save()
    url = reverse("workspace:organisations:directory_export", kwargs={"kind": "csv"})
    rows = {row["name"]: row for row in csv_rows(client_for("admin").get(url))}
    assert rows["Social Test Department"]["parent"] == "Revenue Test Office"
    assert rows["Revenue Test Office"]["parent"] == ""


def test_directory_import_creates_and_updates_through_the_services(client_for, cast):
    client = client_for("admin")
    text = "\n".join(
        [
            ORG_HEADER,
            "New Agency,NA,agency,revenue test office,,,,1",
            "Child Office,,local,NA,,,,",  # parent by the short name of a row above
            "Social Test Department,STD,health,,,,,1",
        ]
    )
    preview = upload(client, directory_url(), text)
    assert preview.context["preview"].counts == {"new": 2, "changed": 1, "unchanged": 0, "error": 0}
    assert not Organisation.objects.filter(name="New Agency").exists()
    assert confirm(client, directory_url(), preview).status_code == 302
    child = Organisation.objects.get(name="Child Office")
    assert child.parent.name == "New Agency" and child.is_active
    assert Organisation.objects.get(name="New Agency").parent == cast.org_a
    cast.org_b.refresh_from_db()
    assert cast.org_b.sector == "health"
    verbs = list(AuditEvent.objects.values_list("verb", flat=True))
    assert verbs.count("organisation.create") == 2 and "organisation.update" in verbs


def test_directory_unknown_parent_or_sector_commits_nothing(client_for, cast):
    client = client_for("admin")
    text = "\n".join(
        [ORG_HEADER, "Good Body,,agency,,,,,1", "Orphan,,agency,Nowhere Council,,,,1", "Odd,,martian,,,,,1"]
    )
    preview = upload(client, directory_url(), text)
    rows = preview.context["preview"].rows
    assert [(row["line"], row["kind"]) for row in rows] == [(2, "new"), (3, "error"), (4, "error")]
    assert rows[1]["messages"] == ["parent: No organisation is called “Nowhere Council”."]
    assert rows[2]["messages"][0].startswith("sector: “martian” is not one of")
    assert not Organisation.objects.filter(name="Good Body").exists()


def test_directory_is_for_administrators_only(client_for, cast):
    for role in ["rep_a", "head_a", "lead", "evaluator"]:
        assert upload(client_for(role), directory_url(), ORG_HEADER).status_code == 403, role


def test_members_export_lists_roles(client_for, cast):
    url = reverse("workspace:organisations:members_export", kwargs={"organisation_pk": cast.org_a.pk, "kind": "csv"})
    rows = csv_rows(client_for("admin").get(url))
    assert sorted((row["email"], row["role"]) for row in rows) == [
        ("complaints.a@example.org", "complaints_officer"),
        ("head.a@example.org", "head"),
        ("rep.a@example.org", "representative"),
        ("staff.a@example.org", "staff"),
    ]


def test_members_import_goes_through_member_add(client_for, cast, mailoutbox, django_capture_on_commit_callbacks):
    client = client_for("admin")
    text = (
        "email,first_name,last_name,role\n"
        "New.Person@example.org,Nora,Byrne,complaints_officer\n"
        "rep.b@example.org,,,staff\n"
    )
    preview = upload(client, members_url(cast.org_a), text)
    assert preview.context["preview"].counts == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert not mailoutbox and not Membership.objects.filter(user__email="new.person@example.org").exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm(client, members_url(cast.org_a), preview).status_code == 302
    assert sorted(message.to[0] for message in mailoutbox) == ["new.person@example.org", "rep.b@example.org"]
    membership = Membership.objects.get(user__email="new.person@example.org")
    assert membership.role == OrganisationRole.COMPLAINTS_OFFICER and membership.user.first_name == "Nora"
    assert membership.user.has_perm("organisations.handle_feedback", cast.org_a)
    assert Membership.objects.filter(user=cast.rep_b, organisation=cast.org_a, role="staff").exists()
    assert AuditEvent.objects.filter(verb="membership.add").count() == 2


def test_members_duplicate_or_unknown_role_commits_nothing(client_for, cast):
    member(cast.org_a, OrganisationRole.STAFF, email="twice@example.org")
    client = client_for("admin")
    text = (
        "email,role\n"
        "fine@example.org,staff\n"
        "staff.a@example.org,staff\n"  # already has that role
        "other@example.org,emperor\n"
        "not-an-address,staff\n"
        "fine@example.org,staff\n"  # the same row twice in the file
    )
    preview = upload(client, members_url(cast.org_a), text)
    rows = preview.context["preview"].rows
    assert [(row["line"], row["kind"]) for row in rows] == [
        (2, "new"),
        (3, "error"),
        (4, "error"),
        (5, "error"),
        (6, "error"),
    ]
    assert "already has the role" in rows[1]["messages"][0]
    assert rows[2]["messages"][0].startswith("role: “emperor” is not one of")
    assert rows[3]["messages"] == ["email: Enter a valid e-mail address."]
    assert "already has the role" in rows[4]["messages"][0]
    assert not Membership.objects.filter(user__email="fine@example.org").exists()


def test_members_import_is_for_administrators_only(client_for, cast):
    for role, status in [("rep_a", 403), ("head_a", 403), ("rep_b", 404), ("lead", 403)]:
        assert upload(client_for(role), members_url(cast.org_a), "email,role\n").status_code == status, role
