"""Workspace URL paths for standards: analytics. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import analytics, reports

urlpatterns = [
    path("organisations/<int:pk>/results/", analytics.organisation_results, name="results"),
    path("organisations/<int:pk>/annual-report/<int:year>/", reports.annual_report, name="annual_report"),
    path("organisations/<int:pk>/annual-report/<int:year>/pdf/", reports.annual_report_pdf, name="annual_report_pdf"),
    path(
        "organisations/<int:pk>/annual-report/<int:year>/xlsx/", reports.annual_report_xlsx, name="annual_report_xlsx"
    ),
    path("benchmark/", analytics.benchmark, name="benchmark"),
]
