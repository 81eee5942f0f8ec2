from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "action_plans"
    verbose_name = _("Charters and action plans")

    def ready(self):
        from organisations.todo import register

        from . import todo, todo_plans  # noqa: F401 - todo registers the charter sources of "My work"

        todo_plans.register_plan_sources(register)  # overdue and at-risk plan actions
