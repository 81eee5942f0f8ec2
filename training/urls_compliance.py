"""Workspace URL paths for training: compliance. Composed into TrainingApp in training/workspace.py."""

from django.urls import path

from .views import compliance

COMPLIANCE = "organisations/<int:organisation_pk>/training-compliance/"

urlpatterns = [
    path(COMPLIANCE, compliance.organisation_compliance, name="compliance"),
    path(f"{COMPLIANCE}xlsx/", compliance.organisation_compliance_xlsx, name="compliance_xlsx"),
    path("training-compliance/", compliance.compliance_overview, name="compliance_overview"),
]
