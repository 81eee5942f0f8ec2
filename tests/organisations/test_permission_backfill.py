"""Migration 0013 gives permissions added later to the people who already held the roles that carry them."""

import importlib

import pytest
from django.apps import apps

from organisations.models import EvaluatorAssignment, Membership, OrganisationUserObjectPermission
from organisations.roles import OrganisationRole
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("organisations.migrations.0013_grant_new_permissions_to_existing_holders")


def granted(user, organisation):
    return set(
        OrganisationUserObjectPermission.objects.filter(user=user, content_object=organisation).values_list(
            "permission__codename", flat=True
        )
    )


def test_existing_heads_representatives_and_evaluators_get_the_new_permissions_once():
    organisation = OrganisationFactory()
    head, representative, staff, evaluator = UserFactory.create_batch(4)
    # Rows as an older release left them: roles held, permissions of that release only (none here).
    Membership.objects.create(user=head, organisation=organisation, role=OrganisationRole.HEAD)
    Membership.objects.create(user=representative, organisation=organisation, role=OrganisationRole.REPRESENTATIVE)
    Membership.objects.create(user=staff, organisation=organisation, role=OrganisationRole.STAFF)
    EvaluatorAssignment.objects.create(evaluator=evaluator, organisation=organisation)
    OrganisationUserObjectPermission.objects.filter(content_object=organisation).delete()

    backfill.grant_to_existing_holders(apps, None)
    backfill.grant_to_existing_holders(apps, None)

    assert granted(head, organisation) == {"manage_surveys"}
    assert granted(representative, organisation) == {"manage_surveys"}
    assert granted(staff, organisation) == set()
    assert granted(evaluator, organisation) == {"review_documents"}
    assert OrganisationUserObjectPermission.objects.filter(content_object=organisation).count() == 3
