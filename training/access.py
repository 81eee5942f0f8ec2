"""Access helpers for training: every training view fetches its objects through these.

Built on organisations.access: 404 for another organisation, 403 for the wrong role. Each part of the training
app keeps its helpers in its own section below.
"""

from organisations import roles
from organisations.access import get_organisation_for_user, organisations_for_user, require_central_role
from organisations.roles import CentralRole

# --- tcomply: compliance figures --------------------------------------------------------------------------------
# Heads, representatives (they prepare the accreditation application the figures are evidence for), assigned
# evaluators, lead evaluators and administrators read an organisation's figures (VIEW_TRAINING_COMPLIANCE);
# staff and complaints officers do not (403): the page names the people who are overdue.


def get_compliance_organisation_for_user(request, organisation_pk):
    """The organisation whose training compliance the user may read; 404 for outsiders, 403 for other roles."""
    return get_organisation_for_user(request, organisation_pk, roles.VIEW_TRAINING_COMPLIANCE)


def compliance_organisations_for_user(request):
    """The organisations of the evaluation unit's overview; 403 for anyone outside the evaluation unit."""
    require_central_role(request, CentralRole.EVALUATOR, CentralRole.LEAD_EVALUATOR)
    return organisations_for_user(request.user, roles.VIEW_TRAINING_COMPLIANCE)
