"""The XLSX export of a survey: one row a response, one column a question; every text cell formula-safe."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from common.spreadsheet import xlsx_row

from .models import QuestionKind
from .surveys_results import channel_counts, question_results


def _answer_cell(answer):
    if answer is None:
        return None
    if answer.question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return "; ".join(option.text for option in answer.options.all())
    if answer.number is not None:
        return answer.number
    return answer.text


def survey_xlsx(survey):
    workbook = Workbook(write_only=True)
    questions = list(survey.questions.order_by("position"))
    sheet = workbook.create_sheet(_("Responses"))
    header = [_("Response"), _("Received as"), _("Submitted at"), _("Entered by")]
    if not survey.is_anonymous:
        header += [_("Name"), _("E-mail")]
    sheet.append(xlsx_row(sheet, header + [question.text for question in questions]))
    responses = (
        survey.responses.select_related("entered_by")
        .prefetch_related("answers__options", "answers__question")
        .order_by("submitted_at", "pk")
    )
    for response in responses:
        answers = {answer.question_id: answer for answer in response.answers.all()}
        row = [
            response.pk,
            response.get_channel_display(),
            timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M"),
            response.entered_by.email if response.entered_by else "",
        ]
        if not survey.is_anonymous:
            row += [response.respondent_name, response.respondent_email]
        row += [_answer_cell(answers.get(question.pk)) for question in questions]
        sheet.append(xlsx_row(sheet, row))
    summary = workbook.create_sheet(_("Summary"))
    summary.append(xlsx_row(summary, [_("Received as"), _("Responses")]))
    for _value, label, count in channel_counts(survey):
        summary.append(xlsx_row(summary, [str(label), count]))
    summary.append([])
    summary.append(xlsx_row(summary, [_("Question"), _("Answer"), _("Count")]))
    for entry in question_results(survey):
        for label, count in entry["rows"]:
            summary.append(xlsx_row(summary, [entry["question"].text, str(label), count]))
        if "satisfaction" in entry:
            score = entry["satisfaction"]
            summary.append(xlsx_row(summary, [entry["question"].text, _("Satisfaction score (%)"), score.percent]))
            summary.append(xlsx_row(summary, [entry["question"].text, _("Sample size"), score.denominator]))
        if "net_promoter" in entry:
            summary.append(
                xlsx_row(summary, [entry["question"].text, _("Net promoter score"), entry["net_promoter"].score])
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
