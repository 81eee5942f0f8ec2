"""Workspace URL paths for feedback: points. Composed into FeedbackApp in feedback/workspace.py."""

from django.urls import path

from .views import points

POINTS = "organisations/<int:organisation_pk>/service-points/"
POINT = f"{POINTS}<int:pk>/"

urlpatterns = [
    path(POINTS, points.point_list, name="point_list"),
    path(f"{POINTS}new/", points.point_create, name="point_create"),
    path(POINT, points.point_detail, name="point_detail"),
    path(f"{POINT}edit/", points.point_edit, name="point_edit"),
    path(f"{POINT}deactivate/", points.point_deactivate, name="point_deactivate"),
    path(f"{POINT}poster/", points.point_poster, name="point_poster"),
]
