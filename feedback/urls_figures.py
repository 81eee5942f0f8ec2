"""Workspace URL paths for feedback: figures. Composed into FeedbackApp in feedback/workspace.py.

Representatives (manage standards) link standards to case and survey figures and feed a period at once.
"""

from django.urls import path

from .views import figures

ORG = "organisations/<int:organisation_pk>/"

urlpatterns = [
    path(f"{ORG}feedback-figures/", figures.figure_list, name="figure_list"),
    path(f"{ORG}feedback-figures/feed/", figures.figure_feed, name="figure_feed"),
    path(f"{ORG}feedback-figures/<int:pk>/remove/", figures.figure_unlink, name="figure_unlink"),
]
