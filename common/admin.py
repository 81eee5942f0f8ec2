"""Sign-in lock-outs for operators, read-only like the rest of the admin.

Unlock a person with `manage.py axes_reset_username EMAIL`.
"""

from axes.models import AccessAttempt
from django.contrib import admin

from .admin_site import ReadOnlyAdmin


@admin.register(AccessAttempt)
class AccessAttemptAdmin(ReadOnlyAdmin):
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    fields = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info"]
