"""Nothing a signed-in person sees may be kept by a browser or proxy cache."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from common.middleware import NoStoreWhenSignedInMiddleware, cacheable_when_signed_in
from standards.models import ImportJob
from tests.standards.import_support import job_url, return_with_standards
from tests.standards.test_reports import report_data  # noqa: F401 (fixture)


def _no_store(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_workspace_page_is_not_stored(cast, client):
    client.force_login(cast.rep_a)
    response = client.get(reverse("workspace:index"), follow=True)
    assert response.status_code == 200 and _no_store(response)


def test_annual_report_pdf_and_xlsx_are_not_stored(report_data, client):  # noqa: F811
    client.force_login(report_data.lead)
    for name in ("annual_report_pdf", "annual_report_xlsx"):
        url = reverse(f"workspace:standards:{name}", kwargs={"organisation_pk": report_data.org_a.pk, "year": 2025})
        response = client.get(url)
        assert response.status_code == 200 and _no_store(response), name


def test_import_job_status_json_is_not_stored(cast, client):
    metric_return, _ = return_with_standards(cast.org_a)
    job = ImportJob.objects.create(
        organisation=cast.org_a, metric_return=metric_return, created_by=cast.rep_a, original_name="v.csv"
    )
    client.force_login(cast.rep_a)
    response = client.get(job_url(job, "import_job_status"))
    assert response.status_code == 200 and _no_store(response)


def test_public_pages_for_anonymous_visitors_are_left_alone(db, client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200 and not _no_store(response)


@pytest.mark.parametrize("opted_out", [False, True])
def test_a_view_can_opt_out_explicitly(cast, opted_out):
    def view(request):
        response = HttpResponse("ok")
        response["Cache-Control"] = "max-age=60"
        return response

    request = RequestFactory().get("/")
    request.user = cast.rep_a
    response = NoStoreWhenSignedInMiddleware(cacheable_when_signed_in(view) if opted_out else view)(request)
    assert _no_store(response) is not opted_out
