"""Workspace URL paths for standards: analytics. Composed into StandardsApp in standards/workspace.py."""

urlpatterns = []
