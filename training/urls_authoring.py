"""Workspace URL paths for training: authoring. Composed into TrainingApp in training/workspace.py."""

urlpatterns = []
