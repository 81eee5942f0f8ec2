"""Workspace URL paths for charters and plans: plans. Composed into ActionPlansApp in action_plans/workspace.py."""

from django.urls import path

from .views import plan_actions, plan_lifecycle, plan_report, plans

PLANS = "organisations/<int:organisation_pk>/plans/"
PLAN = f"{PLANS}<int:pk>/"
ACTION = "organisations/<int:organisation_pk>/plan-actions/<int:pk>/"

urlpatterns = [
    path(PLANS, plans.plan_list, name="plan_list"),
    path(f"{PLANS}new/", plans.plan_start, name="plan_start"),
    path(PLAN, plans.plan_detail, name="plan_detail"),
    path(f"{PLAN}new-version/", plans.plan_new_version, name="plan_new_version"),
    path(f"{PLAN}actions/add/", plan_actions.action_add, name="plan_action_add"),
    path(f"{ACTION}edit/", plan_actions.action_edit, name="plan_action_edit"),
    path(f"{ACTION}delete/", plan_actions.action_delete, name="plan_action_delete"),
    path(f"{ACTION}progress/", plan_actions.progress_add, name="plan_progress_add"),
    path(f"{PLAN}sign-off/", plan_lifecycle.plan_sign_off, name="plan_sign_off"),
    path(f"{PLAN}reopen/", plan_lifecycle.plan_reopen, name="plan_reopen"),
    path(f"{PLAN}submit/", plan_lifecycle.plan_submit, name="plan_submit"),
    path(f"{PLAN}request-changes/", plan_lifecycle.plan_request_changes, name="plan_request_changes"),
    path(f"{PLAN}approve/", plan_lifecycle.plan_approve, name="plan_approve"),
    path(f"{PLAN}publish/", plan_lifecycle.plan_publish, name="plan_publish"),
    path(f"{PLAN}report/<int:year>/", plan_report.plan_report, name="plan_report"),
    path(f"{PLAN}report/<int:year>/pdf/", plan_report.plan_report_pdf, name="plan_report_pdf"),
]
