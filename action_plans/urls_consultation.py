"""Workspace URL paths for consultation. Composed into ActionPlansApp in action_plans/workspace.py."""

urlpatterns = []
