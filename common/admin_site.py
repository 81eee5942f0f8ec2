"""Django's admin for operators: staff only, through the project's own log-in, read-only.

The admin is a support tool for looking things up, not a second user interface. Every change to
the project's data goes through the workspace, whose services check the rules and write the audit
log; the admin bypasses both, so no model admin here may add, change or delete.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class OperatorsAdminSite(admin.AdminSite):
    """Anonymous visitors sign in on the project's log-in page (one form, one set of session and throttling
    rules); signed-in people who are not staff get 403: the admin's existence is no secret, its data is."""

    site_header = _("Quality Customer Service operations")
    site_title = _("Operations")
    index_title = _("Look-up for support (read-only)")

    def admin_view(self, view, cacheable=False):
        guarded = super().admin_view(view, cacheable)

        @wraps(view)
        def staff_only(request, *args, **kwargs):
            if not self.has_permission(request):
                if request.user.is_authenticated:
                    raise PermissionDenied
                return redirect_to_login(request.get_full_path())
            return guarded(request, *args, **kwargs)

        return staff_only

    def login(self, request, extra_context=None):
        index = reverse("admin:index", current_app=self.name)
        if self.has_permission(request):
            return redirect(index)
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or index)


class ReadOnlyAdmin(admin.ModelAdmin):
    """List, search, filter and view; never add, change or delete (see the module docstring)."""

    list_per_page = 50
    show_full_result_count = False  # a count over a million rows would cost more than the page

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
