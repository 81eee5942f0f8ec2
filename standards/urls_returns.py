"""Workspace URL paths for standards: returns. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import returns

RETURN = "organisations/<int:organisation_pk>/returns/<int:pk>/"

urlpatterns = [
    path("organisations/<int:organisation_pk>/returns/", returns.return_list, name="return_list"),
    path("organisations/<int:organisation_pk>/returns/new/", returns.return_create, name="return_create"),
    path(RETURN, returns.return_detail, name="return_detail"),
    path(f"{RETURN}values/", returns.return_edit, name="return_edit"),
    path(f"{RETURN}query/", returns.return_query, name="return_query"),
    path(f"{RETURN}accept/", returns.return_accept, name="return_accept"),
    path(f"{RETURN}correct/", returns.return_correct, name="return_correct"),
]
