"""Workspace URL paths for standards: definitions. Composed into StandardsApp in standards/workspace.py.

Paths about one organisation start with ``organisations/<int:organisation_pk>/``; the thing is ``pk``.
"""

from django.urls import path

from .views import definitions, home, library

urlpatterns = [
    path("", home.home, name="index"),
    path("organisations/<int:organisation_pk>/standards/", definitions.standard_list, name="standard_list"),
    path("organisations/<int:organisation_pk>/standards/new/", definitions.standard_create, name="standard_create"),
    path(
        "organisations/<int:organisation_pk>/standards/export/<str:kind>/",
        library.library_export,
        name="library_export",
    ),
    path("organisations/<int:organisation_pk>/standards/import/", library.library_import, name="library_import"),
    path(
        "organisations/<int:organisation_pk>/standards/<int:pk>/", definitions.standard_detail, name="standard_detail"
    ),
    path(
        "organisations/<int:organisation_pk>/standards/<int:pk>/edit/", definitions.standard_edit, name="standard_edit"
    ),
    path(
        "organisations/<int:organisation_pk>/standards/<int:pk>/target/",
        definitions.standard_target,
        name="standard_target",
    ),
]
