"""Workspace URL paths for organisations. Composed into OrganisationsApp in organisations/workspace.py.

Every app registers its workspace paths the same way: a ``urlpatterns`` list in the app's
``urls*.py`` modules, composed into its viewflow ``Application.urlpatterns``. Paths about
one organisation start with ``<int:organisation_pk>/`` (this app is mounted under
``organisations/``); the thing the page is about is ``pk``.
"""

from django.urls import path

from .views import assignments, audit, directory, members, organisations, workspace

my_work_urlpatterns = [
    path("", workspace.my_work, name="index"),
]

urlpatterns = [
    path("", organisations.organisation_list, name="index"),
    path("new/", organisations.organisation_create, name="create"),
    path("export/<str:kind>/", directory.directory_export, name="directory_export"),
    path("import/", directory.directory_import, name="directory_import"),
    path("<int:organisation_pk>/", organisations.organisation_detail, name="detail"),
    path("<int:organisation_pk>/edit/", organisations.organisation_edit, name="edit"),
    path("<int:organisation_pk>/audit/", audit.audit_log, name="audit"),
    path("<int:organisation_pk>/audit/export/<str:kind>/", audit.audit_export, name="audit_export"),
    path("<int:organisation_pk>/members/export/<str:kind>/", directory.members_export, name="members_export"),
    path("<int:organisation_pk>/members/import/", directory.members_import, name="members_import"),
    path("<int:organisation_pk>/members/add/", members.member_add, name="member_add"),
    path("<int:organisation_pk>/members/<int:pk>/role/", members.membership_change_role, name="member_role"),
    path("<int:organisation_pk>/members/<int:pk>/remove/", members.membership_remove, name="member_remove"),
    path("<int:organisation_pk>/evaluators/assign/", assignments.evaluator_assign, name="evaluator_assign"),
    path(
        "<int:organisation_pk>/evaluators/<int:pk>/unassign/",
        assignments.evaluator_unassign,
        name="evaluator_unassign",
    ),
]
