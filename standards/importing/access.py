"""Who may import: holders of manage_standards on the organisation (representatives) and administrators."""

from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user

from ..models import ImportJob, MetricReturn


def get_return_for_import(request, pk, return_pk):
    """A return of the organisation the user may import into; 404 for other organisations, 403 for other roles."""
    organisation = get_organisation_for_user(request, pk, roles.MANAGE_STANDARDS)
    return get_object_or_404(
        MetricReturn.objects.select_related("organisation", "period"), pk=return_pk, organisation=organisation
    )


def get_import_job_for_user(request, pk, job_pk, *, without_preview=False):
    """An import job of the organisation; a job of another organisation gives 404.

    ``without_preview`` leaves the (possibly large) preview and error lists in the database.
    """
    organisation = get_organisation_for_user(request, pk, roles.MANAGE_STANDARDS)
    jobs = ImportJob.objects.select_related("organisation", "metric_return__period", "created_by")
    if without_preview:
        jobs = jobs.defer("preview", "errors")
    return get_object_or_404(jobs, pk=job_pk, organisation=organisation)
