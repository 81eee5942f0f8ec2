"""The import job life cycle: upload → check (dry run, preview) → confirm → values written.

Small files are checked and imported during the request; files with more rows than
``background_rows()`` are handed to a Celery task after the transaction commits. Either
way the state lives in the ImportJob row, so the job page survives a reload.
"""

import hashlib
import logging
import os
import uuid

from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import ImportJob, ImportStatus, MetricReturn, ReturnState, ValueSource
from ..services.values import existing_values, values_write
from . import background_rows
from .checking import plan_changes, validate_rows
from .files import check_upload, open_table

logger = logging.getLogger(__name__)


def return_is_open(metric_return):
    """Values may be written only into a draft return or one an evaluator has queried."""
    return metric_return.state in ReturnState.EDITABLE_STATES


def _closed_return_message(metric_return):
    return _(
        "This return is %(state)s. Values can be imported only into a draft return or a return that has been queried."
    ) % {"state": metric_return.get_state_display().lower()}


def _job_kind(job):
    return job.file.name.rsplit(".", 1)[-1]


@transaction.atomic
def import_job_create(*, actor, metric_return, upload):
    """Store an upload under a random name and check it (now, or in the background for large files)."""
    if not return_is_open(metric_return):
        raise ServiceError(_closed_return_message(metric_return), field="file")
    kind = check_upload(upload)
    job = ImportJob(
        organisation_id=metric_return.organisation_id,
        metric_return=metric_return,
        created_by=actor,
        original_name=os.path.basename(upload.name or "")[:255],
        file_sha256=_sha256(upload),
        total_rows=_estimated_rows(upload, kind),
    )
    upload.seek(0)
    job.file.save(f"{uuid.uuid4().hex}.{kind}", upload, save=False)
    try:
        job.save()
        audit_record(
            actor=actor,
            verb="import_job.upload",
            target=job,
            organisation=metric_return.organisation,
            after={"file": job.original_name, "sha256": job.file_sha256, "metric_return": metric_return.pk},
        )
        if job.total_rows > background_rows():
            from ..tasks import import_job_check_task

            language = translation.get_language()
            transaction.on_commit(lambda: import_job_check_task.delay(job.pk, language))
        else:
            import_job_check(job=job)
    except BaseException:  # the job row is rolled back with the transaction: its file must not stay behind
        job.file.delete(save=False)
        raise
    return job


def _sha256(upload):
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _estimated_rows(upload, kind):
    """The rows the file says it has, read from the upload before anything is stored; refuses unreadable files."""
    try:
        with open_table(upload, kind) as table:
            return table.estimated_rows
    except ServiceError:
        raise
    except Exception:  # a damaged file can make the readers fail in many ways
        logger.exception("import upload %r: the header could not be read", upload.name)
        raise ServiceError(_("The file could not be read. Save it again and upload it."), field="file") from None


def _progress(job):
    def report(processed):
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=processed)

    return report


def _set_status(job, status, **fields):
    job.status = status
    for name, value in fields.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(status=status, **fields)


def _validate(job):
    """Read and check every row; None (and the job marked invalid or failed) if the file cannot be read."""
    try:
        with job.file.open("rb") as stored, open_table(stored, _job_kind(job)) as table:
            validation = validate_rows(table, job.metric_return, progress=_progress(job))
            sheet, ignored = table.sheet, table.ignored_columns
    except ServiceError as error:
        _set_status(job, ImportStatus.INVALID, errors=[[None, "", error.message]], finished_at=timezone.now())
        return None, {}
    except FileNotFoundError:
        _fail(job, _("The uploaded file is no longer available. Upload it again."))
        return None, {}
    except Exception:  # a damaged file can make the readers fail in many ways
        logger.exception("import job %s: the file could not be read", job.pk)
        _set_status(
            job,
            ImportStatus.INVALID,
            errors=[[None, "", _("The file could not be read to the end. Save it again and upload it.")]],
            finished_at=timezone.now(),
        )
        return None, {}
    if validation.total == 0 and not validation.errors:
        validation.errors.append([None, "", _("The file has a header row but no rows of values.")])
    return validation, {"sheet": sheet, "ignored_columns": ignored}


def _fail(job, message):
    _set_status(job, ImportStatus.FAILED, result={"message": message}, finished_at=timezone.now())


def import_job_check(*, job):
    """The dry run: every row that would change and every bad row, stored on the job as its preview."""
    _set_status(job, ImportStatus.CHECKING, processed_rows=0)
    validation, details = _validate(job)
    if validation is None:
        return job
    plan = plan_changes(validation.rows, existing_values(job.metric_return), with_preview=True)
    _set_status(
        job,
        ImportStatus.INVALID if validation.errors else ImportStatus.READY,
        total_rows=validation.total,
        processed_rows=validation.total,
        errors=validation.errors,
        preview={"rows": plan.preview_rows, "counts": plan.counts, "digest": plan.digest, **details},
        finished_at=timezone.now() if validation.errors else None,
    )
    return job


@transaction.atomic
def import_job_confirm(*, actor, job):
    """Confirm a checked import. Large files are imported by a task once this transaction commits."""
    if not ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READY).update(
        status=ImportStatus.IMPORTING, processed_rows=0
    ):
        raise ServiceError(_("This import has already been confirmed, or its file has not been checked yet."))
    job.status, job.processed_rows = ImportStatus.IMPORTING, 0
    if job.total_rows > background_rows():
        from ..tasks import import_job_apply_task

        language = translation.get_language()
        transaction.on_commit(lambda: import_job_apply_task.delay(job.pk, actor.pk, language))
    else:
        import_job_apply(actor=actor, job=job)
    return job


def import_job_apply(*, actor, job):
    """Check the file again and write its values, all or nothing, into the (still open) return."""
    validation, details = _validate(job)
    if validation is None:
        return job
    if validation.errors:
        _set_status(job, ImportStatus.INVALID, errors=validation.errors, finished_at=timezone.now())
        return job
    try:
        with transaction.atomic():
            _apply(actor, job, validation, details)
    except DatabaseError:
        logger.exception("import job %s: writing the values failed", job.pk)
        _fail(job, _("The values could not be saved, so nothing was imported. Try again later."))
    return job


def _apply(actor, job, validation, details):
    metric_return = MetricReturn.objects.select_for_update().select_related("organisation").get(pk=job.metric_return_id)
    if not return_is_open(metric_return):
        _fail(job, _closed_return_message(metric_return))
        return
    existing = existing_values(metric_return)
    plan = plan_changes(validation.rows, existing)
    if plan.digest != job.preview.get("digest"):
        preview_plan = plan_changes(validation.rows, existing, with_preview=True)
        _set_status(
            job,
            ImportStatus.READY,
            processed_rows=validation.total,
            preview={
                "rows": preview_plan.preview_rows,
                "counts": preview_plan.counts,
                "digest": preview_plan.digest,
                "notice": _(
                    "The return changed after the file was checked. Look at the new preview and confirm again."
                ),
                **details,
            },
        )
        return
    changes = values_write(
        metric_return=metric_return, writes=plan.writes, existing=existing, source=ValueSource.IMPORT
    )
    if changes:
        audit_record(
            actor=actor,
            verb="metric_return.import",
            target=metric_return,
            organisation=metric_return.organisation,
            before={"state": metric_return.state, "values": {code: c["before"] for code, c in changes.items()}},
            after={
                "state": metric_return.state,
                "values": {code: c["after"] for code, c in changes.items()},
                "import_job": job.pk,
                "file": job.original_name,
                "sha256": job.file_sha256,
                **plan.counts,
            },
        )
    _set_status(
        job,
        ImportStatus.DONE,
        processed_rows=validation.total,
        result=dict(plan.counts),
        finished_at=timezone.now(),
    )
