"""Import of metric values: upload, preview (dry run), confirm, progress of large files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles

from ..access import get_import_job_for_user, get_return_for_user
from ..importing import COLUMNS, max_upload_bytes
from ..importing.blank import CONTENT_TYPES, blank_file, blank_file_name
from ..importing.forms import ImportUploadForm
from ..importing.services import import_job_confirm, import_job_create, return_is_open
from ..models import ImportStatus, Measure
from ..services.returns import active_standards

PREVIEW_PAGE_SIZE = 100
STANDARDS_LISTED = 100
RUNNING = {ImportStatus.PENDING, ImportStatus.CHECKING, ImportStatus.IMPORTING}


def _return_page_url(metric_return):
    return reverse(
        "workspace:standards:return_detail",
        kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def return_import(request, organisation_pk, pk):
    metric_return = get_return_for_user(request, organisation_pk, pk, roles.MANAGE_STANDARDS)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = run_service(
            form, import_job_create, actor=request.user, metric_return=metric_return, upload=form.cleaned_data["file"]
        )
        if job:
            return redirect("workspace:standards:import_job", organisation_pk=metric_return.organisation_id, pk=job.pk)
    standards = active_standards(metric_return).order_by("code")
    context = {
        "metric_return": metric_return,
        "organisation": metric_return.organisation,
        "form": form,
        "is_open": return_is_open(metric_return),
        "columns": COLUMNS,
        "max_size": max_upload_bytes(),
        "standards": standards[:STANDARDS_LISTED],
        "standards_count": standards.count(),
        "percent_measure": Measure.PERCENT_WITHIN,
        "jobs": metric_return.import_jobs.defer("preview", "errors").select_related("created_by")[:10],
        "return_url": _return_page_url(metric_return),
    }
    return render(request, "standards/import_upload.html", context)


@login_required
@require_GET
def return_import_template(request, organisation_pk, pk, kind):
    metric_return = get_return_for_user(request, organisation_pk, pk, roles.MANAGE_STANDARDS)
    if kind not in CONTENT_TYPES:
        raise Http404
    return FileResponse(
        ContentFile(blank_file(metric_return, kind)),
        as_attachment=True,
        filename=blank_file_name(metric_return, kind),
        content_type=CONTENT_TYPES[kind],
    )


def _page(request, items, parameter):
    return Paginator(items, PREVIEW_PAGE_SIZE).get_page(request.GET.get(parameter))


@login_required
@require_GET
def import_job(request, organisation_pk, pk):
    job = get_import_job_for_user(request, organisation_pk, pk)
    preview = job.preview or {}
    context = {
        "job": job,
        "metric_return": job.metric_return,
        "organisation": job.organisation,
        "running": job.status in RUNNING,
        "percent": _percent(job),
        "counts": preview.get("counts", {}),
        "changes": sum(preview.get("counts", {}).get(kind, 0) for kind in ("new", "changed")),
        "rows": _page(request, preview.get("rows", []), "page"),
        "errors": _page(request, job.errors or [], "errors_page"),
        "return_url": _return_page_url(job.metric_return),
    }
    return render(request, "standards/import_job.html", context)


def _percent(job):
    if not job.total_rows:
        return 0
    return min(100, round(job.processed_rows * 100 / job.total_rows))


@login_required
@require_GET
def import_job_status(request, organisation_pk, pk):
    """The job's state as JSON, polled by static/js/import_progress.js."""
    job = get_import_job_for_user(request, organisation_pk, pk, without_preview=True)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "running": job.status in RUNNING,
            "total_rows": job.total_rows,
            "processed_rows": job.processed_rows,
            "percent": _percent(job),
        }
    )


@login_required
@require_POST
def import_job_confirm_view(request, organisation_pk, pk):
    job = get_import_job_for_user(request, organisation_pk, pk)
    try:
        import_job_confirm(actor=request.user, job=job)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        job.refresh_from_db(fields=["status", "result"])
        if job.status == ImportStatus.DONE:
            messages.success(request, _done_message(job.result))
    return redirect("workspace:standards:import_job", organisation_pk=job.organisation_id, pk=job.pk)


def _done_message(result):
    if not result.get("new") and not result.get("changed"):
        return _("No changes: every value in the file was already in the return.")
    return _("Imported: %(new)s new and %(changed)s changed values.") % {
        "new": result.get("new", 0),
        "changed": result.get("changed", 0),
    }
