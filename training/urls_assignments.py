"""Workspace URL paths for training: assignments. Composed into TrainingApp in training/workspace.py."""

urlpatterns = []
