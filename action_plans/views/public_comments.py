"""The public comment page on a draft charter: no log-in, nothing about the visitor stored, rate limited.

django-ratelimit counts POSTs per client address (``common.throttling.client_ip``) in the throttle
cache under a hashed key; the address itself is never written to the database or the logs.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from common.forms import run_service

from ..forms.consultation import PublicCommentForm
from ..models import CommentPeriod
from ..services import comments as services

DEFAULT_RATE = "10/h"


def _over_limit(request):
    return is_ratelimited(
        request,
        group="public-comment",
        key="ip",
        rate=getattr(settings, "PUBLIC_COMMENT_RATE", DEFAULT_RATE),
        increment=True,
    )


@csrf_protect
@require_http_methods(["GET", "POST"])
def comment_page(request, token):
    period = get_object_or_404(CommentPeriod.objects.select_related("charter__organisation"), token=token)
    charter = period.charter
    status = services.period_status(period)
    sections = list(charter.sections.all()) if status != services.PeriodStatus.CLOSED else []
    form = PublicCommentForm(request.POST or None, sections=sections)
    response_status = 200
    if request.method == "POST":
        if status != services.PeriodStatus.OPEN:
            response_status = 409
            if status == services.PeriodStatus.NOT_YET_OPEN:
                form.add_error(None, _("This comment period has not opened yet, so your comment was not taken."))
            else:
                form.add_error(None, _("This comment period is closed, so your comment was not taken."))
        elif _over_limit(request):
            response_status = 429
            form.add_error(None, _("Too many comments have been sent from your connection. Please try again later."))
        elif form.is_valid():
            comment = run_service(
                form,
                services.public_comment_submit,
                period=period,
                text=form.cleaned_data["text"],
                section_id=form.cleaned_data["section"],
            )
            if comment:
                messages.success(request, _("Thank you. Your comment has been received."))
                return redirect("charters:comment_page", token=period.token)
    return render(
        request,
        "action_plans/consult/public_comment.html",
        {
            "period": period,
            "charter": charter,
            "organisation": charter.organisation,
            "status": status,
            "sections": sections,
            "form": form,
        },
        status=response_status,
    )
