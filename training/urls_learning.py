"""Workspace URL paths for training: learning. Composed into TrainingApp in training/workspace.py."""

from django.urls import path

from .views import certificates, learning, quiz

ORGANISATION = "organisations/<int:organisation_pk>/"

urlpatterns = [
    path("", learning.my_training_index, name="index"),
    path(f"{ORGANISATION}modules/<int:pk>/learn/", learning.module_learn, name="module_learn"),
    path(f"{ORGANISATION}modules/<int:pk>/quiz/", quiz.quiz, name="quiz"),
    path(f"{ORGANISATION}lessons/<int:pk>/", learning.lesson_detail, name="lesson"),
    path(f"{ORGANISATION}attempts/<int:pk>/", quiz.attempt_detail, name="attempt"),
    path(f"{ORGANISATION}completions/<int:pk>/certificate/", certificates.certificate_pdf, name="certificate"),
]
