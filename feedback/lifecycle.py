"""The case life cycle, as a viewflow.fsm state machine.

received → acknowledged → in progress → resolved → closed. A case not acknowledged by its
acknowledge-by date, or not resolved by its resolve-by date, is escalated (by the scheduled task, as
the system actor); an escalated case can still be acknowledged, taken forward and resolved.
`permission=` is not enforced by viewflow.fsm: the services ask `has_perm(user)` before each transition.
"""

from viewflow import fsm

from organisations.system import is_system_actor

from .models import CaseState


def _may_handle(flow, user):
    from .access import cases_visible_to

    return cases_visible_to(user, flow.case.organisation).filter(pk=flow.case.pk).exists()


def _system_only(flow, user):
    return is_system_actor(user)


class CaseFlow:
    state = fsm.State(CaseState, default=CaseState.RECEIVED)

    def __init__(self, case):
        self.case = case

    @state.setter()
    def _set_state(self, value):
        self.case.state = value

    @state.getter()
    def _get_state(self):
        return self.case.state

    @state.transition(
        source=[CaseState.RECEIVED, CaseState.ESCALATED], target=CaseState.ACKNOWLEDGED, permission=_may_handle
    )
    def acknowledge(self):
        """A handler tells the reporter the case has been received and is being looked at."""

    @state.transition(
        source=[CaseState.RECEIVED, CaseState.ACKNOWLEDGED, CaseState.ESCALATED],
        target=CaseState.IN_PROGRESS,
        permission=_may_handle,
    )
    def start(self):
        """Work on the case begins."""

    @state.transition(
        source=[CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS, CaseState.ESCALATED],
        target=CaseState.RESOLVED,
        permission=_may_handle,
    )
    def resolve(self):
        """The handler records the resolution."""

    @state.transition(source=CaseState.RESOLVED, target=CaseState.CLOSED, permission=_may_handle)
    def close(self):
        """The case is closed; the reporter may rate it and can add nothing more."""

    @state.transition(
        source=[CaseState.RECEIVED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS],
        target=CaseState.ESCALATED,
        permission=_system_only,
    )
    def escalate(self):
        """Not acknowledged or not resolved in time: the head of organisation is told."""
