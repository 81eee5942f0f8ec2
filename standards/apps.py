from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = _("Service standards")

    def ready(self):
        from . import todo  # noqa: F401  (registers the return sources of "My work")
