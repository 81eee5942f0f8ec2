"""Workspace URL paths for feedback: figures. Composed into FeedbackApp in feedback/workspace.py."""

urlpatterns = []
