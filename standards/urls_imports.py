"""Workspace URL paths for standards: imports. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import imports

urlpatterns = [
    path("organisations/<int:pk>/returns/<int:return_pk>/import/", imports.return_import, name="return_import"),
    path(
        "organisations/<int:pk>/returns/<int:return_pk>/import/template.<slug:kind>",
        imports.return_import_template,
        name="return_import_template",
    ),
    path("organisations/<int:pk>/imports/<int:job_pk>/", imports.import_job, name="import_job"),
    path(
        "organisations/<int:pk>/imports/<int:job_pk>/status.json", imports.import_job_status, name="import_job_status"
    ),
    path(
        "organisations/<int:pk>/imports/<int:job_pk>/confirm/",
        imports.import_job_confirm_view,
        name="import_job_confirm",
    ),
]
