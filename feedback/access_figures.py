"""Access helpers for the figures page: linking standards to feedback figures is managing the standards
(MANAGE_STANDARDS: the representative, and administrators). Other members, evaluators and lead evaluators
get 403; outsiders and another organisation's figures 404."""

from django.shortcuts import get_object_or_404

from organisations import roles
from organisations.access import get_organisation_for_user

from .models import FeedbackFigure


def get_figures_organisation_for_user(request, organisation_pk):
    return get_organisation_for_user(request, organisation_pk, roles.MANAGE_STANDARDS)


def get_figure_for_user(request, organisation_pk, pk):
    organisation = get_figures_organisation_for_user(request, organisation_pk)
    figures = FeedbackFigure.objects.select_related("standard__organisation")
    return get_object_or_404(figures, pk=pk, standard__organisation=organisation)
