"""Workspace URL paths for feedback: points. Composed into FeedbackApp in feedback/workspace.py."""

urlpatterns = []
