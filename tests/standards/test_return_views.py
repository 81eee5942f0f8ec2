"""The return pages: opening a return, the form grid, review, correction, and the standards home."""

from decimal import Decimal

import pytest
from django.urls import reverse

from organisations.models import Organisation
from organisations.services import evaluator_assign
from standards.models import Measure, MetricReturn, MetricValue, ReturnState
from standards.periods import period_for_label
from standards.services.returns import return_accept, return_create, return_save_values, return_submit

from .factories import standard_with_target


@pytest.fixture
def draft(cast):
    evaluator_assign(actor=cast.admin, organisation=cast.org_a, evaluator=cast.evaluator)
    calls = standard_with_target(cast.org_a, code="CALLS")
    score = standard_with_target(
        cast.org_a, code="SCORE", measure=Measure.SATISFACTION, threshold=None, threshold_unit="", target="4"
    )
    metric_return = return_create(actor=cast.rep_a, organisation=cast.org_a, period=period_for_label("2026-Q1"))
    return metric_return, calls, score


def grid(calls, score, numerator="45", denominator="50", value="4.5", **extra):
    return {
        f"s{calls.pk}_numerator": numerator,
        f"s{calls.pk}_denominator": denominator,
        f"s{calls.pk}_note": "Phones",
        f"s{score.pk}_value": value,
        f"s{score.pk}_note": "",
        **extra,
    }


def url(name, target):
    """The page about a return, or (for an organisation) its returns page."""
    if isinstance(target, Organisation):
        return reverse(f"workspace:standards:{name}", kwargs={"organisation_pk": target.pk})
    return reverse(f"workspace:standards:{name}", kwargs={"organisation_pk": target.organisation_id, "pk": target.pk})


def test_open_a_return_from_offered_periods(cast, client_for):
    standard_with_target(cast.org_a, code="CALLS")
    client = client_for("rep_a")
    page = client.get(url("return_create", cast.org_a))
    choices = [label for _group, options in page.context["form"].fields["period"].choices for label, _ in options]
    assert choices and all("-Q" in label for label in choices)
    response = client.post(url("return_create", cast.org_a), {"period": choices[1]})
    metric_return = MetricReturn.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("return_edit", metric_return)
    assert metric_return.period.label == choices[1]
    forged = client.post(url("return_create", cast.org_a), {"period": "1999-Q1"})
    assert forged.status_code == 200
    assert "Select a valid choice" in forged.content.decode()


def test_grid_saves_draft_with_parsed_numbers(cast, client_for, draft):
    metric_return, calls, score = draft
    client = client_for("rep_a")
    page = client.get(url("return_edit", metric_return))
    content = page.content.decode()
    assert f'for="id_s{calls.pk}_numerator"' in content
    assert "CALLS Calls answered within 5 minutes: number within the threshold" in str(
        page.context["form"][f"s{calls.pk}_numerator"].label
    )
    response = client.post(url("return_edit", metric_return), grid(calls, score, "1,200", "1 500", "4.5", save="1"))
    assert response.status_code == 302
    value = MetricValue.objects.get(standard=calls)
    assert (value.numerator, value.denominator, value.value) == (Decimal("1200"), Decimal("1500"), Decimal("80"))
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.DRAFT


def test_grid_shows_errors_per_row_and_keeps_input(cast, client_for, draft):
    metric_return, calls, score = draft
    response = client_for("rep_a").post(
        url("return_edit", metric_return), grid(calls, score, "60", "50", "lots", save="1")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[f"s{calls.pk}_numerator"] == [
        "The number within the threshold (60) cannot be more than the total (50)."
    ]
    assert form.errors[f"s{score.pk}_value"] == ['"lots" is not a number.']
    content = response.content.decode()
    assert 'value="lots"' in content and 'value="60"' in content
    assert 'aria-invalid="true"' in content
    assert not MetricValue.objects.exists()


def test_submit_from_grid_requires_every_value(cast, client_for, draft):
    metric_return, calls, score = draft
    client = client_for("rep_a")
    response = client.post(url("return_edit", metric_return), grid(calls, score, value="", submit="1"))
    assert response.status_code == 200
    assert response.context["form"].errors[f"s{score.pk}_value"] == ["Enter a value."]
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.DRAFT
    response = client.post(url("return_edit", metric_return), grid(calls, score, submit="1"))
    assert response.status_code == 302
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED
    again = client.get(url("return_edit", metric_return), follow=True)
    assert "already been submitted" in again.content.decode()


def submit(cast, metric_return, calls, score):
    values = {
        calls: {"numerator": Decimal("45"), "denominator": Decimal("50")},
        score: {"value": Decimal("4.5")},
    }
    return_save_values(actor=cast.rep_a, metric_return=metric_return, values=values)
    return_submit(actor=cast.rep_a, metric_return=metric_return)


def test_evaluator_queries_and_organisation_answers(cast, client_for, draft):
    metric_return, calls, score = draft
    submit(cast, metric_return, calls, score)
    evaluator = client_for("evaluator")
    page = evaluator.get(url("return_detail", metric_return))
    assert page.context["can_review"] is True
    empty = evaluator.post(url("return_query", metric_return), {"question": ""})
    assert empty.status_code == 400
    response = evaluator.post(url("return_query", metric_return), {"question": "Why 90%?"})
    assert response.status_code == 302
    representative = client_for("rep_a")
    page = representative.get(url("return_edit", metric_return))
    assert "Why 90%?" in page.content.decode()
    no_answer = representative.post(url("return_edit", metric_return), grid(calls, score, submit="1"))
    assert no_answer.context["form"].errors["response"]
    answered = representative.post(
        url("return_edit", metric_return), grid(calls, score, submit="1", response="Counted twice")
    )
    assert answered.status_code == 302
    metric_return.refresh_from_db()
    assert (metric_return.state, metric_return.response) == (ReturnState.SUBMITTED, "Counted twice")


def test_accept_and_double_accept(cast, client_for, draft):
    metric_return, calls, score = draft
    submit(cast, metric_return, calls, score)
    client = client_for("lead")
    assert client.post(url("return_accept", metric_return)).status_code == 302
    again = client.post(url("return_accept", metric_return), follow=True)
    assert "accepted and is locked" in again.content.decode()
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.ACCEPTED and metric_return.is_current


@pytest.mark.parametrize(("role", "status"), [("rep_a", 403), ("head_a", 403), ("rep_b", 404), ("anonymous", 302)])
def test_review_is_for_reviewers(cast, client_for, draft, role, status):
    metric_return, calls, score = draft
    submit(cast, metric_return, calls, score)
    client = client_for(role)
    assert client.post(url("return_accept", metric_return)).status_code == status
    assert client.post(url("return_query", metric_return), {"question": "?"}).status_code == status
    metric_return.refresh_from_db()
    assert metric_return.state == ReturnState.SUBMITTED


def test_correction_page(cast, client_for, draft):
    metric_return, calls, score = draft
    submit(cast, metric_return, calls, score)
    return_accept(actor=cast.evaluator, metric_return=metric_return)
    client = client_for("rep_a")
    detail = client.get(url("return_detail", metric_return))
    assert detail.context["can_correct"] and not detail.context["can_edit"]
    assert client.post(url("return_correct", metric_return), {"reason": ""}).status_code == 200
    response = client.post(url("return_correct", metric_return), {"reason": "Typo in calls"})
    correction = MetricReturn.objects.get(version=2)
    assert response["Location"] == url("return_edit", correction)
    page = client.get(url("return_detail", correction))
    assert [v.version for v in page.context["versions"]] == [2, 1]
    assert "Typo in calls" in page.content.decode()


def test_detail_shows_target_in_force_for_the_period(cast, client_for, draft):
    metric_return, calls, score = draft
    page = client_for("staff_a").get(url("return_detail", metric_return))
    targets = {row["standard"].code: row["target"].target for row in page.context["rows"]}
    assert targets == {"CALLS": Decimal("80"), "SCORE": Decimal("4")}
    assert page.context["can_edit"] is False and page.context["can_review"] is False


def test_home_for_member_and_reviewer(cast, client_for, draft, django_assert_max_num_queries):
    metric_return, calls, score = draft
    member_page = client_for("rep_a").get(reverse("workspace:standards:index"))
    entries = member_page.context["entries"]
    assert [entry["organisation"] for entry in entries] == [cast.org_a]
    assert (entries[0]["organisation"].standard_count, entries[0]["organisation"].return_count) == (2, 1)
    assert member_page.context["queue"] is None
    submit(cast, metric_return, calls, score)
    reviewer = client_for("evaluator")
    page = reviewer.get(reverse("workspace:standards:index"))
    assert list(page.context["queue"]) == [metric_return]
    lead = client_for("lead")
    lead.get(reverse("workspace:standards:index"))
    with django_assert_max_num_queries(15) as baseline:
        lead.get(reverse("workspace:standards:index"))
    for number in range(4):
        standard_with_target(cast.org_b, code=f"B{number}")
        period = period_for_label(f"2025-Q{number + 1}")
        other = return_create(actor=cast.rep_b, organisation=cast.org_b, period=period)
        return_save_values(
            actor=cast.rep_b,
            metric_return=other,
            values={s: {"numerator": Decimal("1"), "denominator": Decimal("2")} for s in cast.org_b.standards.all()},
        )
        return_submit(actor=cast.rep_b, metric_return=other)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        page = lead.get(reverse("workspace:standards:index"))
    assert len(page.context["queue"]) == 5
