"""The life cycle shared by charters and action plans, as a viewflow.fsm state machine.

draft → signed off (head of organisation) → submitted (representative) → changes requested or
approved (evaluator) → published (representative) → superseded when the next version is published.
After changes are requested the representative revises and resubmits; the head's sign-off stands
unless the representative asks for it again (see docs/workflows.md).
`permission=` is not enforced by viewflow.fsm: the services ask `has_perm(user)` before each transition.
"""

from viewflow import fsm

from organisations import roles
from organisations.access import may_review, user_can

from .models import DocumentState


def _may_manage(flow, user):
    return user_can(user, roles.MANAGE_CHARTER, flow.document.organisation)


def _may_sign_off(flow, user):
    return user_can(user, roles.APPROVE_SUBMISSIONS, flow.document.organisation)


def _may_review(flow, user):
    organisation = flow.document.organisation
    return user_can(user, roles.REVIEW_DOCUMENTS, organisation) and may_review(user, organisation)


class DocumentFlow:
    state = fsm.State(DocumentState, default=DocumentState.DRAFT)

    def __init__(self, document):
        self.document = document

    @state.setter()
    def _set_state(self, value):
        self.document.state = value

    @state.getter()
    def _get_state(self):
        return self.document.state

    @state.transition(source=DocumentState.DRAFT, target=DocumentState.SIGNED_OFF, permission=_may_sign_off)
    def sign_off(self):
        """The head of organisation endorses the draft."""

    @state.transition(
        source=[DocumentState.SIGNED_OFF, DocumentState.CHANGES_REQUESTED],
        target=DocumentState.SUBMITTED,
        permission=_may_manage,
    )
    def submit(self):
        """The representative hands the signed-off (or revised) document in for review."""

    @state.transition(source=DocumentState.SIGNED_OFF, target=DocumentState.DRAFT, permission=_may_manage)
    def reopen(self):
        """Back to draft to change the text after sign-off; the head signs off again."""

    @state.transition(source=DocumentState.SUBMITTED, target=DocumentState.CHANGES_REQUESTED, permission=_may_review)
    def request_changes(self):
        """The evaluator sends it back with comments anchored to sections."""

    @state.transition(source=DocumentState.SUBMITTED, target=DocumentState.APPROVED, permission=_may_review)
    def approve(self):
        """The evaluator approves it for publication."""

    @state.transition(source=DocumentState.APPROVED, target=DocumentState.PUBLISHED, permission=_may_manage)
    def publish(self):
        """The representative publishes it: the public page and PDF show it; the previous version is superseded."""

    @state.transition(source=DocumentState.PUBLISHED, target=DocumentState.SUPERSEDED, permission=None)
    def supersede(self):
        """The next version was published in this one's place."""
