"""HR spreadsheets of training: the staff list import (with its template) and the completions export."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.reference_resources import FORMATS, export_response
from common.reference_views import import_page
from organisations import roles
from organisations.access import get_organisation_for_user

from ..resources import CompletionResource, StaffResource, staff_import_roles


@login_required
@require_http_methods(["GET", "POST"])
def staff_import(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    back_url = reverse("workspace:training:rule_list", kwargs={"organisation_pk": organisation.pk})
    allowed = ", ".join(role.value for role in staff_import_roles(request.user, organisation))
    return import_page(
        request,
        make_resource=lambda: StaffResource(organisation=organisation, actor=request.user),
        context={
            "organisation": organisation,
            "title": _("Import the staff list of %(name)s") % {"name": organisation.name},
            "intro": _(
                "Upload the staff list exported from your HR system: one row per person and role (e-mail, first "
                "name, last name, role: %(roles)s). New people are invited by e-mail and get the training your "
                "rules assign to new members. People who already have the role are left as they are."
            )
            % {"roles": allowed},
            "back_url": back_url,
            "back_label": _("Back to training assignments"),
            "template_links": [
                (reverse("workspace:training:staff_import_template", args=[organisation.pk, kind]), label)
                for kind, label in (("xlsx", _("Template (XLSX)")), ("csv", _("Template (CSV)")))
            ],
        },
        done_url=back_url,
    )


@login_required
@require_GET
def staff_import_template(request, organisation_pk, kind):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    if kind not in FORMATS:
        raise Http404
    resource = StaffResource(organisation=organisation, actor=request.user)
    return export_response(resource, resource.export_rows().none(), kind, "staff-list-template", organisation)


@login_required
@require_GET
def completions_export(request, organisation_pk, kind):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_TRAINING)
    resource = CompletionResource(organisation=organisation)
    return export_response(resource, resource.export_rows(), kind, "training-completions", organisation)
