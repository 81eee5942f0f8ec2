"""The public survey page (no log-in): answer a survey through its link or QR code, then a thank-you page.

Before the opening date and after the closing date the page says so and takes nothing. Responses to an
anonymous survey keep nothing that identifies anyone: no IP address, user agent, session or user (the
model has no field for them, and the view reads none of them). POSTs are rate limited on a salted hash
of the address kept only in the cache (common.throttling.public_request_allowed).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.bilingual import in_language
from common.forms import run_service
from common.throttling import public_request_allowed

from ..forms.surveys import ResponseForm
from ..models import ResponseChannel, Survey
from ..services import surveys as services

SURVEY_RESPONSE_RATE = getattr(settings, "SURVEY_RESPONSE_RATE", "20/h")


def _context(survey, **extra):
    return {
        "survey": survey,
        "title": in_language(survey, "title"),
        "introduction": in_language(survey, "introduction"),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def survey_answer(request, token):
    survey = get_object_or_404(Survey.objects.select_related("organisation"), token=token)
    today = timezone.localdate()
    if not services.is_open(survey, today):
        state = "not_yet" if today < survey.opens_on else "closed"
        return render(request, "feedback/public/survey_closed.html", _context(survey, state=state))
    form = ResponseForm(request.POST or None, survey=survey)
    if request.method == "POST":
        if not public_request_allowed(request, "survey-response", SURVEY_RESPONSE_RATE):
            form.is_valid()
            form.add_error(None, _("Too many responses have come from your connection. Please try again later."))
            return render(request, "feedback/public/survey_answer.html", _context(survey, form=form), status=429)
        if form.is_valid():
            response = run_service(
                form,
                services.response_submit,
                survey=survey,
                channel=ResponseChannel.WEB,
                answers=form.answers(),
                **form.respondent(),
            )
            if response:
                return redirect("public_feedback:survey_thanks", token=survey.token)
    return render(request, "feedback/public/survey_answer.html", _context(survey, form=form))


@require_GET
def survey_thanks(request, token):
    survey = get_object_or_404(Survey.objects.select_related("organisation"), token=token)
    return render(request, "feedback/public/survey_thanks.html", _context(survey))
