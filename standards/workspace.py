"""The standards and metrics part of the workspace (viewflow Material site)."""

from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application

from organisations.access import has_any_organisation

from . import urls_analytics, urls_definitions, urls_imports, urls_returns


class StandardsApp(Application):
    title = _("Standards and results")
    icon = "insights"
    app_name = "standards"
    menu_template_name = None
    index_path = None
    urlpatterns = [
        *urls_definitions.urlpatterns,
        *urls_returns.urlpatterns,
        *urls_imports.urlpatterns,
        *urls_analytics.urlpatterns,
    ]

    def has_view_permission(self, user, obj=None):
        """Members, assigned evaluators, lead evaluators and administrators; anonymous users are sent to log in."""
        if not user.is_authenticated:
            return True
        return has_any_organisation(user)
