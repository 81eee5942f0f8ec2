"""Workspace views for survey results: counts, distributions, scores, free text (searchable), XLSX export."""

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access_surveys import get_survey_for_user
from ..survey_charts import bar_chart
from ..surveys_export import survey_xlsx
from ..surveys_results import channel_counts, free_text_answers, question_results

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def survey_results(request, organisation_pk, pk):
    survey = get_survey_for_user(request, organisation_pk, pk)
    query = request.GET.get("q", "")[:200]
    channels = channel_counts(survey)
    results = question_results(survey)
    for entry in results:
        if entry["rows"]:
            entry["chart"] = bar_chart(f"chart-q{entry['question'].pk}", entry["question"].text, entry["rows"])
    return render(
        request,
        "feedback/survey_results.html",
        {
            "survey": survey,
            "organisation": survey.organisation,
            "channels": channels,
            "total": sum(count for _value, _label, count in channels),
            "results": results,
            "texts": free_text_answers(survey, query)[:500],
            "query": query,
        },
    )


@login_required
@require_GET
def survey_export(request, organisation_pk, pk):
    survey = get_survey_for_user(request, organisation_pk, pk)
    return FileResponse(
        ContentFile(survey_xlsx(survey)),
        as_attachment=True,
        filename=f"survey-{survey.pk}.xlsx",
        content_type=XLSX_TYPE,
    )
