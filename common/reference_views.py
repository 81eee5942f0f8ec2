"""The upload → preview → confirm page shared by the reference-data imports (see common.reference_import)."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.errors import ServiceError
from common.forms import run_service
from standards.importing.forms import ImportUploadForm

from .reference_import import StoredUpload, check_columns, run_import, store_upload

TEMPLATE = "common/reference_import.html"


def upload_form(*args):
    """The metric import's upload form (same field and limits), with a help text for any reference data."""
    form = ImportUploadForm(*args)
    form.fields["file"].help_text = _("At most 10 MB, with the column names in the first row.")
    return form


def _checked_upload(*, upload, columns):
    stored = store_upload(upload)
    try:
        check_columns(stored.dataset(), columns)
    except ServiceError:
        stored.delete()
        raise
    return stored


def import_page(request, *, make_resource: Callable, context: dict, done_url: str):
    """Upload checks the file and shows a dry run; confirm imports the same file again, all rows or none.

    The file is kept only while it can still be confirmed: a preview with problems or without changes,
    and a confirm (done or refused), delete it.
    """
    scope = f"{request.path}:{request.user.pk}"
    form, preview, token = upload_form(), None, ""
    if request.method == "POST" and "token" in request.POST:
        try:
            stored = StoredUpload.from_token(request.POST["token"], scope)
            dataset = stored.dataset()
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        stored.delete()  # before importing, so a second click finds nothing to confirm
        preview = run_import(make_resource(), dataset, dry_run=False)
        if not preview.has_problems:
            messages.success(
                request,
                _("Imported: %(new)s new, %(changed)s changed, %(unchanged)s unchanged.") % preview.counts,
            )
            return redirect(done_url)
    elif request.method == "POST":
        form = upload_form(request.POST, request.FILES)
        if form.is_valid():
            resource = make_resource()
            stored = run_service(
                form, _checked_upload, upload=form.cleaned_data["file"], columns=resource.required_columns()
            )
            if stored:
                preview = run_import(resource, stored.dataset(), dry_run=True)
                if preview.has_changes and not preview.has_problems:
                    token = stored.token(scope)
                else:
                    stored.delete()
    return render(
        request,
        TEMPLATE,
        {**context, "form": form, "preview": preview, "token": token, "columns": make_resource().required_columns()},
    )
