"""The metric-return life cycle: create, save values, submit, query, accept, correct.

Each service is atomic, locks the return (select_for_update), checks the actor's permission through
the ReturnFlow transition and writes an audit event with the state before and after.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.errors import ServiceError
from organisations import roles
from organisations.access import user_can
from organisations.audit import audit_record
from organisations.models import Organisation, User

from ..models import MetricReturn, MetricValue, ReportingPeriod, ReturnState, ServiceStandard, ValueSource
from ..periods import Bounds, label_for, period_store
from .return_flow import ReturnFlow
from .values import existing_values, value_row, values_write

STATE_MESSAGES = {
    ReturnState.SUBMITTED: gettext_lazy("This return has already been submitted and is waiting for review."),
    ReturnState.ACCEPTED: gettext_lazy("This return has been accepted and is locked. Start a correction to change it."),
    ReturnState.SUPERSEDED: gettext_lazy("This version has been replaced by a later one and is locked."),
    ReturnState.DRAFT: gettext_lazy("This return is still a draft: the organisation has not submitted it."),
    ReturnState.QUERIED: gettext_lazy("This return has been queried: it is waiting for the organisation's answer."),
}


def active_standards(metric_return):
    """The standards a return must report: the organisation's, of the period's frequency, in force in the period."""
    return ServiceStandard.objects.filter(organisation_id=metric_return.organisation_id).active_in(metric_return.period)


def open_return(organisation, period):
    """The version of the period's return the organisation may still work on (draft, submitted or queried)."""
    return (
        MetricReturn.objects.filter(
            organisation=organisation,
            period=period,
            state__in=ReturnState.OPEN_STATES,
        )
        .select_related("organisation", "period")
        .first()
    )


def _lock(metric_return):
    return MetricReturn.objects.select_for_update().select_related("organisation", "period").get(pk=metric_return.pk)


def _state_message(metric_return):
    return str(STATE_MESSAGES[ReturnState(metric_return.state)])


def _transition(actor, metric_return, name):
    """The bound transition after checking it applies to the current state and the actor may take it."""
    transition = getattr(ReturnFlow(metric_return), name)
    if not transition.can_proceed():
        raise ServiceError(_state_message(metric_return))
    if actor is not None and not transition.has_perm(actor):
        raise ServiceError(_("You may not do this to the return of %(name)s.") % {"name": metric_return.organisation})
    return transition


def _audit(actor, metric_return, verb, before_state, **details):
    audit_record(
        actor=actor,
        verb=f"metric_return.{verb}",
        target=metric_return,
        organisation=metric_return.organisation,
        before={"state": before_state, "version": metric_return.version},
        after={"state": metric_return.state, "version": metric_return.version, **details},
    )


def _return_exists(organisation, period):
    return ServiceError(
        _("There is already a return for %(period)s. Open it from the list of returns.")
        % {"period": label_for(period, organisation)},
        field="period",
    )


def _check_no_return(organisation, period):
    if MetricReturn.objects.filter(organisation=organisation, period=period).exists():
        raise _return_exists(organisation, period)


@transaction.atomic
def return_create(*, actor: User, organisation: Organisation, period: ReportingPeriod | Bounds) -> MetricReturn:
    """Open the first version of an organisation's return for a period (stored on first use if given as Bounds)."""
    if actor is not None and not user_can(actor, roles.MANAGE_STANDARDS, organisation):
        raise ServiceError(_("You may not open returns for %(name)s.") % {"name": organisation.name})
    if not ServiceStandard.objects.filter(organisation=organisation).active_in(period).exists():
        raise ServiceError(
            _("%(name)s has no standard reported for %(period)s.")
            % {"name": organisation.name, "period": label_for(period, organisation)},
            field="period",
        )
    if isinstance(period, Bounds):
        period = period_store(period)
    _check_no_return(organisation, period)
    try:
        with transaction.atomic():  # the unique constraints decide between two simultaneous creates
            metric_return = MetricReturn.objects.create(organisation=organisation, period=period, created_by=actor)
    except IntegrityError:
        raise _return_exists(organisation, period) from None
    _audit(actor, metric_return, "create", None)
    return metric_return


def rows_check(metric_return, rows, *, complete=False):
    """(problems, writes) for rows (standard → row dict): problems are (standard code, field, message) for every
    rule the rows break and for rows of standards not in the return; writes go to `values_write`."""
    allowed = set(active_standards(metric_return).values_list("pk", flat=True))
    problems, writes = [], []
    for standard, row in rows.items():
        if standard.pk not in allowed or standard.organisation_id != metric_return.organisation_id:
            problems.append(
                (standard.code, None, _("%(code)s is not reported in this return.") % {"code": standard.code})
            )
            continue
        row_problems, stored = value_row(standard, row, complete=complete)
        problems.extend((standard.code, field, message) for field, message in row_problems)
        writes.append((standard.pk, standard.code, *stored))
    return problems, writes


def refuse_rows(problems):
    """One ServiceError naming every (code, field, message) problem, or nothing."""
    if problems:
        text = " ".join(f"{code}: {message}" for code, _field, message in problems)
        raise ServiceError(text)


@transaction.atomic
def return_save_values(
    *, actor: User, metric_return: MetricReturn, values: dict, source: str = ValueSource.MANUAL
) -> MetricReturn:
    """Save the values of a draft or queried return. values: standard → dict(value/numerator/denominator, note)."""
    metric_return = _lock(metric_return)
    if not metric_return.is_editable:
        raise ServiceError(_state_message(metric_return))
    if actor is not None and not user_can(actor, roles.MANAGE_STANDARDS, metric_return.organisation):
        raise ServiceError(_("You may not change the values of this return."))
    problems, writes = rows_check(metric_return, values)
    refuse_rows(problems)
    changes = values_write(
        metric_return=metric_return, writes=writes, existing=existing_values(metric_return), source=source
    )
    if changes:
        audit_record(
            actor=actor,
            verb="metric_return.save_values",
            target=metric_return,
            organisation=metric_return.organisation,
            before={"state": metric_return.state, "values": {code: c["before"] for code, c in changes.items()}},
            after={"state": metric_return.state, "values": {code: c["after"] for code, c in changes.items()}},
        )
    return metric_return


def missing_values(metric_return):
    """(standard code, message) for every active standard without a complete value."""
    values = {value.standard_id: value for value in MetricValue.objects.filter(metric_return=metric_return)}
    problems = []
    for standard in active_standards(metric_return).order_by("code"):
        value = values.get(standard.pk)
        row = (
            {"value": value.value, "numerator": value.numerator, "denominator": value.denominator}
            if value is not None
            else {}
        )
        for _field, message in value_row(standard, row, complete=True)[0]:
            problems.append((standard.code, message))
    return problems


@transaction.atomic
def return_submit(*, actor: User, metric_return: MetricReturn, response: str = "") -> MetricReturn:
    """Hand the return in. After a query the organisation's response is required."""
    metric_return = _lock(metric_return)
    before_state = metric_return.state
    transition = _transition(actor, metric_return, "submit")
    response = (response or "").strip()
    if before_state == ReturnState.QUERIED and not response:
        raise ServiceError(_("Answer the evaluator's question before you submit again."), field="response")
    problems = missing_values(metric_return)
    if problems:
        raise ServiceError(
            _("Every standard needs a value before the return can be submitted. %(problems)s")
            % {"problems": " ".join(f"{code}: {message}" for code, message in problems)}
        )
    transition()
    if before_state == ReturnState.QUERIED:
        metric_return.response = response
    metric_return.submitted_at = timezone.now()
    metric_return.save(update_fields=["state", "response", "submitted_at"])
    _audit(actor, metric_return, "submit", before_state, response=metric_return.response)
    return metric_return


@transaction.atomic
def return_query(*, actor: User, metric_return: MetricReturn, question: str) -> MetricReturn:
    """Ask the organisation a question about a submitted return; it goes back to them."""
    metric_return = _lock(metric_return)
    before_state = metric_return.state
    transition = _transition(actor, metric_return, "query")
    question = (question or "").strip()
    if not question:
        raise ServiceError(_("Write the question the organisation should answer."), field="question")
    transition()
    metric_return.query = question
    metric_return.response = ""
    metric_return.reviewed_by = actor
    metric_return.reviewed_at = timezone.now()
    metric_return.save(update_fields=["state", "query", "response", "reviewed_by", "reviewed_at"])
    _audit(actor, metric_return, "query", before_state, question=question)
    return metric_return


@transaction.atomic
def return_accept(*, actor: User, metric_return: MetricReturn) -> MetricReturn:
    """Accept a submitted return: locked, it becomes the current version; the version it corrects is superseded."""
    metric_return = _lock(metric_return)
    before_state = metric_return.state
    transition = _transition(actor, metric_return, "accept")
    previous = (
        MetricReturn.objects.select_for_update()
        .filter(organisation_id=metric_return.organisation_id, period_id=metric_return.period_id, is_current=True)
        .exclude(pk=metric_return.pk)
        .first()
    )
    if previous is not None:
        previous_state = previous.state
        ReturnFlow(previous).supersede()
        previous.is_current = False
        previous.save(update_fields=["state", "is_current"])
        _audit(actor, previous, "supersede", previous_state, superseded_by=metric_return.version)
    transition()
    metric_return.is_current = True
    metric_return.reviewed_by = actor
    metric_return.reviewed_at = timezone.now()
    metric_return.save(update_fields=["state", "is_current", "reviewed_by", "reviewed_at"])
    _audit(actor, metric_return, "accept", before_state, is_current=True)
    return metric_return


@transaction.atomic
def return_correct(*, actor: User, metric_return: MetricReturn, reason: str) -> MetricReturn:
    """Start a correction of the accepted, current version: a copy as version n+1 in draft. Both are kept."""
    metric_return = _lock(metric_return)
    if actor is not None and not user_can(actor, roles.MANAGE_STANDARDS, metric_return.organisation):
        raise ServiceError(_("You may not correct the returns of %(name)s.") % {"name": metric_return.organisation})
    if metric_return.state != ReturnState.ACCEPTED or not metric_return.is_current:
        raise ServiceError(_("Only the accepted, current version of a return can be corrected."))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why the return needs a correction."), field="reason")
    if open_return(metric_return.organisation, metric_return.period) is not None:
        raise ServiceError(_("A correction of this return is already under way."))
    latest = MetricReturn.objects.filter(
        organisation_id=metric_return.organisation_id, period_id=metric_return.period_id
    ).aggregate(latest=Max("version"))["latest"]
    correction = MetricReturn.objects.create(
        organisation=metric_return.organisation,
        period=metric_return.period,
        version=latest + 1,
        supersedes=metric_return,
        correction_reason=reason,
        created_by=actor,
    )
    MetricValue.objects.bulk_create(
        MetricValue(
            metric_return=correction,
            standard_id=value.standard_id,
            value=value.value,
            numerator=value.numerator,
            denominator=value.denominator,
            note=value.note,
            source=value.source,
        )
        for value in MetricValue.objects.filter(metric_return=metric_return)
    )
    _audit(actor, correction, "correct", None, corrects=metric_return.version, reason=reason)
    return correction
