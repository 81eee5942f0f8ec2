"""Workspace URL paths for charters and plans: plans. Composed into ActionPlansApp in action_plans/workspace.py."""

urlpatterns = []
