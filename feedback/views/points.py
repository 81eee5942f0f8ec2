"""Service points in the workspace: list, create, edit, stop taking reports, QR code and poster."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.forms import run_service

from ..access_points import get_point_for_user, get_points_organisation_for_user
from ..forms.points import ServicePointForm
from ..models import ServicePoint
from ..posters import poster_pdf, qr_svg, report_url
from ..services import points as services


@login_required
@require_GET
def point_list(request, organisation_pk):
    organisation = get_points_organisation_for_user(request, organisation_pk)
    points = ServicePoint.objects.filter(organisation=organisation).order_by("-is_active", "name")
    return render(request, "feedback/points/point_list.html", {"organisation": organisation, "points": points})


@login_required
def point_create(request, organisation_pk):
    organisation = get_points_organisation_for_user(request, organisation_pk)
    form = ServicePointForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        point = run_service(
            form, services.point_create, actor=request.user, organisation=organisation, **form.point_values()
        )
        if point:
            messages.success(request, _("Service point %(name)s created.") % {"name": point.name})
            return redirect("workspace:feedback:point_detail", organisation_pk=organisation.pk, pk=point.pk)
    return render(request, "feedback/points/point_form.html", {"form": form, "organisation": organisation})


@login_required
@require_GET
def point_detail(request, organisation_pk, pk):
    point = get_point_for_user(request, organisation_pk, pk)
    context = {
        "point": point,
        "organisation": point.organisation,
        "officials": point.officials.order_by("email"),
        "url": report_url(point),
        "qr": qr_svg(point),
    }
    return render(request, "feedback/points/point_detail.html", context)


@login_required
def point_edit(request, organisation_pk, pk):
    point = get_point_for_user(request, organisation_pk, pk)
    form = ServicePointForm(request.POST or None, instance=point, organisation=point.organisation)
    if request.method == "POST" and form.is_valid():
        updated = run_service(form, services.point_update, actor=request.user, point=point, **form.point_values())
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect("workspace:feedback:point_detail", organisation_pk=point.organisation_id, pk=point.pk)
    context = {"form": form, "organisation": point.organisation, "point": point}
    return render(request, "feedback/points/point_form.html", context)


@login_required
@require_POST
def point_deactivate(request, organisation_pk, pk):
    point = get_point_for_user(request, organisation_pk, pk)
    services.point_deactivate(actor=request.user, point=point)
    messages.success(request, _("%(name)s no longer takes reports. Take its posters down.") % {"name": point.name})
    return redirect("workspace:feedback:point_detail", organisation_pk=point.organisation_id, pk=point.pk)


@login_required
@require_GET
def point_poster(request, organisation_pk, pk):
    point = get_point_for_user(request, organisation_pk, pk)
    name = f"poster-{point.code.lower()}.pdf"
    return FileResponse(
        ContentFile(poster_pdf(point)), as_attachment=True, filename=name, content_type="application/pdf"
    )
