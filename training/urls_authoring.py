"""Workspace URL paths for training: authoring. Composed into TrainingApp in training/workspace.py.

Every authoring page exists twice with the same view: for shared modules under ``shared/...``
(administrators; names start with ``shared_``) and for an organisation's own modules under
``organisations/<int:organisation_pk>/...``. Lessons, questions and images are reached by their own id.
"""

from django.urls import path

from .views import authoring, authoring_content

AUTHORING = [
    ("modules/new/", authoring.module_create, "module_create"),
    ("modules/<int:pk>/", authoring.module_detail, "module_detail"),
    ("modules/<int:pk>/edit/", authoring.version_edit, "version_edit"),
    ("modules/<int:pk>/publish/", authoring.version_publish, "version_publish"),
    ("modules/<int:pk>/new-version/", authoring.version_new, "version_new"),
    ("modules/<int:pk>/lessons/new/", authoring_content.lesson_create, "lesson_create"),
    ("modules/<int:pk>/questions/new/", authoring_content.question_create, "question_create"),
    ("modules/<int:pk>/images/", authoring_content.image_upload, "image_upload"),
    ("lessons/<int:pk>/edit/", authoring_content.lesson_edit, "lesson_edit"),
    ("lessons/<int:pk>/delete/", authoring_content.lesson_delete, "lesson_delete"),
    ("lessons/<int:pk>/move/", authoring_content.lesson_move, "lesson_move"),
    ("questions/<int:pk>/edit/", authoring_content.question_edit, "question_edit"),
    ("questions/<int:pk>/delete/", authoring_content.question_delete, "question_delete"),
    ("images/<int:pk>/", authoring_content.image, "image"),
]

ORGANISATION = "organisations/<int:organisation_pk>/"

urlpatterns = [
    path(f"{ORGANISATION}modules/", authoring.module_list, name="module_list"),
    path(f"{ORGANISATION}shared-modules/<int:pk>/adoption/", authoring.module_adoption, name="module_adoption"),
    path("shared/modules/", authoring.shared_module_list, name="shared_module_list"),
    *[path(f"shared/{route}", view, name=f"shared_{name}") for route, view, name in AUTHORING],
    *[path(f"{ORGANISATION}{route}", view, name=name) for route, view, name in AUTHORING],
]
