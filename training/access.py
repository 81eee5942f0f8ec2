"""Access helpers for training. Each part of the training app keeps its helpers in its own section."""

from organisations import roles
from organisations.access import get_organisation_object_for_user

from .models import Assignment, AssignmentRule

# --- tassign: assignment rules, assignments, staff list import, completions export -------------------------
# Heads (manage training) and administrators; everyone else who sees the organisation gets 403, outsiders 404.


def get_rule_for_user(request, organisation_pk, pk, permission=roles.MANAGE_TRAINING):
    rules = AssignmentRule.objects.select_related("organisation", "module")
    return get_organisation_object_for_user(request, rules, organisation_pk, pk, permission)


def get_training_assignment_for_user(request, organisation_pk, pk, permission=roles.MANAGE_TRAINING):
    assignments = Assignment.objects.select_related("organisation", "module", "user")
    return get_organisation_object_for_user(request, assignments, organisation_pk, pk, permission)
