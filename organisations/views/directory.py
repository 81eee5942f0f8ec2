"""Spreadsheets for administrators: the organisation directory and an organisation's members."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.reference_resources import export_response
from common.reference_views import import_page

from .. import roles
from ..access import get_organisation_for_user, require_central_role
from ..resources import MembershipResource, OrganisationResource
from ..roles import CentralRole


@login_required
@require_GET
def directory_export(request, kind):
    require_central_role(request, CentralRole.ADMINISTRATOR)
    resource = OrganisationResource(actor=request.user)
    return export_response(resource, resource.export_rows(), kind, "organisations")


@login_required
@require_http_methods(["GET", "POST"])
def directory_import(request):
    require_central_role(request, CentralRole.ADMINISTRATOR)
    list_url = reverse("workspace:organisations:index")
    return import_page(
        request,
        make_resource=lambda: OrganisationResource(actor=request.user),
        context={
            "title": _("Import organisations"),
            "intro": _(
                "Rows are matched by name: a new name adds an organisation. "
                "The parent body is given by its name or short name."
            ),
            "back_url": list_url,
            "back_label": _("Back to the organisations"),
        },
        done_url=list_url,
    )


@login_required
@require_GET
def members_export(request, organisation_pk, kind):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_MEMBERS)
    resource = MembershipResource(organisation=organisation, actor=request.user)
    return export_response(resource, resource.export_rows(), kind, "members", organisation)


@login_required
@require_http_methods(["GET", "POST"])
def members_import(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_MEMBERS)
    detail_url = reverse("workspace:organisations:detail", kwargs={"organisation_pk": organisation.pk})
    return import_page(
        request,
        make_resource=lambda: MembershipResource(organisation=organisation, actor=request.user),
        context={
            "organisation": organisation,
            "title": _("Import members of %(name)s") % {"name": organisation.name},
            "intro": _(
                "One row per role a person gets (e-mail, name, role). New people are invited by e-mail. "
                "A role the person already has is a problem, and then nothing is imported."
            ),
            "back_url": detail_url,
            "back_label": _("Back to the organisation"),
        },
        done_url=detail_url,
    )
