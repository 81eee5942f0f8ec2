"""Configurations of Django's own apps, kept apart from their code so settings can load them early."""

from django.contrib.admin.apps import AdminConfig


class OperatorsAdminConfig(AdminConfig):
    """django.contrib.admin with the operators' read-only site (common/admin_site.py)."""

    default_site = "common.admin_site.OperatorsAdminSite"
