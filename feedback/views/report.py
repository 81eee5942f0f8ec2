"""The public red-button page ``r/<code>/``: report at a service point, receipt shown once.

No session is created or read here and nothing about the request is passed to the case: the
receipt is rendered in the POST's own response (never in a URL, never in a session), with
``Cache-Control: no-store``. Rate limiting keys on a salted hash of the address, in the cache only.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods

from common.forms import run_service
from common.throttling import public_request_allowed

from ..forms.point_code import PointCodeForm
from ..forms.report import ReportForm
from ..models import CaseChannel
from ..public_points import PointHeading, reporting_point, reporting_point_heading
from ..services.intake import case_receive


def _not_found(request):
    return render(request, "feedback/public/point_not_found.html", status=404)


def _page_context(heading):
    return {
        "point": heading,
        "photo_limits": f"{settings.FEEDBACK_PHOTO_MAX_FILES}-{settings.FEEDBACK_PHOTO_MAX_BYTES}",
    }


@require_GET
def report_start(request):
    """Make a complaint without scanning: the code printed under the QR code, typed in, opens its form."""
    form = PointCodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("public_feedback:report", code=form.cleaned_data["code"])
    return render(request, "feedback/public/report_start.html", {"form": form})


@require_http_methods(["GET", "POST"])
def report(request, code):
    if request.method == "POST":
        return _report_post(request, code)
    heading = reporting_point_heading(code)
    if heading is None:
        return _not_found(request)
    # The empty form's fields come from the template cache; the form is built only when they do not.
    context = {**_page_context(heading), "form": None, "blank_form": SimpleLazyObject(ReportForm)}
    return render(request, "feedback/public/report.html", context)


def _report_post(request, code):
    point = reporting_point(code)
    if point is None:
        return _not_found(request)
    context = _page_context(PointHeading.of(point))
    form = ReportForm(request.POST, request.FILES)
    if not public_request_allowed(request, "feedback-report", settings.FEEDBACK_REPORT_RATE):
        context.update(form=ReportForm(request.POST), throttled=True)
        return render(request, "feedback/public/report.html", context, status=429)
    if form.is_valid():
        result = run_service(
            form,
            case_receive,
            organisation=point.organisation,
            service_point=point,
            channel=CaseChannel.RED_BUTTON,
            actor=None,
            **form.intake_values(),
        )
        if result:
            case, receipt = result
            response = render(request, "feedback/public/receipt.html", {**context, "case": case, "receipt": receipt})
            add_never_cache_headers(response)
            return response
    context.update(form=form, photos_lost=bool(request.FILES))
    return render(request, "feedback/public/report.html", context)
