"""The life cycle of a metric return as a viewflow.fsm state machine.

draft → submitted → accepted (→ superseded when a corrected version is accepted),
submitted → queried → submitted again (resubmitted, with the organisation's response).
`permission=` is not enforced by viewflow.fsm: the services ask `has_perm(user)` before each transition.
"""

from viewflow import fsm

from organisations import roles
from organisations.access import user_can

from ..models import ReturnState


def _may_manage(flow, user):
    return user_can(user, roles.MANAGE_STANDARDS, flow.metric_return.organisation)


def _may_review(flow, user):
    return user_can(user, roles.REVIEW_RETURNS, flow.metric_return.organisation)


class ReturnFlow:
    state = fsm.State(ReturnState, default=ReturnState.DRAFT)

    def __init__(self, metric_return):
        self.metric_return = metric_return

    @state.setter()
    def _set_state(self, value):
        self.metric_return.state = value

    @state.getter()
    def _get_state(self):
        return self.metric_return.state

    @state.transition(source=list(ReturnState.EDITABLE_STATES), target=ReturnState.SUBMITTED, permission=_may_manage)
    def submit(self):
        """The organisation hands the return in (again, after a query)."""

    @state.transition(source=ReturnState.SUBMITTED, target=ReturnState.QUERIED, permission=_may_review)
    def query(self):
        """The evaluator asks a question; the organisation answers and may edit values."""

    @state.transition(source=ReturnState.SUBMITTED, target=ReturnState.ACCEPTED, permission=_may_review)
    def accept(self):
        """The evaluator accepts the values; the return is locked."""

    @state.transition(source=ReturnState.ACCEPTED, target=ReturnState.SUPERSEDED, permission=None)
    def supersede(self):
        """A corrected version was accepted in this one's place."""
