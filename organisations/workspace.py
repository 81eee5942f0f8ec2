"""The organisations part of the workspace (viewflow Material site).

Each app lists its paths in ``urlpatterns`` (see organisations/urls.py); no ``*_path`` attributes.
"""

from django.utils.translation import gettext_lazy as _
from viewflow.urls import Application

from . import urls
from .access import has_any_organisation


class MyWorkApp(Application):
    title = _("My work")
    icon = "home"
    app_name = "my_work"
    menu_template_name = None
    index_path = None
    urlpatterns = urls.my_work_urlpatterns

    def has_view_permission(self, user, obj=None):
        return True  # everyone signed in; the view sends anonymous users to log in


class OrganisationsApp(Application):
    title = _("Organisations")
    icon = "apartment"
    app_name = "organisations"
    menu_template_name = None
    index_path = None
    urlpatterns = urls.urlpatterns

    def has_view_permission(self, user, obj=None):
        """Members and administrators; anonymous users reach the views, which ask them to log in."""
        if not user.is_authenticated:
            return True
        return has_any_organisation(user)
