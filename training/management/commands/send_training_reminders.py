from django.core.management.base import BaseCommand

from training.services.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail people whose training is due within 7 days or overdue: one e-mail a person, at most one a week. "
        "Safe to run more than once (the Celery beat schedule runs it every morning)."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"Training reminders sent: {sent}")
