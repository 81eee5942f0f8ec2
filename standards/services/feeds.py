"""The entry point for values computed elsewhere (feedback cases, surveys, an API).

    metric_values_feed(actor=system_actor(), organisation=org, period=period, source=ValueSource.FEEDBACK,
                       values={"S001": {"numerator": 45, "denominator": 50, "note": "From 50 closed cases"}})

Values go into the organisation's open return for the period (draft, or queried by an evaluator),
which is created when the period has no return yet. A return that is submitted or accepted is
never changed by a feed: the organisation decides about corrections.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record
from organisations.models import Organisation, User

from ..models import MetricReturn, ReportingPeriod, ReturnState, ServiceStandard, ValueSource
from ..periods import label_for
from .returns import refuse_rows, rows_check
from .values import NumberError, existing_values, parse_number, values_write

NUMBER_FIELDS = ("value", "numerator", "denominator")
FEED_SOURCES = (ValueSource.FEEDBACK, ValueSource.SURVEY, ValueSource.API)


def _rows(organisation, values):
    """standard → row of parsed numbers, refusing unknown codes and anything that is not a number."""
    standards = {standard.code: standard for standard in ServiceStandard.objects.filter(organisation=organisation)}
    unknown = sorted(set(values) - set(standards))
    if unknown:
        raise ServiceError(
            _("%(name)s has no standard with the code %(codes)s.")
            % {"name": organisation.name, "codes": ", ".join(unknown)}
        )
    rows, problems = {}, []
    for code, raw in values.items():
        standard = standards[code]
        row = {"note": raw.get("note")}
        for name in NUMBER_FIELDS:
            try:
                row[name] = parse_number(raw.get(name), percent=name == "value" and standard.is_percentage)
            except NumberError as error:
                problems.append(f"{code}: {error}")
        rows[standard] = row
    if problems:
        raise ServiceError(" ".join(problems))
    return rows


def _open_return(organisation, period, actor):
    versions = list(
        MetricReturn.objects.select_for_update().filter(organisation=organisation, period=period).order_by("-version")
    )
    if not versions:
        metric_return = MetricReturn.objects.create(organisation=organisation, period=period, created_by=actor)
        audit_record(
            actor=actor,
            verb="metric_return.create",
            target=metric_return,
            organisation=organisation,
            after={"state": metric_return.state, "version": 1, "by_feed": True},
        )
        return metric_return
    latest = versions[0]
    if latest.state in ReturnState.EDITABLE_STATES:
        return latest
    if latest.state == ReturnState.SUBMITTED:
        raise ServiceError(
            _("The return for %(period)s has been submitted and is waiting for review: it cannot take new values.")
            % {"period": label_for(period, organisation)}
        )
    raise ServiceError(
        _("The return for %(period)s has been accepted and is locked. Start a correction to change it.")
        % {"period": label_for(period, organisation)}
    )


@transaction.atomic
def metric_values_feed(
    *,
    actor: User,
    organisation: Organisation,
    period: ReportingPeriod,
    values: dict[str, dict],
    source: str,
) -> MetricReturn:
    """Write values (standard code → dict of value/numerator/denominator and note) into the open return.

    ``actor`` is who the values come from: background work passes ``organisations.system.system_actor()``.
    """
    if source not in FEED_SOURCES:
        raise ServiceError(_("A feed must name where its values come from: feedback, survey or API."))
    if not values:
        raise ServiceError(_("The feed has no values."))
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    rows = _rows(organisation, values)
    metric_return = _open_return(organisation, period, actor)
    problems, writes = rows_check(metric_return, rows, complete=True)
    refuse_rows(problems)
    changes = values_write(
        metric_return=metric_return, writes=writes, existing=existing_values(metric_return), source=source
    )
    if changes:
        audit_record(
            actor=actor,
            verb="metric_return.feed",
            target=metric_return,
            organisation=organisation,
            before={"state": metric_return.state, "values": {code: c["before"] for code, c in changes.items()}},
            after={
                "state": metric_return.state,
                "source": source,
                "values": {code: c["after"] for code, c in changes.items()},
            },
        )
    return metric_return
