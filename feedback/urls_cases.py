"""Workspace URL paths for feedback: cases. Composed into FeedbackApp in feedback/workspace.py."""

urlpatterns = []
