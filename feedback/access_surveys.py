"""Access helpers for surveys: every survey view fetches its objects through these.

Built on organisations.access: 404 for another organisation's survey (whatever organisation the URL names),
403 for members without the manage-surveys permission (representative and head hold it).
"""

from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user, get_organisation_object_for_user

from .models import Survey, SurveyQuestion


def get_survey_for_user(request, organisation_pk, pk, permission=roles.MANAGE_SURVEYS):
    surveys = Survey.objects.select_related("organisation")
    return get_organisation_object_for_user(request, surveys, organisation_pk, pk, permission)


def get_question_for_user(request, organisation_pk, pk, permission=roles.MANAGE_SURVEYS):
    organisation = get_organisation_for_user(request, organisation_pk, permission)
    questions = SurveyQuestion.objects.select_related("survey__organisation")
    return get_object_or_404(questions, pk=pk, survey__organisation=organisation)
