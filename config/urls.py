from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language
from viewflow.urls import Site

from action_plans.workspace import ActionPlansApp
from feedback.workspace import FeedbackApp
from organisations.views import accounts
from organisations.workspace import MyWorkApp, OrganisationsApp
from standards.workspace import StandardsApp
from training.workspace import TrainingApp


class Workspace(Site):
    title = "Quality Customer Service"
    app_name = "workspace"
    primary_color = "#005a4e"
    secondary_color = "#8a3ab9"
    viewsets = [MyWorkApp(), OrganisationsApp(), StandardsApp(), ActionPlansApp(), FeedbackApp(), TrainingApp()]

    def has_view_permission(self, user, obj=None):
        # The site index only redirects to "My work", which asks anonymous users to log in.
        return True


workspace = Workspace()

urlpatterns = [
    path("", include("portal.urls")),
    path("charters/", include("action_plans.urls_public")),
    path("", include("feedback.urls_public")),
    path("", include("certificates.urls")),
    # Audited and throttled versions of three account views; the rest are Django's own.
    path("accounts/password_change/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/reset/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/catalog/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("workspace/", workspace.urls),
    path("admin/", admin.site.urls),
]
