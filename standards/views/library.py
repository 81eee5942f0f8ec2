"""An organisation's standards library as a spreadsheet: export, and re-import with a preview."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.reference_resources import export_response
from common.reference_views import import_page
from organisations import roles
from organisations.access import get_organisation_for_user

from ..resources import StandardResource


@login_required
@require_GET
def library_export(request, organisation_pk, kind):
    organisation = get_organisation_for_user(request, organisation_pk)
    resource = StandardResource(organisation=organisation, actor=request.user, today=timezone.localdate())
    return export_response(resource, resource.export_rows(), kind, "standards", organisation)


@login_required
@require_http_methods(["GET", "POST"])
def library_import(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_STANDARDS)
    list_url = reverse("workspace:standards:standard_list", kwargs={"organisation_pk": organisation.pk})
    return import_page(
        request,
        make_resource=lambda: StandardResource(
            organisation=organisation, actor=request.user, today=timezone.localdate()
        ),
        context={
            "organisation": organisation,
            "title": _("Import the standards of %(name)s") % {"name": organisation.name},
            "intro": _(
                "Export the standards, edit them in a spreadsheet and upload the file. Rows are matched by code; "
                "a new code adds a standard; a changed target is in force from today."
            ),
            "back_url": list_url,
            "back_label": _("Back to the standards"),
        },
        done_url=list_url,
    )
