"""Background work for standards: checking and importing large metric-value files."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _job(job_id):
    from .models import ImportJob

    return ImportJob.objects.select_related("metric_return__period", "created_by").filter(pk=job_id).first()


def _run(job, work):
    """Run one step of an import; an unexpected error fails the job with a message instead of leaving it hanging."""
    from .models import ImportJob, ImportStatus

    try:
        work()
    except Exception:
        logger.exception("import job %s failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            result={"message": _("Something went wrong while importing, so nothing was imported. Try again.")},
            finished_at=timezone.now(),
        )


@shared_task
def import_job_check_task(job_id, language=None):
    """Check (dry run) a large uploaded file; progress is written to the job as rows are read."""
    from .importing.services import import_job_check

    job = _job(job_id)
    if job is None:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        _run(job, lambda: import_job_check(job=job))


@shared_task
def import_job_apply_task(job_id, actor_id, language=None):
    """Import a confirmed large file: check every row again, then write all values or none.

    It acts as the person who confirmed it, or as the system actor if their account is gone.
    """
    from organisations.models import User
    from organisations.system import system_actor

    from .importing.services import import_job_apply

    job = _job(job_id)
    if job is None:
        return
    actor = User.objects.filter(pk=actor_id).first() or system_actor()
    with translation.override(language or settings.LANGUAGE_CODE):
        _run(job, lambda: import_job_apply(actor=actor, job=job))
