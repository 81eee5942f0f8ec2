"""Defining service standards and changing their targets. Each change is atomic and audited."""

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations import roles
from organisations.access import user_can
from organisations.audit import audit_record, snapshot
from organisations.models import Organisation, User

from ..models import FROZEN_FIELDS, Measure, ServiceStandard, StandardTarget

STANDARD_FIELDS = [
    "code",
    "title",
    "channel",
    "principle",
    "measure",
    "threshold",
    "threshold_unit",
    "frequency",
    "year_basis",
    "applies_from",
    "applies_to",
]
TARGET_FIELDS = ["valid_from", "target", "higher_is_better", "tolerance", "reason"]
HUNDRED = Decimal("100")


def definition_problems(
    *,
    measure: str,
    threshold: Decimal | None = None,
    threshold_unit: str = "",
    applies_from: datetime.date | None = None,
    applies_to: datetime.date | None = None,
) -> list[tuple[str, str]]:
    """Every rule the standard's own fields break, as (field, message) pairs."""
    problems = []
    is_duration = measure in (Measure.MEAN_DURATION, Measure.MEDIAN_DURATION)
    if measure == Measure.PERCENT_WITHIN or is_duration:
        # "80% within 5 minutes" gives its threshold and unit together; "80% of customers satisfied" gives
        # neither. "On average within 10 working days" states the duration as its target, so a duration
        # needs only the unit (a threshold is optional there).
        plain_percentage = measure == Measure.PERCENT_WITHIN and threshold is None and not threshold_unit
        if threshold is None and threshold_unit and not is_duration:
            problems.append(("threshold", _("Enter the threshold, e.g. 5 for “within 5 minutes”.")))
        elif threshold is not None and threshold <= 0:
            problems.append(("threshold", _("The threshold must be more than 0.")))
        if not threshold_unit and not plain_percentage:
            problems.append(("threshold_unit", _("Choose the unit of the threshold.")))
    else:
        measure_label = Measure(measure).label if measure in Measure.values else measure
        if threshold is not None:
            problems.append(
                ("threshold", _("A %(measure)s has no threshold: leave it blank.") % {"measure": measure_label.lower()})
            )
        if threshold_unit:
            problems.append(
                (
                    "threshold_unit",
                    _("A %(measure)s has no threshold unit: leave it blank.") % {"measure": measure_label.lower()},
                )
            )
    if applies_from and applies_to and applies_to < applies_from:
        problems.append(("applies_to", _("The end date must be on or after the start date.")))
    return problems


def target_problems(*, measure: str, target: Decimal | None, tolerance: Decimal | None = None) -> list[tuple[str, str]]:
    """Every rule the target breaks for this measure, as (field, message) pairs."""
    problems = []
    if target is not None:
        if target < 0:
            problems.append(("target", _("The target cannot be negative.")))
        elif measure == Measure.PERCENT_WITHIN and target > HUNDRED:
            problems.append(("target", _("A percentage target must be between 0 and 100.")))
    if tolerance is not None:
        if tolerance < 0:
            problems.append(("tolerance", _("The amber tolerance cannot be negative.")))
        elif measure == Measure.PERCENT_WITHIN and tolerance > HUNDRED:
            problems.append(("tolerance", _("A tolerance in percentage points must be between 0 and 100.")))
    return problems


def _refuse(problems):
    if problems:
        field, message = problems[0]
        raise ServiceError(message, field=field)


def _require_manager(actor, organisation):
    if actor is not None and not user_can(actor, roles.MANAGE_STANDARDS, organisation):
        raise ServiceError(_("You may not change the service standards of %(name)s.") % {"name": organisation.name})


def _code_taken(organisation, code):
    return ServiceError(
        _("%(organisation)s already has a standard with the code %(code)s.")
        % {"organisation": organisation.name, "code": code},
        field="code",
    )


def _check_code_free(organisation, code, standard=None):
    clash = ServiceStandard.objects.filter(organisation=organisation, code__iexact=code)
    if standard is not None:
        clash = clash.exclude(pk=standard.pk)
    if clash.exists():
        raise _code_taken(organisation, code)


def _save_standard(standard):
    """Save in a savepoint: the case-insensitive unique code decides between two simultaneous saves."""
    try:
        with transaction.atomic():
            standard.save()
    except IntegrityError:
        raise _code_taken(standard.organisation, standard.code) from None


def frozen_change_problems(standard, fields, last_accepted_end):
    """(field, message) for each field that would change the meaning of accepted values."""
    if last_accepted_end is None:
        return []
    message = _(
        "Results up to %(date)s were accepted with this definition, so it cannot change. "
        "To measure differently, define a new standard."
    ) % {"date": last_accepted_end.isoformat()}
    return [(name, message) for name in FROZEN_FIELDS if name in fields and fields[name] != getattr(standard, name)]


def earliest_target_start(standard, last_accepted_end):
    """The first day a new target may start: not before the standard applies, and after every accepted period."""
    if last_accepted_end is None:
        return standard.applies_from
    return max(standard.applies_from, last_accepted_end + datetime.timedelta(days=1))


def _check_target_start(standard, valid_from):
    last_accepted_end = standard.last_accepted_end()
    earliest = earliest_target_start(standard, last_accepted_end)
    if valid_from >= earliest:
        return
    if last_accepted_end is not None and earliest > standard.applies_from:
        message = _(
            "Results up to %(end)s were accepted against the targets in force then. "
            "A new target must start on %(date)s or later."
        ) % {"end": last_accepted_end.isoformat(), "date": earliest.isoformat()}
    else:
        message = _("The standard applies from %(date)s: a target cannot start before that.") % {
            "date": earliest.isoformat()
        }
    raise ServiceError(message, field="valid_from")


@transaction.atomic
def standard_create(
    *,
    actor: User,
    organisation: Organisation,
    target: Decimal,
    higher_is_better: bool = True,
    tolerance: Decimal | None = None,
    **fields,
) -> ServiceStandard:
    """Define a standard and its first target, in force from the date the standard applies from."""
    _require_manager(actor, organisation)
    fields["code"] = fields["code"].strip()
    _refuse(
        definition_problems(
            measure=fields["measure"],
            threshold=fields.get("threshold"),
            threshold_unit=fields.get("threshold_unit", ""),
            applies_from=fields["applies_from"],
            applies_to=fields.get("applies_to"),
        )
        + target_problems(measure=fields["measure"], target=target, tolerance=tolerance)
    )
    _check_code_free(organisation, fields["code"])
    standard = ServiceStandard(organisation=organisation, **fields)
    _save_standard(standard)
    first_target = StandardTarget.objects.create(
        standard=standard,
        valid_from=standard.applies_from,
        target=target,
        higher_is_better=higher_is_better,
        tolerance=tolerance,
        reason=_("First target"),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        verb="standard.create",
        target=standard,
        organisation=organisation,
        after={**snapshot(standard, STANDARD_FIELDS), "target": snapshot(first_target, TARGET_FIELDS)},
    )
    return standard


@transaction.atomic
def standard_update(*, actor: User, standard: ServiceStandard, **fields) -> ServiceStandard:
    """Change a standard's definition. Targets change through `standard_target_change`, which keeps history."""
    standard = ServiceStandard.objects.select_for_update().select_related("organisation").get(pk=standard.pk)
    _require_manager(actor, standard.organisation)
    if "code" in fields:
        fields["code"] = fields["code"].strip()
    merged = {name: fields.get(name, getattr(standard, name)) for name in STANDARD_FIELDS}
    _refuse(
        definition_problems(
            measure=merged["measure"],
            threshold=merged["threshold"],
            threshold_unit=merged["threshold_unit"],
            applies_from=merged["applies_from"],
            applies_to=merged["applies_to"],
        )
    )
    _refuse(frozen_change_problems(standard, fields, standard.last_accepted_end()))
    current = standard.target_on(timezone.localdate())
    if current is not None:
        _refuse(target_problems(measure=merged["measure"], target=current.target, tolerance=current.tolerance))
    _check_code_free(standard.organisation, merged["code"], standard)
    before = snapshot(standard, STANDARD_FIELDS)
    for name, value in fields.items():
        setattr(standard, name, value)
    _save_standard(standard)
    after = snapshot(standard, STANDARD_FIELDS)
    if before != after:
        audit_record(
            actor=actor,
            verb="standard.update",
            target=standard,
            organisation=standard.organisation,
            before=before,
            after=after,
        )
    return standard


@transaction.atomic
def standard_target_change(
    *,
    actor: User,
    standard: ServiceStandard,
    target: Decimal,
    valid_from: datetime.date | None = None,
    higher_is_better: bool = True,
    tolerance: Decimal | None = None,
    reason: str,
) -> StandardTarget:
    """Put a new target in force from a date: always a new row, so periods already judged keep their target.

    It starts after the last accepted period and never on the day another target starts.
    """
    standard = ServiceStandard.objects.select_for_update().select_related("organisation").get(pk=standard.pk)
    _require_manager(actor, standard.organisation)
    if not (reason or "").strip():
        raise ServiceError(_("Say why the target changes."), field="reason")
    _refuse(target_problems(measure=standard.measure, target=target, tolerance=tolerance))
    valid_from = valid_from or timezone.localdate()
    _check_target_start(standard, valid_from)
    before = snapshot_target(standard.target_on(valid_from))
    taken = _("A target already starts on %(date)s and targets are never overwritten: choose another date.") % {
        "date": valid_from.isoformat()
    }
    if StandardTarget.objects.filter(standard=standard, valid_from=valid_from).exists():
        raise ServiceError(taken, field="valid_from")
    try:
        with transaction.atomic():
            new_target = StandardTarget.objects.create(
                standard=standard,
                valid_from=valid_from,
                target=target,
                higher_is_better=higher_is_better,
                tolerance=tolerance,
                reason=reason.strip(),
                created_by=actor,
            )
    except IntegrityError:
        raise ServiceError(taken, field="valid_from") from None
    new_target.refresh_from_db()
    audit_record(
        actor=actor,
        verb="standard.target_change",
        target=standard,
        organisation=standard.organisation,
        before=before,
        after=snapshot(new_target, TARGET_FIELDS),
    )
    return new_target


def snapshot_target(target):
    return snapshot(target, TARGET_FIELDS) if target is not None else None
