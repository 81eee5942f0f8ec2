"""Workspace URL paths for training: learning. Composed into TrainingApp in training/workspace.py."""

urlpatterns = []
