from celery import shared_task


@shared_task
def send_training_reminders():
    """Daily (Celery beat, see CELERY_BEAT_SCHEDULE): e-mail people whose training is due soon or overdue."""
    from .services.reminders import reminders_send

    return reminders_send()
