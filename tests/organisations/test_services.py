import pytest

from common.errors import ServiceError
from organisations import services
from organisations.access import organisation_permissions, organisations_for_user
from organisations.models import AuditEvent, Membership, Sector, User
from organisations.roles import OrganisationRole

from ..factories import OrganisationFactory


def fresh(user):
    return User.objects.get(pk=user.pk)


def test_member_add_creates_invited_user_with_role_permissions(cast, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.member_add(
            actor=cast.admin, organisation=cast.org_a, email="New.Person@Example.org", role="complaints_officer"
        )
    user = membership.user
    assert user.email == "new.person@example.org"
    assert not user.has_usable_password()
    assert organisation_permissions(fresh(user), cast.org_a) >= {"view_organisation", "handle_feedback"}
    assert "manage_standards" not in organisation_permissions(fresh(user), cast.org_a)
    assert len(mailoutbox) == 1
    assert "/accounts/reset/" in mailoutbox[0].body
    event = AuditEvent.objects.get(verb="membership.add")
    assert event.actor == cast.admin and event.organisation == cast.org_a
    assert event.after == {"user": "new.person@example.org", "role": "complaints_officer", "new_account": True}


def test_member_add_existing_user_gets_a_sign_in_link(cast, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_add(actor=cast.admin, organisation=cast.org_b, email="REP.A@example.org", role="staff")
    assert User.objects.filter(email__iexact="rep.a@example.org").count() == 1
    assert "/accounts/login/" in mailoutbox[0].body
    assert "view_organisation" in organisation_permissions(fresh(cast.rep_a), cast.org_b)


def test_duplicate_invitation_is_refused_and_changes_nothing(cast, django_capture_on_commit_callbacks, mailoutbox):
    before = (Membership.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ServiceError, match="already has the role"), django_capture_on_commit_callbacks(execute=True):
        services.member_add(actor=cast.admin, organisation=cast.org_a, email="rep.a@example.org", role="representative")
    assert (Membership.objects.count(), AuditEvent.objects.count()) == before
    assert mailoutbox == []


def test_unknown_role_is_refused(cast):
    with pytest.raises(ServiceError, match="Unknown role"):
        services.member_add(actor=cast.admin, organisation=cast.org_a, email="x@example.org", role="king")
    assert not User.objects.filter(email="x@example.org").exists()


def test_role_change_takes_effect_at_once(cast):
    membership = cast.staff_a.memberships.get()
    assert "manage_standards" not in organisation_permissions(fresh(cast.staff_a), cast.org_a)
    services.membership_change_role(actor=cast.admin, membership=membership, role=OrganisationRole.REPRESENTATIVE)
    assert "manage_standards" in organisation_permissions(fresh(cast.staff_a), cast.org_a)
    event = AuditEvent.objects.get(verb="membership.change_role")
    assert event.before["role"] == "staff" and event.after["role"] == "representative"


def test_role_change_to_a_role_already_held_is_refused(cast):
    services.member_add(actor=cast.admin, organisation=cast.org_a, email="staff.a@example.org", role="head")
    membership = Membership.objects.get(user=cast.staff_a, role="staff")
    with pytest.raises(ServiceError):
        services.membership_change_role(actor=cast.admin, membership=membership, role="head")
    assert Membership.objects.filter(user=cast.staff_a).count() == 2


def test_removing_the_last_role_removes_every_permission(cast):
    services.membership_remove(actor=cast.admin, membership=cast.staff_a.memberships.get())
    assert organisation_permissions(fresh(cast.staff_a), cast.org_a) == frozenset()
    assert cast.org_a not in organisations_for_user(fresh(cast.staff_a))
    assert AuditEvent.objects.filter(verb="membership.remove", organisation=cast.org_a).exists()


def test_removing_one_of_two_roles_keeps_the_other(cast):
    services.member_add(actor=cast.admin, organisation=cast.org_a, email="staff.a@example.org", role="head")
    services.membership_remove(actor=cast.admin, membership=Membership.objects.get(user=cast.staff_a, role="head"))
    granted = organisation_permissions(fresh(cast.staff_a), cast.org_a)
    assert "take_training" in granted and "view_audit_log" not in granted


def test_organisation_update_records_before_and_after(cast):
    services.organisation_update(actor=cast.admin, organisation=cast.org_a, name="Renamed Office", short_name="RO")
    event = AuditEvent.objects.get(verb="organisation.update")
    assert event.before["name"] == "Revenue Test Office" and event.after["name"] == "Renamed Office"


def test_organisation_cannot_be_its_own_ancestor(cast):
    child = OrganisationFactory(parent=cast.org_a)
    with pytest.raises(ServiceError, match="own parent"):
        services.organisation_update(actor=cast.admin, organisation=cast.org_a, parent=child)


def test_evaluator_assignment_grants_review_and_unassignment_removes_it(cast):
    assignment = services.evaluator_assign(actor=cast.lead, organisation=cast.org_a, evaluator=cast.evaluator)
    assert organisation_permissions(fresh(cast.evaluator), cast.org_a) == {
        "view_organisation",
        "review_returns",
        "review_documents",
        "view_training_compliance",
    }
    assert list(organisations_for_user(fresh(cast.evaluator), "review_returns")) == [cast.org_a]
    with pytest.raises(ServiceError, match="already assigned"):
        services.evaluator_assign(actor=cast.lead, organisation=cast.org_a, evaluator=cast.evaluator)
    services.evaluator_unassign(actor=cast.lead, assignment=assignment)
    assert organisation_permissions(fresh(cast.evaluator), cast.org_a) == frozenset()


def test_only_evaluators_can_be_assigned(cast):
    with pytest.raises(ServiceError, match="not an evaluator"):
        services.evaluator_assign(actor=cast.lead, organisation=cast.org_a, evaluator=cast.rep_b)


def test_object_permissions_do_not_leak_through_global_permissions(cast):
    """A user with the model-wide permission still sees only their own organisations."""
    from django.contrib.auth.models import Permission

    cast.rep_b.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    assert list(organisations_for_user(fresh(cast.rep_b))) == [cast.org_b]


def test_organisation_create_is_audited(cast):
    organisation = services.organisation_create(actor=cast.admin, name="New Body", sector=Sector.HEALTH)
    assert AuditEvent.objects.filter(verb="organisation.create", organisation=organisation).exists()
