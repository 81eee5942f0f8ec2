"""django.contrib.admin with the operators' site (common/admin_site.py), kept apart so settings can load it early."""

from django.contrib.admin.apps import AdminConfig


class OperatorsAdminConfig(AdminConfig):
    default_site = "common.admin_site.OperatorsAdminSite"
