import pytest
from django.urls import reverse

from organisations.models import AuditEvent, EvaluatorAssignment, Membership, Organisation

from ..factories import OrganisationFactory


def detail_url(organisation):
    return reverse("workspace:organisations:detail", kwargs={"organisation_pk": organisation.pk})


def test_admin_creates_an_organisation_with_a_parent(cast, client_for):
    client = client_for("admin")
    response = client.post(
        reverse("workspace:organisations:create"),
        {"name": "Office of Public Works", "sector": "agency", "parent": cast.org_b.pk, "is_active": "on"},
    )
    organisation = Organisation.objects.get(name="Office of Public Works")
    assert response.status_code == 302 and response["Location"] == detail_url(organisation)
    assert organisation.parent == cast.org_b


def test_create_with_bad_input_keeps_what_was_typed(cast, client_for):
    client = client_for("admin")
    response = client.post(
        reverse("workspace:organisations:create"),
        {"name": "Typed Name", "sector": "not-a-sector", "website": "not a url", "parent": "999999"},
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Typed Name").exists()
    content = response.content.decode()
    assert 'value="Typed Name"' in content
    assert "Select a valid choice" in content
    assert 'aria-invalid="true"' in content


def test_admin_adds_member_through_the_form(cast, client_for, mailoutbox, django_capture_on_commit_callbacks):
    client = client_for("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workspace:organisations:member_add", kwargs={"organisation_pk": cast.org_a.pk}),
            {"email": "officer@example.org", "first_name": "Nuala", "role": "complaints_officer"},
        )
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="officer@example.org", organisation=cast.org_a).exists()
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "rep.a@example.org", "role": "representative"}, "already has the role"),
        ({"email": "someone@example.org", "role": "emperor"}, "Select a valid choice"),
        ({"email": "not-an-email", "role": "staff"}, "Enter a valid email address"),
    ],
)
def test_bad_member_input_gets_a_message_and_changes_nothing(cast, client_for, data, message):
    client = client_for("admin")
    before = (Membership.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("workspace:organisations:member_add", kwargs={"organisation_pk": cast.org_a.pk}), data
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'value="{data["email"]}"' in response.content.decode()
    assert (Membership.objects.count(), AuditEvent.objects.count()) == before


def test_forged_organisation_id_in_url_is_404(cast, client_for):
    client = client_for("rep_a")
    assert client.get(detail_url(cast.org_b)).status_code == 404
    assert client.get(reverse("workspace:organisations:detail", kwargs={"organisation_pk": 987654})).status_code == 404


def test_membership_of_another_organisation_is_404_even_for_admin(cast, client_for):
    """A membership id is only valid under its own organisation."""
    other = cast.rep_b.memberships.get()
    client = client_for("admin")
    url = reverse("workspace:organisations:member_role", kwargs={"organisation_pk": cast.org_a.pk, "pk": other.pk})
    assert client.post(url, {"role": "staff"}).status_code == 404
    assert Membership.objects.get(pk=other.pk).role == "representative"


def test_forged_parent_in_form_is_refused(cast, client_for):
    client = client_for("admin")
    response = client.post(
        reverse("workspace:organisations:edit", kwargs={"organisation_pk": cast.org_a.pk}),
        {"name": cast.org_a.name, "sector": "agency", "parent": cast.org_a.pk},
    )
    assert response.status_code == 200
    assert Organisation.objects.get(pk=cast.org_a.pk).parent is None


def test_role_change_through_the_form_changes_access_at_once(cast, client_for):
    membership = cast.staff_a.memberships.get()
    audit_url = reverse("workspace:organisations:audit", kwargs={"organisation_pk": cast.org_a.pk})
    client = client_for("staff_a")
    assert client.get(audit_url).status_code == 403
    client_for("admin").post(
        reverse("workspace:organisations:member_role", kwargs={"organisation_pk": cast.org_a.pk, "pk": membership.pk}),
        {"role": "head"},
    )
    client = client_for("staff_a")
    assert client.get(audit_url).status_code == 200


def test_removal_confirms_then_removes(cast, client_for):
    membership = cast.staff_a.memberships.get()
    url = reverse(
        "workspace:organisations:member_remove", kwargs={"organisation_pk": cast.org_a.pk, "pk": membership.pk}
    )
    client = client_for("admin")
    assert "Remove this role?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 404  # a double submit finds nothing to remove
    # With no role left anywhere, the whole Organisations area is closed to them.
    assert client_for("staff_a").get(detail_url(cast.org_a)).status_code == 403


def test_audit_log_lists_events_for_head_only_of_own_organisation(cast, client_for):
    client_for("admin").post(
        reverse("workspace:organisations:member_add", kwargs={"organisation_pk": cast.org_a.pk}),
        {"email": "audited@example.org", "role": "staff"},
    )
    client_for("admin").post(
        reverse("workspace:organisations:member_add", kwargs={"organisation_pk": cast.org_b.pk}),
        {"email": "elsewhere@example.org", "role": "staff"},
    )
    content = (
        client_for("head_a")
        .get(reverse("workspace:organisations:audit", kwargs={"organisation_pk": cast.org_a.pk}))
        .content
    )
    assert b"membership.add" in content and b"audited@example.org" in content
    assert b"elsewhere@example.org" not in content


def test_organisation_list_shows_only_own_organisations_and_filters(cast, client_for):
    OrganisationFactory(name="Health Executive", sector="health")
    content = client_for("rep_a").get(reverse("workspace:organisations:index")).content.decode()
    assert cast.org_a.name in content and cast.org_b.name not in content
    content = client_for("admin").get(reverse("workspace:organisations:index"), {"sector": "health"}).content.decode()
    assert "Health Executive" in content and cast.org_a.name not in content


def test_my_work_lists_roles_and_abilities(cast, client_for):
    content = client_for("head_a").get(reverse("workspace:my_work:index")).content.decode()
    assert cast.org_a.name in content
    assert "Head of organisation" in content
    assert "View the organisation&#x27;s audit log" in content


def test_my_work_query_count_does_not_grow_with_memberships(cast, client_for):
    """Each to-do source costs a fixed number of queries: six more memberships add none."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisations import services

    client = client_for("rep_a")
    url = reverse("workspace:my_work:index")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    for _ in range(6):
        services.member_add(
            actor=cast.admin, organisation=OrganisationFactory(), email="rep.a@example.org", role="staff"
        )
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) <= len(before) + 1  # the first page load after joining may fill a per-user cache
    assert len(after) <= 16


def test_lead_evaluator_assigns_an_evaluator(cast, client_for):
    client = client_for("lead")
    response = client.post(
        reverse("workspace:organisations:evaluator_assign", kwargs={"organisation_pk": cast.org_a.pk}),
        {"evaluator": cast.evaluator.pk},
    )
    assert response.status_code == 302
    assert EvaluatorAssignment.objects.filter(evaluator=cast.evaluator, organisation=cast.org_a).exists()
    assert client_for("evaluator").get(detail_url(cast.org_a)).status_code == 200
    assert client_for("evaluator").get(detail_url(cast.org_b)).status_code == 404


def test_assigning_a_non_evaluator_is_refused(cast, client_for):
    response = client_for("lead").post(
        reverse("workspace:organisations:evaluator_assign", kwargs={"organisation_pk": cast.org_a.pk}),
        {"evaluator": cast.rep_b.pk},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not EvaluatorAssignment.objects.filter(evaluator=cast.rep_b).exists()
