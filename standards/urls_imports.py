"""Workspace URL paths for standards: imports. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import imports

RETURN = "organisations/<int:organisation_pk>/returns/<int:pk>/"
JOB = "organisations/<int:organisation_pk>/imports/<int:pk>/"

urlpatterns = [
    path(f"{RETURN}import/", imports.return_import, name="return_import"),
    path(f"{RETURN}import/template.<slug:kind>", imports.return_import_template, name="return_import_template"),
    path(JOB, imports.import_job, name="import_job"),
    path(f"{JOB}status.json", imports.import_job_status, name="import_job_status"),
    path(f"{JOB}confirm/", imports.import_job_confirm_view, name="import_job_confirm"),
]
