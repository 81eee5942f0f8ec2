"""Workspace pages for public comment periods: open one, share its link and QR code, moderate, close and record."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user

from ..access import get_comment_period_for_user
from ..forms.consultation import CommentPeriodForm, ModerationForm, RecordForm
from ..models import CommentStatus
from ..services import comments as services
from ..services.consultation import current_open_charter


def public_url(request, period):
    return request.build_absolute_uri(reverse("charters:comment_page", args=[period.token]))


@login_required
def comment_period_open(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_CHARTER)
    form = CommentPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        period = run_service(
            form,
            services.comment_period_open,
            actor=request.user,
            organisation=organisation,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
        )
        if period:
            messages.success(request, _("Comment period opened. Share the public link or the QR code."))
            return redirect("workspace:action_plans:comment_period_detail", organisation.pk, period.pk)
    return render(
        request,
        "action_plans/consult/comment_period_open.html",
        {"form": form, "organisation": organisation, "charter": current_open_charter(organisation)},
    )


@login_required
@require_GET
def comment_period_detail(request, organisation_pk, pk):
    period = get_comment_period_for_user(request, organisation_pk, pk)
    url = public_url(request, period)
    qr = segno.make(url, error="m")
    comments = period.comments.select_related("section", "moderated_by")
    return render(
        request,
        "action_plans/consult/comment_period_detail.html",
        {
            "period": period,
            "organisation": period.charter.organisation,
            "charter": period.charter,
            "status": services.period_status(period),
            "public_url": url,
            "qr_svg": mark_safe(qr.svg_inline(scale=5, border=2)),  # noqa: S308 - segno's own markup
            "comments": comments,
            "pending": sum(1 for comment in comments if comment.status == CommentStatus.PENDING),
            "sections": period.charter.sections.all(),
            "record_form": RecordForm(),
        },
    )


@login_required
@require_GET
def comment_period_qr(request, organisation_pk, pk, kind):
    period = get_comment_period_for_user(request, organisation_pk, pk)
    if kind not in ("png", "svg"):
        raise Http404
    buffer = io.BytesIO()
    segno.make(public_url(request, period), error="m").save(buffer, kind=kind, scale=10, border=4)
    response = HttpResponse(buffer.getvalue(), content_type="image/png" if kind == "png" else "image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="comment-period-{period.pk}-qr.{kind}"'
    return response


@login_required
@require_POST
def comment_moderate(request, organisation_pk, pk):
    period = get_comment_period_for_user(request, organisation_pk, pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a comment and whether to accept or reject it."))
    else:
        try:
            comment = services.comment_moderate(
                actor=request.user,
                period=period,
                comment_id=form.cleaned_data["comment"],
                decision=form.cleaned_data["decision"],
                section_id=form.cleaned_data["section"],
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            if comment.status == CommentStatus.ACCEPTED:
                messages.success(request, _("Comment accepted."))
            else:
                messages.success(request, _("Comment rejected."))
    return redirect("workspace:action_plans:comment_period_detail", period.charter.organisation_id, period.pk)


@login_required
def comment_period_record(request, organisation_pk, pk):
    period = get_comment_period_for_user(request, organisation_pk, pk)
    organisation = period.charter.organisation
    if period.consultation_id is not None:
        messages.info(request, _("This comment period has already been closed and recorded."))
        return redirect("workspace:action_plans:consultation_detail", organisation.pk, period.consultation_id)
    form = RecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consultation = run_service(
            form,
            services.comment_period_record,
            actor=request.user,
            period=period,
            title=form.cleaned_data["title"],
            findings=form.cleaned_data["findings"],
        )
        if consultation:
            messages.success(request, _("Comment period closed and recorded as a consultation."))
            return redirect("workspace:action_plans:consultation_detail", organisation.pk, consultation.pk)
    return render(
        request,
        "action_plans/consult/comment_period_record.html",
        {
            "form": form,
            "period": period,
            "organisation": organisation,
            "accepted": period.comments.filter(status=CommentStatus.ACCEPTED).count(),
            "pending": period.comments.filter(status=CommentStatus.PENDING).count(),
        },
    )
