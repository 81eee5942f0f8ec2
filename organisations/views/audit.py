from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from common.reference_resources import export_response

from .. import roles
from ..access import get_organisation_for_user
from ..resources import AuditEventResource


@login_required
@require_GET
def audit_log(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.VIEW_AUDIT_LOG)
    events = organisation.audit_events.select_related("actor")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/audit_log.html", {"organisation": organisation, "page": page})


@login_required
@require_GET
def audit_export(request, organisation_pk, kind):
    """The events of the audit log page as CSV or XLSX, for the people who may read that page."""
    organisation = get_organisation_for_user(request, organisation_pk, roles.VIEW_AUDIT_LOG)
    events = organisation.audit_events.order_by("-created_at", "-id")
    return export_response(AuditEventResource(), events, kind, "audit", organisation)
