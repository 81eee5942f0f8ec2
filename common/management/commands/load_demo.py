from django.core.management.base import BaseCommand

from action_plans.demo import load_action_plans_demo
from feedback.demo import load_feedback_demo
from organisations.demo import DEMO_PASSWORD, load_demo
from standards.demo import load_standards_demo
from training.demo import load_training_demo


class Command(BaseCommand):
    help = (
        "Load the demo organisations, people, standards, returns, training, charters, action plans, "
        "consultations, service points, cases and surveys (safe to run again: nothing changes)."
    )

    def handle(self, *args, **options):
        load_demo()
        load_standards_demo()
        load_training_demo()
        load_action_plans_demo()
        load_feedback_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Every demo account's password is {DEMO_PASSWORD!r}."))
