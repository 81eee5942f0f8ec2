"""Operators' read-only look-up of people, organisations, roles and the audit log (common/admin_site.py)."""

from django.contrib import admin
from django.contrib.auth.models import Group

from common.admin_site import ReadOnlyAdmin

from .models import AuditEvent, EvaluatorAssignment, Membership, Organisation, User

# Central roles are groups: they change through the workspace (audited), never here.
admin.site.unregister(Group)


@admin.register(Group)
class CentralRoleAdmin(ReadOnlyAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    fields = ["name"]


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    fields = ["email", "first_name", "last_name", "is_active", "is_staff", "is_superuser", "groups"]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ["name", "short_name", "sector", "parent", "is_active"]
    list_filter = ["sector", "is_active"]
    search_fields = ["name", "short_name"]
    list_select_related = ["parent"]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]


@admin.register(EvaluatorAssignment)
class EvaluatorAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["evaluator", "organisation", "assigned_by", "created_at"]
    search_fields = ["evaluator__email", "organisation__name"]
    list_select_related = ["evaluator", "organisation", "assigned_by"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Strictly read-only: an audit log that an operator could edit would prove nothing."""

    list_display = ["created_at", "actor_label", "verb", "organisation", "target_type", "target_label"]
    list_filter = ["verb", "target_type"]
    search_fields = ["actor_label", "verb", "target_label", "target_id", "organisation__name"]
    list_select_related = ["organisation"]
    date_hierarchy = "created_at"
    actions = None
