"""Which charters the public may read: published and superseded versions of active organisations, nothing else.

Drafts and every other unpublished state answer 404, whatever number is put in the address.
"""

from django.shortcuts import get_object_or_404

from organisations.models import Organisation

from ..models import Charter, DocumentState

PUBLIC_STATES = (DocumentState.PUBLISHED, DocumentState.SUPERSEDED)


def public_charters():
    return Charter.objects.filter(state__in=PUBLIC_STATES, organisation__is_active=True).select_related("organisation")


def organisations_with_charters():
    """Active organisations with a published charter, each with its published version as ``charter``."""
    current = {
        charter.organisation_id: charter
        for charter in Charter.objects.filter(state=DocumentState.PUBLISHED, organisation__is_active=True)
    }
    organisations = list(Organisation.objects.filter(pk__in=current).order_by("name"))
    for organisation in organisations:
        organisation.charter = current[organisation.pk]
    return organisations


def current_charter(organisation_pk):
    """The organisation's published charter, or 404."""
    return get_object_or_404(public_charters(), organisation_id=organisation_pk, state=DocumentState.PUBLISHED)


def charter_version(organisation_pk, number):
    """A published or superseded version of the organisation's charter, or 404 (drafts included)."""
    return get_object_or_404(public_charters(), organisation_id=organisation_pk, number=number)


def public_versions(charter):
    """Every public version of the charter's organisation, newest first (number, state, published_at)."""
    return list(
        Charter.objects.filter(organisation_id=charter.organisation_id, state__in=PUBLIC_STATES)
        .order_by("-number")
        .values("number", "state", "published_at", "superseded_at")
    )


def superseded_by(charter, versions):
    """The number of the version that replaced a superseded one: the next public version after it."""
    if charter.state != DocumentState.SUPERSEDED:
        return None
    later = [version["number"] for version in versions if version["number"] > charter.number]
    return min(later) if later else None
