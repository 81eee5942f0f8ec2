"""Workspace URL paths for charters and plans: charters. Composed into ActionPlansApp in action_plans/workspace.py."""

urlpatterns = []
