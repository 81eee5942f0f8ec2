from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "action_plans"
    verbose_name = _("Charters and action plans")

    def ready(self):
        from organisations.todo import register

        from . import todo

        todo.register_plan_sources(register)  # plan: overdue and at-risk actions on "My work"
