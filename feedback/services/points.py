"""Service points: create, change, stop taking reports. Each change is in the audit log."""

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ServiceError
from organisations.audit import audit_record, snapshot
from organisations.models import Membership

from ..models import ServicePoint

POINT_FIELDS = ["name", "name_ga", "address", "is_active"]


def _check(organisation, name, officials, point=None):
    if not name.strip():
        raise ServiceError(_("Give the service point a name."), field="name")
    clash = ServicePoint.objects.filter(organisation=organisation, name__iexact=name.strip())
    if point is not None:
        clash = clash.exclude(pk=point.pk)
    if clash.exists():
        raise ServiceError(_("The organisation already has a service point with this name."), field="name")
    members = set(Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True))
    if any(user.pk not in members for user in officials):
        raise ServiceError(_("Officials must be members of the organisation."), field="officials")


def _officials_snapshot(point):
    return sorted(point.officials.values_list("pk", flat=True))


@transaction.atomic
def point_create(*, actor, organisation, name, address, name_ga="", officials=()):
    _check(organisation, name, officials)
    point = ServicePoint.objects.create(
        organisation=organisation, name=name.strip(), name_ga=name_ga.strip(), address=address.strip()
    )
    point.officials.set(officials)
    audit_record(
        actor=actor,
        verb="service_point.create",
        target=point,
        organisation=organisation,
        after={**snapshot(point, POINT_FIELDS), "code": point.code, "officials": _officials_snapshot(point)},
    )
    return point


@transaction.atomic
def point_update(*, actor, point, name, address, name_ga="", officials=(), is_active=None):
    point = ServicePoint.objects.select_for_update().get(pk=point.pk)
    _check(point.organisation, name, officials, point)
    before = {**snapshot(point, POINT_FIELDS), "officials": _officials_snapshot(point)}
    point.name, point.name_ga, point.address = name.strip(), name_ga.strip(), address.strip()
    if is_active is not None:
        point.is_active = is_active
    point.save()
    point.officials.set(officials)
    after = {**snapshot(point, POINT_FIELDS), "officials": _officials_snapshot(point)}
    if after != before:
        audit_record(
            actor=actor,
            verb="service_point.update",
            target=point,
            organisation=point.organisation,
            before=before,
            after=after,
        )
    return point


@transaction.atomic
def point_deactivate(*, actor, point):
    """Stop taking reports at this point (its QR code then opens a "not taking reports" page). Idempotent."""
    point = ServicePoint.objects.select_for_update().get(pk=point.pk)
    if not point.is_active:
        return point
    point.is_active = False
    point.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        verb="service_point.deactivate",
        target=point,
        organisation=point.organisation,
        before={"is_active": True},
        after={"is_active": False},
    )
    return point
