"""The training part of the workspace (viewflow Material site)."""

from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application

from organisations.access import has_any_organisation

from . import urls_assignments, urls_authoring, urls_compliance, urls_learning


class TrainingApp(Application):
    title = _("Training")
    icon = "school"
    app_name = "training"
    menu_template_name = None
    index_path = None
    urlpatterns = [
        *urls_learning.urlpatterns,
        *urls_authoring.urlpatterns,
        *urls_assignments.urlpatterns,
        *urls_compliance.urlpatterns,
    ]

    def has_view_permission(self, user, obj=None):
        """Members of an organisation, the evaluation unit and administrators; anonymous users are sent to log in."""
        if not user.is_authenticated:
            return True
        return has_any_organisation(user) or user.is_evaluator
