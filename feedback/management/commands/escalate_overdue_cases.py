"""Escalate cases not acknowledged or not resolved in time (Celery beat runs the same work daily)."""

from django.core.management.base import BaseCommand

from feedback.services.escalation import escalate_overdue_cases


class Command(BaseCommand):
    help = "Escalate open cases past their acknowledge-by or resolve-by date and tell the head of organisation."

    def handle(self, *args, **options):
        escalated = escalate_overdue_cases()
        self.stdout.write(f"Escalated {len(escalated)} case(s).")
