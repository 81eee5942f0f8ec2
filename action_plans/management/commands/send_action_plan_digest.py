import datetime

from django.core.management.base import BaseCommand

from action_plans.digest import send_action_plan_digest


class Command(BaseCommand):
    help = "E-mail heads of organisation their overdue and at-risk plan actions (at most once a week each)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="Run as on this day (YYYY-MM-DD).")

    def handle(self, *args, date=None, **options):
        sent = send_action_plan_digest(today=date)
        self.stdout.write(f"Action plan digest: {sent} e-mail(s) sent.")
