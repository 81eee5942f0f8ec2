"""Workspace URL paths for feedback: surveys. Composed into FeedbackApp in feedback/workspace.py.

Representatives and heads (manage surveys) build surveys, type in paper responses and read the results.
"""

from django.urls import path

from .views import survey_results, surveys

ORG = "organisations/<int:organisation_pk>/"

urlpatterns = [
    path(f"{ORG}surveys/", surveys.survey_list, name="survey_list"),
    path(f"{ORG}surveys/new/", surveys.survey_create, name="survey_create"),
    path(f"{ORG}surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path(f"{ORG}surveys/<int:pk>/edit/", surveys.survey_edit, name="survey_edit"),
    path(f"{ORG}surveys/<int:pk>/qr/", surveys.survey_qr, name="survey_qr"),
    path(f"{ORG}surveys/<int:pk>/questions/new/", surveys.question_create, name="survey_question_create"),
    path(f"{ORG}survey-questions/<int:pk>/edit/", surveys.question_edit, name="survey_question_edit"),
    path(f"{ORG}survey-questions/<int:pk>/delete/", surveys.question_delete, name="survey_question_delete"),
    path(f"{ORG}survey-questions/<int:pk>/move/", surveys.question_move, name="survey_question_move"),
    path(f"{ORG}surveys/<int:pk>/responses/new/", surveys.response_enter, name="survey_response_enter"),
    path(f"{ORG}surveys/<int:pk>/results/", survey_results.survey_results, name="survey_results"),
    path(f"{ORG}surveys/<int:pk>/results/export/", survey_results.survey_export, name="survey_export"),
]
