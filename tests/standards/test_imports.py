"""Import of metric values: upload → preview (dry run) → confirm, re-import, background jobs, access."""

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from organisations.models import AuditEvent
from standards.models import ImportJob, ImportStatus, MetricValue, ReturnState, ValueSource

from .factories import MetricValueFactory
from .import_support import (
    confirm,
    csv_file,
    import_url,
    job_url,
    media_root,  # noqa: F401 (fixture)
    return_with_standards,
    upload,
)

pytestmark = pytest.mark.usefixtures("media_root")

GOOD_ROWS = "P1,,850,1000,Calls in March were busy\nP2,90,45,50,\nD1,7.5,,,Working days\n"


@pytest.fixture
def setup(cast):
    return return_with_standards(cast.org_a)


def test_upload_shows_a_preview_and_confirm_writes_every_value(setup, client_for, cast):
    metric_return, standards = setup
    client = client_for("rep_a")
    response, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    assert response.status_code == 200
    assert job.status == ImportStatus.READY
    assert job.preview["counts"] == {"new": 3, "changed": 0, "unchanged": 0}
    assert not MetricValue.objects.exists(), "the preview is a dry run"
    page = response.content.decode()
    assert "Confirm the import" in page
    assert "850 / 1000" in page and "Calls in March were busy" in page

    response = confirm(client, job)
    assert "Imported: 3 new and 0 changed values." in response.content.decode()
    values = {value.standard.code: value for value in MetricValue.objects.select_related("standard")}
    assert values["P1"].value == Decimal("85") and values["P1"].numerator == 850 and values["P1"].denominator == 1000
    assert values["P2"].value == Decimal("90")
    assert values["D1"].value == Decimal("7.5") and values["D1"].numerator is None
    assert {value.source for value in values.values()} == {ValueSource.IMPORT}
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.result == {"new": 3, "changed": 0, "unchanged": 0}
    event = AuditEvent.objects.get(verb="metric_return.import")
    assert event.actor == cast.rep_a and event.after["new"] == 3


def test_preview_lists_new_changed_and_unchanged_rows_with_old_and_new_values(setup, client_for):
    metric_return, standards = setup
    MetricValueFactory(metric_return=metric_return, standard=standards["P1"], numerator=800, denominator=1000, value=80)
    MetricValueFactory(
        metric_return=metric_return, standard=standards["D1"], numerator=None, denominator=None, value=Decimal("7.5")
    )
    client = client_for("rep_a")
    response, job = upload(client, metric_return, csv_file("P1,,850,1000,\nD1,7.5,,,\nP2,,1,2,\n"))
    assert job.status == ImportStatus.READY
    assert job.preview["counts"] == {"new": 1, "changed": 1, "unchanged": 1}
    rows = {row[1]: row for row in job.preview["rows"]}
    assert rows["P1"] == [2, "P1", "changed", ["80", "800", "1000", ""], ["85", "850", "1000", ""]]
    assert rows["D1"][2] == "unchanged" and rows["P2"][2] == "new"
    page = response.content.decode()
    assert "1 new, 1 changed, 1 unchanged." in page
    confirm(client, job)
    assert MetricValue.objects.get(standard=standards["P1"]).value == Decimal("85")
    assert MetricValue.objects.get(standard=standards["D1"]).source == ValueSource.MANUAL, (
        "unchanged rows are not written"
    )


def test_reimport_of_the_same_file_changes_nothing(setup, client_for):
    metric_return, _ = setup
    client = client_for("rep_a")
    _, first = upload(client, metric_return, csv_file(GOOD_ROWS))
    confirm(client, first)
    before = list(MetricValue.objects.order_by("pk").values())
    events = AuditEvent.objects.filter(verb="metric_return.import").count()

    response, again = upload(client, metric_return, csv_file(GOOD_ROWS))
    assert again.preview["counts"] == {"new": 0, "changed": 0, "unchanged": 3}
    page = response.content.decode()
    assert "No changes" in page and "Confirm the import" not in page
    response = confirm(client, again)
    assert "No changes" in response.content.decode()
    assert list(MetricValue.objects.order_by("pk").values()) == before
    assert AuditEvent.objects.filter(verb="metric_return.import").count() == events


def test_stored_file_has_a_random_name_never_the_users(setup, client_for):
    metric_return, _ = setup
    _, job = upload(client_for("rep_a"), metric_return, csv_file(GOOD_ROWS, name="../../etc/passwd rates.csv"))
    assert job.original_name == "passwd rates.csv"
    stored = job.file.name.rsplit("/", 1)[-1]
    assert "passwd" not in job.file.name and len(stored) == len("0" * 32 + ".csv")
    assert len(job.file_sha256) == 64


def test_confirm_twice_imports_once(setup, client_for):
    metric_return, _ = setup
    client = client_for("rep_a")
    _, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    confirm(client, job)
    response = confirm(client, job)
    assert "already been confirmed" in response.content.decode()
    assert MetricValue.objects.count() == 3


def test_confirm_needs_post(setup, client_for):
    metric_return, _ = setup
    client = client_for("rep_a")
    _, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    assert client.get(job_url(job, "import_job_confirm")).status_code == 405
    assert not MetricValue.objects.exists()


@pytest.mark.parametrize("state", [ReturnState.SUBMITTED, ReturnState.ACCEPTED, ReturnState.SUPERSEDED])
def test_no_import_into_a_return_that_is_not_draft_or_queried(cast, client_for, state):
    metric_return, _ = return_with_standards(cast.org_a, state=state)
    client = client_for("rep_a")
    page = client.get(import_url(metric_return)).content.decode()
    assert "Values can be imported only into a draft return" in page and "Upload and check" not in page
    response, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    assert response.status_code == 200 and job is None
    assert "Values can be imported only into a draft return" in response.content.decode()


def test_queried_return_accepts_an_import(cast, client_for):
    metric_return, _ = return_with_standards(cast.org_a, state=ReturnState.QUERIED)
    client = client_for("rep_a")
    _, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    confirm(client, job)
    assert MetricValue.objects.count() == 3


def test_return_submitted_between_preview_and_confirm_gets_nothing(setup, client_for):
    metric_return, _ = setup
    client = client_for("rep_a")
    _, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    metric_return.state = ReturnState.SUBMITTED
    metric_return.save()
    response = confirm(client, job)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "This return is submitted" in response.content.decode()
    assert not MetricValue.objects.exists()


def test_values_changed_after_the_preview_need_a_new_look(setup, client_for):
    metric_return, standards = setup
    client = client_for("rep_a")
    _, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    MetricValueFactory(metric_return=metric_return, standard=standards["P1"], numerator=1, denominator=2, value=50)
    response = confirm(client, job)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY
    assert "The return changed after the file was checked" in response.content.decode()
    assert MetricValue.objects.count() == 1
    confirm(client, job)
    assert MetricValue.objects.count() == 3
    assert MetricValue.objects.get(standard=standards["P1"]).value == Decimal("85")


def test_large_file_is_checked_and_imported_in_the_background(
    setup, client_for, settings, django_capture_on_commit_callbacks
):
    settings.STANDARDS_IMPORT_BACKGROUND_ROWS = 2
    metric_return, _ = setup
    client = client_for("rep_a")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    assert len(callbacks) == 1 and job.status == ImportStatus.PENDING
    page = response.content.decode()
    assert "<progress" in page and "import_progress.js" in page and 'http-equiv="refresh"' in page
    assert "Refresh" in page
    status = json.loads(client.get(job_url(job, "import_job_status")).content)
    assert status["running"] is True and status["status"] == "pending" and status["total_rows"] == 3

    callbacks[0]()  # the Celery task, run eagerly as without a broker
    job.refresh_from_db()
    assert job.status == ImportStatus.READY and job.processed_rows == 3
    assert json.loads(client.get(job_url(job, "import_job_status")).content)["running"] is False

    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, job)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and MetricValue.objects.count() == 3
    page = client.get(job_url(job)).content.decode()
    assert "3 new values, 0 changed, 0 unchanged." in page


def test_background_task_failure_fails_the_job_with_a_message(setup, client_for, settings, monkeypatch):
    from standards import tasks
    from standards.importing import services

    metric_return, _ = setup
    _, job = upload(client_for("rep_a"), metric_return, csv_file(GOOD_ROWS))
    job.status = ImportStatus.READY
    job.save()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.IMPORTING)

    def broken(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "import_job_apply", broken)
    tasks.import_job_apply_task(job.pk, None)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and "nothing was imported" in job.result["message"]


def test_templates_list_the_standards_of_the_return(setup, client_for):
    metric_return, _ = setup
    client = client_for("rep_a")
    kwargs = {"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk}
    from django.urls import reverse

    response = client.get(reverse("workspace:standards:return_import_template", kwargs={**kwargs, "kind": "csv"}))
    assert response["Content-Disposition"].startswith("attachment;")
    lines = response.getvalue().decode("utf-8-sig").splitlines()
    assert lines == ["standard_code,value,numerator,denominator,note", "D1,,,,", "P1,,,,", "P2,,,,"]
    response = client.get(reverse("workspace:standards:return_import_template", kwargs={**kwargs, "kind": "xlsx"}))
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["standard_code", "D1", "P1", "P2"]
    assert (
        client.get(reverse("workspace:standards:return_import_template", kwargs={**kwargs, "kind": "pdf"})).status_code
        == 404
    )


def test_filled_in_template_imports(setup, client_for):
    metric_return, _ = setup
    client = client_for("rep_a")
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    kwargs = {"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk, "kind": "xlsx"}
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("workspace:standards:return_import_template", kwargs=kwargs)).getvalue())
    )
    sheet = workbook.active
    sheet["B2"] = 4.5
    sheet["C3"], sheet["D3"] = 90, 100
    sheet["C4"], sheet["D4"] = 3, 4
    content = io.BytesIO()
    workbook.save(content)
    _, job = upload(client, metric_return, SimpleUploadedFile("filled.xlsx", content.getvalue()))
    assert job.status == ImportStatus.READY, job.errors
    confirm(client, job)
    assert sorted(MetricValue.objects.values_list("value", flat=True)) == [Decimal("4.5"), Decimal("75"), Decimal("90")]


def test_job_of_another_organisation_is_not_found(setup, cast, client_for):
    metric_return, _ = setup
    _, job = upload(client_for("rep_a"), metric_return, csv_file(GOOD_ROWS))
    other, _ = return_with_standards(cast.org_b)
    client = client_for("rep_b")
    for name in ["import_job", "import_job_status"]:
        assert client.get(job_url(job, name)).status_code == 404
        from django.urls import reverse

        forged = reverse(f"workspace:standards:{name}", kwargs={"organisation_pk": cast.org_b.pk, "pk": job.pk})
        assert client.get(forged).status_code == 404
    forged = reverse("workspace:standards:import_job_confirm", kwargs={"organisation_pk": cast.org_b.pk, "pk": job.pk})
    assert client.post(forged).status_code == 404
    assert client.get(import_url(metric_return)).status_code == 404
    forged_return = reverse(
        "workspace:standards:return_import", kwargs={"organisation_pk": cast.org_b.pk, "pk": metric_return.pk}
    )
    assert client.get(forged_return).status_code == 404
    assert other.import_jobs.count() == 0 and not MetricValue.objects.exists()


@pytest.mark.parametrize(
    "role,status", [("rep_a", 200), ("admin", 200), ("head_a", 403), ("staff_a", 403), ("rep_b", 404), ("lead", 403)]
)
def test_who_may_upload(setup, client_for, role, status):
    metric_return, _ = setup
    response, job = upload(client_for(role), metric_return, csv_file(GOOD_ROWS))
    assert response.status_code == status
    assert (job is not None) == (status == 200)


def test_assigned_evaluator_may_look_but_not_import(setup, cast, client_for):
    from organisations.services import evaluator_assign

    evaluator_assign(actor=cast.admin, evaluator=cast.evaluator, organisation=cast.org_a)
    metric_return, _ = setup
    response, job = upload(client_for("evaluator"), metric_return, csv_file(GOOD_ROWS))
    assert response.status_code == 403 and job is None


def test_import_audit_records_each_changed_value_before_and_after(setup, client_for):
    """The same shape as the grid's audit: {code: snapshot} before and after, for new and changed values only."""
    metric_return, standards = setup
    MetricValueFactory(
        metric_return=metric_return, standard=standards["P1"], numerator=800, denominator=1000, value=80, note=""
    )
    MetricValueFactory(
        metric_return=metric_return,
        standard=standards["D1"],
        numerator=None,
        denominator=None,
        value=Decimal("7.5"),
        note="Working days",
    )
    client = client_for("rep_a")
    _, job = upload(client, metric_return, csv_file(GOOD_ROWS))
    confirm(client, job)
    event = AuditEvent.objects.get(verb="metric_return.import")
    manual = str(ValueSource.MANUAL)
    assert event.before["values"] == {
        "P1": {"value": "80", "numerator": "800", "denominator": "1000", "note": "", "source": manual},
        "P2": None,
    }
    imported = str(ValueSource.IMPORT)
    assert event.after["values"] == {
        "P1": {
            "value": "85",
            "numerator": "850",
            "denominator": "1000",
            "note": "Calls in March were busy",
            "source": imported,
        },
        "P2": {"value": "90", "numerator": "45", "denominator": "50", "note": "", "source": imported},
    }
    assert (event.after["import_job"], event.after["changed"], event.after["unchanged"]) == (job.pk, 1, 1)
