"""Workspace URL paths for standards: analytics. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import analytics, reports

REPORT = "organisations/<int:organisation_pk>/annual-report/<int:year>/"

urlpatterns = [
    path("organisations/<int:organisation_pk>/results/", analytics.organisation_results, name="results"),
    path(REPORT, reports.annual_report, name="annual_report"),
    path(f"{REPORT}pdf/", reports.annual_report_pdf, name="annual_report_pdf"),
    path(f"{REPORT}xlsx/", reports.annual_report_xlsx, name="annual_report_xlsx"),
    path("benchmark/", analytics.benchmark, name="benchmark"),
]
