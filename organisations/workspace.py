"""The organisations part of the workspace (viewflow Material site)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application

from .access import has_any_organisation
from .views import assignments, audit, directory, members, organisations, workspace


class MyWorkApp(Application):
    title = _("My work")
    icon = "home"
    app_name = "my_work"
    menu_template_name = None

    index_path = path("", workspace.my_work, name="index")

    def has_view_permission(self, user, obj=None):
        return True  # everyone signed in; the view sends anonymous users to log in


class OrganisationsApp(Application):
    title = _("Organisations")
    icon = "apartment"
    app_name = "organisations"
    menu_template_name = None

    index_path = path("", organisations.organisation_list, name="index")
    create_path = path("new/", organisations.organisation_create, name="create")
    directory_export_path = path("export/<str:kind>/", directory.directory_export, name="directory_export")
    directory_import_path = path("import/", directory.directory_import, name="directory_import")
    detail_path = path("<int:pk>/", organisations.organisation_detail, name="detail")
    edit_path = path("<int:pk>/edit/", organisations.organisation_edit, name="edit")
    member_add_path = path("<int:pk>/members/add/", members.member_add, name="member_add")
    member_role_path = path(
        "<int:pk>/members/<int:membership_pk>/role/", members.membership_change_role, name="member_role"
    )
    member_remove_path = path(
        "<int:pk>/members/<int:membership_pk>/remove/", members.membership_remove, name="member_remove"
    )
    audit_path = path("<int:pk>/audit/", audit.audit_log, name="audit")
    audit_export_path = path("<int:organisation_pk>/audit/export/<str:kind>/", audit.audit_export, name="audit_export")
    members_export_path = path(
        "<int:organisation_pk>/members/export/<str:kind>/", directory.members_export, name="members_export"
    )
    members_import_path = path("<int:organisation_pk>/members/import/", directory.members_import, name="members_import")
    evaluator_assign_path = path("<int:pk>/evaluators/assign/", assignments.evaluator_assign, name="evaluator_assign")
    evaluator_unassign_path = path(
        "<int:pk>/evaluators/<int:assignment_pk>/unassign/", assignments.evaluator_unassign, name="evaluator_unassign"
    )

    def has_view_permission(self, user, obj=None):
        """Members and administrators; anonymous users reach the views, which ask them to log in."""
        if not user.is_authenticated:
            return True
        return has_any_organisation(user)
