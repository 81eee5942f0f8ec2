"""Single-line fields refuse control characters; invitation subjects are plain text on one line."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from common.text import no_control_characters, single_line
from organisations import services
from organisations.models import Membership, Organisation
from standards.models import ServiceStandard
from tests.factories import OrganisationFactory
from tests.standards.test_definitions import form_data

MESSAGE = "Use a single line of text, without line breaks, tabs or other control characters."


@pytest.mark.parametrize("text", ["Office\nof Works", "Office\rof Works", "Tab\there", "Bell\x07", "Sep\u2028x"])
def test_control_characters_are_refused(text):
    with pytest.raises(ValidationError, match="single line"):
        no_control_characters(text)


def test_ordinary_text_passes():
    no_control_characters("Smith & O'Brien — Oifig na nOibreacha Poiblí")


def test_a_newline_in_an_organisation_name_gets_a_form_error_and_creates_nothing(cast, client):
    client.force_login(cast.admin)
    before = Organisation.objects.count()

    response = client.post(
        reverse("workspace:organisations:create"), {"name": "Office\nof Works", "sector": "agency", "is_active": "on"}
    )

    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert Organisation.objects.count() == before


def test_a_newline_in_a_member_name_gets_a_form_error_and_adds_nobody(cast, client, mailoutbox):
    client.force_login(cast.admin)
    before = Membership.objects.count()

    response = client.post(
        reverse("workspace:organisations:member_add", kwargs={"organisation_pk": cast.org_a.pk}),
        {"email": "new@example.org", "first_name": "Ann\nBcc: x@example.org", "role": "staff"},
    )

    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert Membership.objects.count() == before and not mailoutbox


@pytest.mark.parametrize("field", ["code", "title"])
def test_a_newline_in_a_standard_code_or_title_gets_a_form_error(cast, client, field):
    client.force_login(cast.rep_a)

    response = client.post(
        reverse("workspace:standards:standard_create", kwargs={"organisation_pk": cast.org_a.pk}),
        form_data(**{field: "Calls\nanswered"}),
    )

    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not ServiceStandard.objects.filter(organisation=cast.org_a).exists()


def test_invitation_subject_is_plain_text(cast, django_capture_on_commit_callbacks, mailoutbox):
    organisation = OrganisationFactory(name="Smith & O'Brien")
    with django_capture_on_commit_callbacks(execute=True):
        services.member_add(actor=cast.admin, organisation=organisation, email="new@example.org", role="staff")

    assert mailoutbox[0].subject == "You have a role in Smith & O'Brien"


def test_an_old_name_with_a_newline_still_gets_its_invitation_sent(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    organisation = OrganisationFactory(name="Office\nof Works")
    with django_capture_on_commit_callbacks(execute=True):
        services.member_add(actor=cast.admin, organisation=organisation, email="new@example.org", role="staff")

    assert mailoutbox[0].subject == "You have a role in Office of Works"


def test_single_line_joins_lines_with_one_space():
    assert single_line("A\r\n\tB\u2029C ") == "A B C"


def test_the_organisation_model_refuses_a_multi_line_name(db):
    organisation = Organisation(name="Office\nof Works", sector="agency")
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert list(refused.value.message_dict) == ["name"]
