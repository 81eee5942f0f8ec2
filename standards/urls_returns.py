"""Workspace URL paths for standards: returns. Composed into StandardsApp in standards/workspace.py."""

urlpatterns = []
