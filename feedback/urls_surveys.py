"""Workspace URL paths for feedback: surveys. Composed into FeedbackApp in feedback/workspace.py."""

urlpatterns = []
