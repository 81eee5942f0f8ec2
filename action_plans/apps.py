from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "action_plans"
    verbose_name = _("Charters and action plans")

    def ready(self):
        from . import todo  # noqa: F401 - registers the charter sources of "My work"
