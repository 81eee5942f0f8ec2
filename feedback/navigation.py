"""Which feedback pages a person may open for an organisation: the Feedback index and the case inbox link to them,
each only where the page's own access helper would let the person in."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations import roles
from organisations.access import user_can

from .access import may_handle_cases
from .access_points import may_manage_points


def feedback_pages(user, organisation):
    """[(label, url)] of the organisation's feedback pages this person may open, cases first."""
    kwargs = {"organisation_pk": organisation.pk}
    pages = [
        (may_handle_cases(user, organisation), _("Cases"), "workspace:feedback:case_list"),
        (may_manage_points(user, organisation), _("Service points"), "workspace:feedback:point_list"),
        (user_can(user, roles.MANAGE_SURVEYS, organisation), _("Surveys"), "workspace:feedback:survey_list"),
        (
            user_can(user, roles.MANAGE_STANDARDS, organisation),
            _("Figures for the standards"),
            "workspace:feedback:figure_list",
        ),
    ]
    return [(label, reverse(name, kwargs=kwargs)) for allowed, label, name in pages if allowed]
