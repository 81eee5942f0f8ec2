"""Workspace URL paths for standards: returns. Composed into StandardsApp in standards/workspace.py."""

from django.urls import path

from .views import returns

urlpatterns = [
    path("organisations/<int:pk>/returns/", returns.return_list, name="return_list"),
    path("organisations/<int:pk>/returns/new/", returns.return_create, name="return_create"),
    path("returns/<int:pk>/", returns.return_detail, name="return_detail"),
    path("returns/<int:pk>/values/", returns.return_edit, name="return_edit"),
    path("returns/<int:pk>/query/", returns.return_query, name="return_query"),
    path("returns/<int:pk>/accept/", returns.return_accept, name="return_accept"),
    path("returns/<int:pk>/correct/", returns.return_correct, name="return_correct"),
]
