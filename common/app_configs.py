"""Configurations of Django's own apps, kept apart from their code so settings can load them early."""

from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig


class OperatorsAdminConfig(AdminConfig):
    """django.contrib.admin with the operators' read-only site (common/admin_site.py)."""

    default_site = "common.admin_site.OperatorsAdminSite"


class ProjectStaticFilesConfig(StaticFilesConfig):
    """collectstatic leaves out vendor files no page loads: viewflow's copies of its npm packages and its
    Plotly Dash bundles (viewflow.contrib.plotly, not installed). That is 35 of viewflow's 49 MB,
    which every release would otherwise hash and compress; it includes the stray stylesheet whose
    broken references common/storage.py tolerates."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "*/node_modules",
        "*/node_modules/*",
        "viewflow/js/contrib/dash",
        "viewflow/js/contrib/dash/*",
    ]
