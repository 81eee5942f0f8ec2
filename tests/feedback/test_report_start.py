"""Make a complaint without scanning: the code under the QR code, typed in, opens that point's form."""

import pytest
from django.urls import reverse

from .factories import ServicePointFactory

pytestmark = pytest.mark.django_db

START = "public_feedback:report_start"


def test_the_page_asks_for_the_code_without_an_error(cast, client):
    response = client.get(reverse(START))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Service point code" in content and 'role="alert"' not in content


def test_a_code_typed_in_any_case_with_spaces_opens_its_form(cast, client):
    point = ServicePointFactory(organisation=cast.org_a)
    response = client.get(reverse(START), {"code": f"  {point.code.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("public_feedback:report", kwargs={"code": point.code})


@pytest.mark.parametrize("closed", [True, False])
def test_an_unknown_or_closed_code_is_refused_and_kept_on_the_page(cast, client, closed):
    point = ServicePointFactory(organisation=cast.org_a, is_active=False)
    typed = point.code if closed else "NOPE123"
    response = client.get(reverse(START), {"code": typed})
    assert response.status_code == 200
    content = response.content.decode()
    assert "No service point takes reports with this code" in content
    assert f'value="{typed}"' in content


def test_the_home_page_links_to_it(cast, client):
    content = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse(START)}"' in content
