"""Access helpers for standards: every standards view fetches its objects through these.

Built on organisations.access: 404 for another organisation's things (whatever
organisation the URL names), 403 for the wrong role, and no reviewing of one's own
organisation. An evaluator sees a return only once it has been submitted: drafts
(a first draft or a correction being prepared) are the organisation's own.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisations import roles
from organisations.access import (
    get_organisation_for_user,
    get_organisation_object_for_user,
    is_member,
    organisations_for_user,
)
from organisations.models import Organisation

from .models import ImportJob, MetricReturn, ReturnState, ServiceStandard
from .reports.context import FIRST_YEAR, LAST_YEAR

# States only the organisation itself sees; reviewers see the rest (queried and superseded included).
ORGANISATION_ONLY_STATES = frozenset({ReturnState.DRAFT})


def sees_drafts(user, organisation):
    """Members of the organisation and administrators see its draft returns; reviewers do not."""
    return user.is_administrator or is_member(user, organisation)


def returns_for_user(user, organisation, returns=None):
    """The organisation's returns the user may see (drafts left out for reviewers)."""
    returns = MetricReturn.objects.all() if returns is None else returns
    returns = returns.filter(organisation=organisation)
    if not sees_drafts(user, organisation):
        returns = returns.exclude(state__in=ORGANISATION_ONLY_STATES)
    return returns


def get_return_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """A return of the organisation the user may see (404 otherwise, drafts too for reviewers), 403 for the role."""
    metric_return = get_organisation_object_for_user(
        request, MetricReturn.objects.select_related("organisation", "period"), organisation_pk, pk, permission
    )
    if metric_return.state in ORGANISATION_ONLY_STATES and not sees_drafts(request.user, metric_return.organisation):
        raise Http404
    return metric_return


def get_standard_for_user(request, organisation_pk, pk, permission=roles.VIEW):
    """A standard of the organisation the user may see (404 otherwise), if their roles allow the action (403)."""
    standards = ServiceStandard.objects.select_related("organisation")
    return get_organisation_object_for_user(request, standards, organisation_pk, pk, permission)


def get_import_job_for_user(request, organisation_pk, pk, *, without_preview=False):
    """An import job of the organisation, for those who may import into it (representatives, administrators).

    ``without_preview`` leaves the (possibly large) preview and error lists in the database.
    """
    jobs = ImportJob.objects.select_related("organisation", "metric_return__period", "created_by")
    if without_preview:
        jobs = jobs.defer("preview", "errors")
    return get_organisation_object_for_user(request, jobs, organisation_pk, pk, roles.MANAGE_STANDARDS)


def get_report_organisation_for_user(request, organisation_pk, year):
    """The organisation whose report the user may read, for a year the report can cover (404 otherwise)."""
    organisation = get_organisation_for_user(request, organisation_pk, roles.VIEW)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return organisation


def get_benchmark_organisations_for_user(request):
    """Organisations the user reviews; 403 for anyone without review rights anywhere."""
    user = request.user
    if user.is_administrator or user.is_lead_evaluator:
        return Organisation.objects.all()
    organisations = organisations_for_user(user, roles.REVIEW_RETURNS)
    if not organisations.exists():
        raise PermissionDenied
    return organisations
