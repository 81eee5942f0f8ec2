"""Workspace URL paths for standards: definitions. Composed into StandardsApp in standards/workspace.py."""

urlpatterns = []
