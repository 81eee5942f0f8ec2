"""Workspace URL paths for consultation. Composed into ActionPlansApp in action_plans/workspace.py."""

from django.urls import path

from .views import comments, consultation

urlpatterns = [
    path(
        "organisations/<int:organisation_pk>/consultations/",
        consultation.consultation_list,
        name="consultation_list",
    ),
    path(
        "organisations/<int:organisation_pk>/consultations/new/",
        consultation.consultation_create,
        name="consultation_create",
    ),
    path(
        "organisations/<int:organisation_pk>/consultations/<int:pk>/",
        consultation.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "organisations/<int:organisation_pk>/consultations/<int:pk>/edit/",
        consultation.consultation_edit,
        name="consultation_edit",
    ),
    path(
        "organisations/<int:organisation_pk>/comment-periods/new/",
        comments.comment_period_open,
        name="comment_period_open",
    ),
    path(
        "organisations/<int:organisation_pk>/comment-periods/<int:pk>/",
        comments.comment_period_detail,
        name="comment_period_detail",
    ),
    path(
        "organisations/<int:organisation_pk>/comment-periods/<int:pk>/qr/<str:kind>/",
        comments.comment_period_qr,
        name="comment_period_qr",
    ),
    path(
        "organisations/<int:organisation_pk>/comment-periods/<int:pk>/moderate/",
        comments.comment_moderate,
        name="comment_moderate",
    ),
    path(
        "organisations/<int:organisation_pk>/comment-periods/<int:pk>/record/",
        comments.comment_period_record,
        name="comment_period_record",
    ),
]
