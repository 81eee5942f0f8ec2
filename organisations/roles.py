"""Roles and what each one may do: the one place that maps roles to permissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationRole(models.TextChoices):
    REPRESENTATIVE = "representative", _("Organisation representative")
    HEAD = "head", _("Head of organisation")
    COMPLAINTS_OFFICER = "complaints_officer", _("Complaints officer")
    STAFF = "staff", _("Staff member")


class CentralRole(models.TextChoices):
    """Roles outside any organisation, held as Django groups of the same name."""

    EVALUATOR = "evaluator", _("Evaluator")
    LEAD_EVALUATOR = "lead_evaluator", _("Lead evaluator")
    ADMINISTRATOR = "administrator", _("Administrator")


VIEW = "view_organisation"
MANAGE_CHARTER = "manage_charter"
MANAGE_STANDARDS = "manage_standards"
APPROVE_SUBMISSIONS = "approve_submissions"
HANDLE_FEEDBACK = "handle_feedback"
RECEIVE_ESCALATIONS = "receive_escalations"
VIEW_AUDIT_LOG = "view_audit_log"
MANAGE_TRAINING = "manage_training"
TAKE_TRAINING = "take_training"
# Build customer surveys, type in paper responses and read the results (representative and head).
MANAGE_SURVEYS = "manage_surveys"
# Read the training compliance figures (rates, overdue and expiring lists): heads, representatives (who prepare
# the accreditation application these figures are evidence for) and the evaluation unit.
VIEW_TRAINING_COMPLIANCE = "view_training_compliance"

ROLE_PERMISSIONS = {
    OrganisationRole.REPRESENTATIVE: {
        VIEW,
        MANAGE_CHARTER,
        MANAGE_STANDARDS,
        MANAGE_SURVEYS,
        TAKE_TRAINING,
        VIEW_TRAINING_COMPLIANCE,
    },
    OrganisationRole.HEAD: {
        VIEW,
        APPROVE_SUBMISSIONS,
        HANDLE_FEEDBACK,
        RECEIVE_ESCALATIONS,
        MANAGE_SURVEYS,
        VIEW_AUDIT_LOG,
        MANAGE_TRAINING,
        TAKE_TRAINING,
        VIEW_TRAINING_COMPLIANCE,
    },
    OrganisationRole.COMPLAINTS_OFFICER: {VIEW, HANDLE_FEEDBACK, TAKE_TRAINING},
    OrganisationRole.STAFF: {VIEW, TAKE_TRAINING},
}


def permissions_for_roles(roles, *, assigned_evaluator=False):
    """The union of organisation permission codenames granted by these roles (and an assignment)."""
    granted = set(EVALUATOR_PERMISSIONS) if assigned_evaluator else set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[OrganisationRole(role)]
    return granted


def roles_granting(permission):
    """The organisation roles whose holders get the permission on their organisation."""
    return [role for role, granted in ROLE_PERMISSIONS.items() if permission in granted]


MANAGE_MEMBERS = "manage_members"  # held by administrators only, through their central role
REVIEW_RETURNS = "review_returns"
REVIEW_DOCUMENTS = "review_documents"  # request changes to, or approve, charters and action plans

ASSIGN_EVALUATORS = "assign_evaluators"

# An evaluator assigned to an organisation holds these on it.
EVALUATOR_PERMISSIONS = {VIEW, REVIEW_RETURNS, REVIEW_DOCUMENTS, VIEW_TRAINING_COMPLIANCE}
# Lead evaluators hold these on every organisation, through their central role.
LEAD_EVALUATOR_PERMISSIONS = EVALUATOR_PERMISSIONS | {ASSIGN_EVALUATORS}
# Reviewing, assigning reviewers, scoring and deciding: never on an organisation one belongs to
# (organisations.access.may_review). Later apps add their reviewing permissions here.
REVIEW_PERMISSIONS = frozenset({REVIEW_RETURNS, REVIEW_DOCUMENTS, ASSIGN_EVALUATORS})

ALL_PERMISSIONS = {MANAGE_MEMBERS}.union(LEAD_EVALUATOR_PERMISSIONS, *ROLE_PERMISSIONS.values())
