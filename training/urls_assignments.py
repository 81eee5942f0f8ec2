"""Workspace URL paths for training: assignments. Composed into TrainingApp in training/workspace.py."""

from django.urls import path

from .views import assignments, staff

ORGANISATION = "organisations/<int:organisation_pk>/"
RULES = f"{ORGANISATION}training-rules/"
ASSIGNMENTS = f"{ORGANISATION}training-assignments/"

urlpatterns = [
    path(RULES, assignments.rule_list, name="rule_list"),
    path(f"{RULES}new/", assignments.rule_create, name="rule_create"),
    path(f"{RULES}<int:pk>/deactivate/", assignments.rule_deactivate, name="rule_deactivate"),
    path(ASSIGNMENTS, assignments.assignment_list, name="assignment_list"),
    path(f"{ASSIGNMENTS}new/", assignments.assignment_create, name="assignment_create"),
    path(f"{ASSIGNMENTS}<int:pk>/withdraw/", assignments.assignment_withdraw, name="assignment_withdraw"),
    path(f"{ORGANISATION}training-staff/import/", staff.staff_import, name="staff_import"),
    path(
        f"{ORGANISATION}training-staff/template.<slug:kind>", staff.staff_import_template, name="staff_import_template"
    ),
    path(f"{ORGANISATION}training-completions/export.<slug:kind>", staff.completions_export, name="completions_export"),
]
