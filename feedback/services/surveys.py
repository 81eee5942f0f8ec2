"""Survey services: build a survey (questions frozen once it has responses) and record responses.

Web responses come from the public page (no actor); paper, large-print, Braille and phone responses are
typed in by staff, who are recorded as ``entered_by``. Responses to an anonymous survey keep no name or
e-mail address, and their time is kept to the hour only (nothing to match against server logs).
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record

from ..models import QuestionKind, ResponseChannel, Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse
from ..surveys_results import scale_of

SURVEY_FIELDS = ("title", "title_ga", "introduction", "introduction_ga", "opens_on", "closes_on", "is_anonymous")
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


def _check_dates(opens_on, closes_on):
    if closes_on < opens_on:
        raise ServiceError(_("The closing date must be on or after the opening date."), field="closes_on")


@transaction.atomic
def survey_create(*, actor, organisation, **fields):
    _check_dates(fields["opens_on"], fields["closes_on"])
    survey = Survey.objects.create(organisation=organisation, created_by=actor, **fields)
    audit_record(
        actor=actor, verb="survey.create", target=survey, organisation=organisation, after={"title": survey.title}
    )
    return survey


@transaction.atomic
def survey_update(*, actor, survey, **fields):
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _check_dates(fields["opens_on"], fields["closes_on"])
    if survey.responses.exists() and fields["is_anonymous"] != survey.is_anonymous:
        raise ServiceError(
            _("This survey already has responses, so whether it is anonymous can no longer change."),
            field="is_anonymous",
        )
    before = {name: str(getattr(survey, name)) for name in SURVEY_FIELDS}
    for name in SURVEY_FIELDS:
        setattr(survey, name, fields[name])
    survey.save()
    after = {name: str(getattr(survey, name)) for name in SURVEY_FIELDS}
    audit_record(
        actor=actor, verb="survey.update", target=survey, organisation=survey.organisation, before=before, after=after
    )
    return survey


def _locked_unfrozen(survey):
    """The survey row, locked; refuses when responses exist (the questions are frozen)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.responses.exists():
        raise ServiceError(
            _(
                "This survey already has responses, so its questions are frozen: changing them would change "
                "what people answered. Make a new survey instead."
            )
        )
    return survey


def _clean_options(kind, options):
    """[(text, text_ga)] for a choice question (at least two choices); [] for other kinds."""
    if kind not in CHOICE_KINDS:
        return []
    options = [(text.strip(), (text_ga or "").strip()) for text, text_ga in options if text.strip()]
    if len(options) < 2:
        raise ServiceError(_("A choice question needs at least two choices, one a line."), field="options")
    return options


def _check_scale(kind, scale_max):
    if kind == QuestionKind.RATING and not 2 <= scale_max <= 10:
        raise ServiceError(_("A rating scale goes from 1 up to between 2 and 10."), field="scale_max")


def _save_options(question, options):
    question.options.all().delete()
    SurveyOption.objects.bulk_create(
        SurveyOption(question=question, position=index, text=text, text_ga=text_ga)
        for index, (text, text_ga) in enumerate(options, start=1)
    )


@transaction.atomic
def question_add(*, actor, survey, kind, text, text_ga="", required=False, scale_max=5, options=()):
    survey = _locked_unfrozen(survey)
    _check_scale(kind, scale_max)
    options = _clean_options(kind, options)
    position = (survey.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    question = SurveyQuestion.objects.create(
        survey=survey,
        position=position,
        kind=kind,
        text=text,
        text_ga=text_ga,
        required=required,
        scale_max=scale_max if kind == QuestionKind.RATING else 5,
    )
    _save_options(question, options)
    audit_record(actor=actor, verb="survey.question_add", target=question, organisation=survey.organisation)
    return question


@transaction.atomic
def question_update(*, actor, question, kind, text, text_ga="", required=False, scale_max=5, options=()):
    _locked_unfrozen(question.survey)
    _check_scale(kind, scale_max)
    options = _clean_options(kind, options)
    question.kind, question.text, question.text_ga, question.required = kind, text, text_ga, required
    question.scale_max = scale_max if kind == QuestionKind.RATING else 5
    question.save()
    _save_options(question, options)
    audit_record(actor=actor, verb="survey.question_update", target=question, organisation=question.survey.organisation)
    return question


@transaction.atomic
def question_delete(*, actor, question):
    survey = _locked_unfrozen(question.survey)
    audit_record(actor=actor, verb="survey.question_delete", target=question, organisation=survey.organisation)
    question.delete()
    _renumber(survey, list(survey.questions.order_by("position")))


def _renumber(survey, questions):
    """Positions 1..n in the given order (two passes, so the unique (survey, position) never clashes)."""
    offset = len(questions) + 1000
    for index, question in enumerate(questions, start=1):
        SurveyQuestion.objects.filter(pk=question.pk).update(position=offset + index)
    for index, question in enumerate(questions, start=1):
        SurveyQuestion.objects.filter(pk=question.pk).update(position=index)


@transaction.atomic
def question_move(*, actor, question, direction):
    """Move the question one place up or down (nothing happens at either end)."""
    if direction not in ("up", "down"):
        raise ServiceError(_("Choose up or down."))
    survey = _locked_unfrozen(question.survey)
    questions = list(survey.questions.order_by("position"))
    index = next(i for i, item in enumerate(questions) if item.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
        _renumber(survey, questions)
        audit_record(actor=actor, verb="survey.question_move", target=question, organisation=survey.organisation)
    return question


def is_open(survey, today=None):
    today = today or timezone.localdate()
    return survey.opens_on <= today <= survey.closes_on


def _check_answer(question, value):
    """The answer cleaned to what is stored: a number, a list of options, or text. None when not answered."""
    if value in (None, "", [], ()):
        if question.required:
            raise ServiceError(_("Please answer this question."), field=f"q{question.pk}")
        return None
    if question.kind in (QuestionKind.RATING, QuestionKind.SATISFACTION, QuestionKind.NET_PROMOTER):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number not in scale_of(question):
            raise ServiceError(_("Choose one of the numbers shown."), field=f"q{question.pk}")
        return number
    if question.kind in CHOICE_KINDS:
        chosen = [value] if isinstance(value, str | int) else list(value)
        options = {str(option.pk): option for option in question.options.all()}
        if any(str(item) not in options for item in chosen) or (
            question.kind == QuestionKind.SINGLE and len(chosen) > 1
        ):
            raise ServiceError(_("Choose from the choices shown."), field=f"q{question.pk}")
        return [options[str(item)] for item in chosen]
    return str(value).strip()[:5000] or None


@transaction.atomic
def response_submit(*, survey, channel, answers, actor=None, respondent_name="", respondent_email="", today=None):
    """Record one response. ``answers`` maps question pk to the raw value (a number, option pks, or text).

    Web responses only while the survey is open; responses typed in by staff (actor) from paper or another
    format from the opening date on, also after closing (the post may be late).
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    today = today or timezone.localdate()
    if channel not in ResponseChannel.values:
        raise ServiceError(_("Choose how the response was received."), field="channel")
    if channel == ResponseChannel.WEB:
        if actor is not None:
            raise ServiceError(_("Choose how the response was received."), field="channel")
        if not is_open(survey, today):
            raise ServiceError(_("This survey is not open."))
    elif actor is None or today < survey.opens_on:
        raise ServiceError(_("Responses can be entered from the day the survey opens."))
    questions = list(survey.questions.prefetch_related("options").order_by("position"))
    errors, cleaned = [], {}
    for question in questions:
        try:
            cleaned[question] = _check_answer(question, answers.get(question.pk))
        except ServiceError as error:
            errors.append(error)
    if errors:
        raise errors[0]
    if not any(value is not None for value in cleaned.values()):
        raise ServiceError(_("Answer at least one question."))
    now = timezone.now()
    if survey.is_anonymous:
        respondent_name, respondent_email = "", ""
        now = now.replace(minute=0, second=0, microsecond=0)
    response = SurveyResponse.objects.create(
        survey=survey,
        channel=channel,
        entered_by=actor,
        submitted_at=now,
        respondent_name=respondent_name.strip()[:200],
        respondent_email=respondent_email.strip()[:254],
    )
    for question, value in cleaned.items():
        if value is None:
            continue
        if isinstance(value, list):
            answer = SurveyAnswer.objects.create(response=response, question=question)
            answer.options.set(value)
        elif isinstance(value, int):
            SurveyAnswer.objects.create(response=response, question=question, number=value)
        else:
            SurveyAnswer.objects.create(response=response, question=question, text=value)
    if actor is not None:
        audit_record(
            actor=actor,
            verb="survey.response_enter",
            target=response,
            organisation=survey.organisation,
            after={"channel": channel},
        )
    return response
