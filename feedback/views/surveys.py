"""Workspace views for surveys: the list, building a survey, its link and QR code, typing in paper responses."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations import roles
from organisations.access import get_organisation_for_user, user_can

from ..access_surveys import get_question_for_user, get_survey_for_user
from ..forms.surveys import PaperResponseForm, QuestionForm, SurveyForm
from ..models import Survey
from ..services import surveys as services


def _detail(survey):
    return redirect("workspace:feedback:survey_detail", organisation_pk=survey.organisation_id, pk=survey.pk)


def public_url(request, survey):
    return request.build_absolute_uri(reverse("public_feedback:survey", kwargs={"token": survey.token}))


@login_required
@require_GET
def survey_list(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_SURVEYS)
    surveys = Survey.objects.filter(organisation=organisation).order_by("-opens_on", "-pk")
    return render(
        request,
        "feedback/survey_list.html",
        {
            "organisation": organisation,
            "surveys": surveys,
            "today": timezone.localdate(),
            "may_link_figures": user_can(request.user, roles.MANAGE_STANDARDS, organisation),
        },
    )


@login_required
def survey_create(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.MANAGE_SURVEYS)
    today = timezone.localdate()
    form = SurveyForm(request.POST or None, initial={"opens_on": today, "closes_on": today, "is_anonymous": True})
    if request.method == "POST" and form.is_valid():
        survey = run_service(
            form, services.survey_create, actor=request.user, organisation=organisation, **form.values()
        )
        if survey:
            messages.success(request, _("Survey created. Now add its questions."))
            return _detail(survey)
    return render(request, "feedback/survey_form.html", {"form": form, "organisation": organisation, "survey": None})


@login_required
def survey_edit(request, organisation_pk, pk):
    survey = get_survey_for_user(request, organisation_pk, pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, services.survey_update, actor=request.user, survey=survey, **form.values())
    ):
        messages.success(request, _("Changes saved."))
        return _detail(survey)
    return render(
        request, "feedback/survey_form.html", {"form": form, "organisation": survey.organisation, "survey": survey}
    )


@login_required
@require_GET
def survey_detail(request, organisation_pk, pk):
    survey = get_survey_for_user(request, organisation_pk, pk)
    questions = survey.questions.prefetch_related("options").order_by("position")
    return render(
        request,
        "feedback/survey_detail.html",
        {
            "survey": survey,
            "organisation": survey.organisation,
            "questions": questions,
            "frozen": survey.responses.exists(),
            "public_url": public_url(request, survey),
            "qr_svg": segno.make(public_url(request, survey), error="m").svg_inline(
                scale=4, title=_("QR code for the survey link")
            ),
            "is_open": services.is_open(survey),
        },
    )


@login_required
@require_GET
def survey_qr(request, organisation_pk, pk):
    """The QR code of the public link as an SVG file to download and print."""
    survey = get_survey_for_user(request, organisation_pk, pk)
    buffer = io.BytesIO()
    segno.make(public_url(request, survey), error="m").save(buffer, kind="svg", scale=10, border=4)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-qr.svg"'
    return response


@login_required
def question_create(request, organisation_pk, pk):
    survey = get_survey_for_user(request, organisation_pk, pk)
    form = QuestionForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, services.question_add, actor=request.user, survey=survey, **form.values())
    ):
        messages.success(request, _("Question added."))
        return _detail(survey)
    return render(request, "feedback/question_form.html", {"form": form, "survey": survey, "question": None})


@login_required
def question_edit(request, organisation_pk, pk):
    question = get_question_for_user(request, organisation_pk, pk)
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, services.question_update, actor=request.user, question=question, **form.values())
    ):
        messages.success(request, _("Question saved."))
        return _detail(question.survey)
    return render(
        request, "feedback/question_form.html", {"form": form, "survey": question.survey, "question": question}
    )


def _run_or_message(request, service, **kwargs):
    try:
        service(**kwargs)
        return True
    except ServiceError as error:
        messages.error(request, error.message)
        return False


@login_required
@require_POST
def question_delete(request, organisation_pk, pk):
    question = get_question_for_user(request, organisation_pk, pk)
    if _run_or_message(request, services.question_delete, actor=request.user, question=question):
        messages.success(request, _("Question deleted."))
    return _detail(question.survey)


@login_required
@require_POST
def question_move(request, organisation_pk, pk):
    question = get_question_for_user(request, organisation_pk, pk)
    _run_or_message(
        request, services.question_move, actor=request.user, question=question, direction=request.POST.get("direction")
    )
    return _detail(question.survey)


@login_required
def response_enter(request, organisation_pk, pk):
    """Type in a response received on paper, in large print, in Braille or by phone."""
    survey = get_survey_for_user(request, organisation_pk, pk)
    form = PaperResponseForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        response = run_service(
            form,
            services.response_submit,
            survey=survey,
            channel=form.cleaned_data["channel"],
            answers=form.answers(),
            actor=request.user,
            **form.respondent(),
        )
        if response:
            messages.success(
                request, _("Response recorded (%(channel)s).") % {"channel": response.get_channel_display()}
            )
            return redirect(
                "workspace:feedback:survey_response_enter", organisation_pk=survey.organisation_id, pk=survey.pk
            )
    return render(request, "feedback/survey_response_enter.html", {"form": form, "survey": survey})
