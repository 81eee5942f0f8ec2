"""The charters, action plans and consultation part of the workspace (viewflow Material site)."""

from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application

from organisations.access import has_any_organisation

from . import urls_charters, urls_consultation, urls_plans


class ActionPlansApp(Application):
    title = _("Charters and plans")
    icon = "handshake"
    app_name = "action_plans"
    menu_template_name = None
    index_path = None
    urlpatterns = [
        *urls_charters.urlpatterns,
        *urls_plans.urlpatterns,
        *urls_consultation.urlpatterns,
    ]

    def has_view_permission(self, user, obj=None):
        """Members, assigned evaluators, lead evaluators and administrators; anonymous users are sent to log in."""
        if not user.is_authenticated:
            return True
        return has_any_organisation(user)
