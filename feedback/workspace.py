"""The feedback part of the workspace (viewflow Material site): service points, cases, surveys, figures."""

from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application

from organisations.access import has_any_organisation

from . import urls_cases, urls_figures, urls_points, urls_surveys


class FeedbackApp(Application):
    title = _("Feedback")
    icon = "feedback"
    app_name = "feedback"
    menu_template_name = None
    index_path = None
    urlpatterns = [
        *urls_cases.urlpatterns,
        *urls_points.urlpatterns,
        *urls_surveys.urlpatterns,
        *urls_figures.urlpatterns,
    ]

    def has_view_permission(self, user, obj=None):
        """Members, assigned evaluators, lead evaluators and administrators; anonymous users are sent to log in."""
        if not user.is_authenticated:
            return True
        return has_any_organisation(user)
