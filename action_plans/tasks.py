from celery import shared_task


@shared_task
def send_action_plan_digest():
    """Weekly (CELERY_BEAT_SCHEDULE): overdue and at-risk actions to heads of organisation."""
    from .digest import send_action_plan_digest as send

    return send()
