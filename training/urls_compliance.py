"""Workspace URL paths for training: compliance. Composed into TrainingApp in training/workspace.py."""

urlpatterns = []
