"""Feed the feedback figures into the metric returns (Celery beat runs the same work every night)."""

from django.core.management.base import BaseCommand

from feedback.services.figures import feedback_figures_feed_due
from standards.periods import label_for


class Command(BaseCommand):
    help = (
        "Feed every standard linked to a feedback figure with its value for the current and the previous "
        "period (into open returns only; safe to run again)."
    )

    def handle(self, *args, **options):
        for organisation, period, fed, refused in feedback_figures_feed_due():
            label = label_for(period, organisation)
            if refused:
                self.stdout.write(f"{organisation.name} {label}: not fed. {refused}")
            else:
                self.stdout.write(f"{organisation.name} {label}: {fed} standard(s) fed.")
