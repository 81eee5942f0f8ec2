"""Workspace URL paths for standards: imports. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import imports

urlpatterns = [
    path("<int:pk>/returns/<int:return_pk>/import/", imports.return_import, name="return_import"),
    path(
        "<int:pk>/returns/<int:return_pk>/import/template.<slug:kind>",
        imports.return_import_template,
        name="return_import_template",
    ),
    path("<int:pk>/imports/<int:job_pk>/", imports.import_job, name="import_job"),
    path("<int:pk>/imports/<int:job_pk>/status.json", imports.import_job_status, name="import_job_status"),
    path("<int:pk>/imports/<int:job_pk>/confirm/", imports.import_job_confirm_view, name="import_job_confirm"),
]
