"""Workspace URL paths for standards: imports. Composed into StandardsApp in standards/workspace.py."""

urlpatterns = []
