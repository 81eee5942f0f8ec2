"""Workspace URL paths for feedback: cases. Composed into FeedbackApp in feedback/workspace.py."""

from django.urls import path

from .views import case_settings, cases

ORG = "organisations/<int:organisation_pk>/"
CASE = f"{ORG}cases/<int:pk>/"

urlpatterns = [
    path("", cases.case_index, name="index"),
    path(f"{ORG}cases/", cases.case_list, name="case_list"),
    path(f"{ORG}cases/new/", cases.case_log, name="case_log"),
    path(CASE, cases.case_detail, name="case_detail"),
    path(f"{CASE}acknowledge/", cases.case_acknowledge, name="case_acknowledge"),
    path(f"{CASE}start/", cases.case_start, name="case_start"),
    path(f"{CASE}resolve/", cases.case_resolve, name="case_resolve"),
    path(f"{CASE}close/", cases.case_close, name="case_close"),
    path(f"{CASE}assign/", cases.case_assign, name="case_assign"),
    path(f"{CASE}note/", cases.case_note, name="case_note"),
    path(f"{CASE}message/", cases.case_message, name="case_message"),
    path(f"{ORG}case-photos/<int:pk>/", cases.case_photo, name="case_photo"),
    path(f"{ORG}conduct-delegates/", case_settings.conduct_delegates, name="conduct_delegates"),
    path(
        f"{ORG}conduct-delegates/<int:pk>/remove/",
        case_settings.conduct_delegate_remove,
        name="conduct_delegate_remove",
    ),
    path(f"{ORG}case-settings/", case_settings.case_settings, name="case_settings"),
    path(f"{ORG}closure-days/<int:pk>/remove/", case_settings.closure_day_remove, name="closure_day_remove"),
]
