"""Workspace URL paths for charters and plans: charters. Composed into ActionPlansApp in action_plans/workspace.py."""

from django.urls import path

from .views import charter_review, charter_standards, charters, index

ORGANISATION = "organisations/<int:organisation_pk>/"
CHARTER = f"{ORGANISATION}charters/<int:pk>/"

urlpatterns = [
    path("", index.index, name="index"),
    path(f"{ORGANISATION}charters/", charters.charter_list, name="charter_list"),
    path(f"{ORGANISATION}charters/start/", charters.charter_start, name="charter_start"),
    path(f"{ORGANISATION}charters/new-version/", charters.charter_new_version, name="charter_new_version"),
    path(CHARTER, charters.charter_detail, name="charter_detail"),
    path(f"{CHARTER}standards/", charter_standards.charter_standard_add, name="charter_standard_add"),
    path(f"{CHARTER}sign-off/", charter_review.charter_sign_off, name="charter_sign_off"),
    path(f"{CHARTER}reopen/", charter_review.charter_reopen, name="charter_reopen"),
    path(f"{CHARTER}submit/", charter_review.charter_submit, name="charter_submit"),
    path(f"{CHARTER}request-changes/", charter_review.charter_request_changes, name="charter_request_changes"),
    path(f"{CHARTER}approve/", charter_review.charter_approve, name="charter_approve"),
    path(f"{CHARTER}publish/", charter_review.charter_publish, name="charter_publish"),
    path(f"{ORGANISATION}charter-sections/<int:pk>/", charters.section_save, name="charter_section_save"),
    path(
        f"{ORGANISATION}charter-standards/<int:pk>/",
        charter_standards.charter_standard_edit,
        name="charter_standard_edit",
    ),
    path(
        f"{ORGANISATION}charter-standards/<int:pk>/remove/",
        charter_standards.charter_standard_remove,
        name="charter_standard_remove",
    ),
]
