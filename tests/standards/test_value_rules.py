"""The same inputs through the form grid, the import and the feed: the same verdict and the same message.

Runs on SQLite and on PostgreSQL (the stored values are read back, so an overflow shows).
"""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from common.errors import ServiceError
from organisations.system import system_actor
from standards.models import ImportStatus, MetricValue, ValueSource
from standards.services.feeds import metric_values_feed

from .import_support import (
    confirm,
    csv_file,
    media_root,  # noqa: F401 (fixture)
    return_with_standards,
    upload,
)

pytestmark = pytest.mark.usefixtures("media_root")

NOT_ACCEPTED_FORM = '"%s" is written in a form we do not accept. Write a plain number such as 85 or 85.5.'
NOT_A_NUMBER = '"%s" is not a number. Leave the cell empty if there is no value, or type the number.'
VALUE_TOO_LARGE = "%s is too large: a value can have at most 10 digits before the decimal point."
BOTH = (
    "Give both the number within the threshold (numerator) and the total (denominator), "
    "or leave both empty and give the percentage alone as the value."
)
NO_PERCENTAGE = (
    "Enter the percentage as the value, or the number within the threshold (numerator) and the total (denominator)."
)

GRID, IMPORT, FEED = "grid", "import", "feed"
ALL = (GRID, IMPORT, FEED)

# (standard, value, numerator, denominator, paths, expected): expected is the stored (value, numerator,
# denominator) or the (field, message) of the refusal. D1 is a mean duration, P1 a percentage, which
# takes the percentage alone or its counts.
CASES = [
    ("D1", "12.5", "", "", ALL, ("12.5", None, None)),
    ("D1", "1,000", "", "", ALL, ("1000", None, None)),
    ("D1", "1 000.25", "", "", ALL, ("1000.25", None, None)),
    ("D1", "16.123456", "", "", ALL, ("16.1235", None, None)),
    ("D1", "9999999999.99994", "", "", ALL, ("9999999999.9999", None, None)),
    ("D1", "0", "", "", ALL, ("0", None, None)),
    ("D1", "85%", "", "", ALL, ("value", '"85%" has a percent sign. Write the number alone (for example 85).')),
    ("D1", "-1", "", "", ALL, ("value", "-1 is negative; values cannot be negative.")),
    ("D1", "abc", "", "", ALL, ("value", '"abc" is not a number.')),
    ("D1", "", "", "", ALL, ("value", "Enter a value.")),
    ("D1", "99999999999", "", "", ALL, ("value", VALUE_TOO_LARGE % "99999999999")),
    ("D1", "9999999999.99995", "", "", ALL, ("value", VALUE_TOO_LARGE % "9999999999.99995")),
    ("D1", "1e20", "", "", ALL, ("value", NOT_ACCEPTED_FORM % "1e20")),
    ("D1", "1E+999999999", "", "", ALL, ("value", NOT_ACCEPTED_FORM % "1E+999999999")),
    ("D1", "NaN", "", "", ALL, ("value", NOT_A_NUMBER % "NaN")),
    ("D1", "inf", "", "", ALL, ("value", NOT_A_NUMBER % "inf")),
    ("D1", "7,5", "", "", ALL, ("value", '"7,5" uses a comma for decimals. Use a full stop (for example 7.5).')),
    ("P1", "", "45", "50", ALL, ("90", "45", "50")),
    ("P1", "", "2", "3", ALL, ("66.6667", "2", "3")),
    ("P1", "", "1,200", "1,500", ALL, ("80", "1200", "1500")),
    ("P1", "", "1.005", "3", ALL, ("33.6667", "1.01", "3")),
    (
        "P1",
        "",
        "51",
        "50",
        ALL,
        ("numerator", "The number within the threshold (51) cannot be more than the total (50)."),
    ),
    ("P1", "", "0", "0", ALL, ("denominator", "The total (denominator) is 0; it must be more than 0.")),
    ("P1", "", "5", "", ALL, ("denominator", BOTH)),
    ("P1", "", "", "50", ALL, ("numerator", BOTH)),
    ("P1", "96", "5", "", ALL, ("denominator", BOTH)),
    ("P1", "96", "", "", ALL, ("96", None, None)),
    ("P1", "96.5%", "", "", ALL, ("96.5", None, None)),
    ("P1", "0", "", "", ALL, ("0", None, None)),
    ("P1", "100", "", "", ALL, ("100", None, None)),
    ("P1", "100.5", "", "", ALL, ("value", "100.5 is more than 100; a percentage is between 0 and 100.")),
    ("P1", "-2", "", "", ALL, ("value", "-2 is negative; values cannot be negative.")),
    ("P1", "", "", "", ALL, ("value", NO_PERCENTAGE)),
    ("P1", "", "-1", "10", ALL, ("numerator", "-1 is negative; values cannot be negative.")),
    ("P1", "", "5%", "10", ALL, ("numerator", '"5%" has a percent sign. Write the number alone (for example 5).')),
    (
        "P1",
        "",
        "1",
        "9999999999999",
        ALL,
        ("denominator", "9999999999999 is too large: a value can have at most 12 digits before the decimal point."),
    ),
    ("P1", "85", "850", "1000", ALL, ("85", "850", "1000")),
    ("P1", "85%", "850", "1000", ALL, ("85", "850", "1000")),
    ("P1", "66.7", "2", "3", ALL, ("66.6667", "2", "3")),
    (
        "P1",
        "80",
        "850",
        "1000",
        ALL,
        (
            "value",
            "The value 80 does not match the counts: numerator ÷ denominator × 100 = 85. "
            "Correct one of them, or give only the value or only the counts.",
        ),
    ),
    (
        "D1",
        "5",
        "1",
        "2",
        (IMPORT, FEED),
        ("numerator", "This standard is not a percentage: leave the numerator and denominator empty."),
    ),
]

OTHER_ROWS = {"P2": ("", "1", "2"), "P1": ("", "1", "2"), "D1": ("5", "", "")}


def _other(code):
    return [other for other in ("P1", "P2", "D1") if other != code]


def _through_grid(client, metric_return, standards, code, figures):
    data = {"submit": "1"}
    for other in _other(code):
        _fill(data, standards[other], OTHER_ROWS[other])
    _fill(data, standards[code], figures)
    url = reverse(
        "workspace:standards:return_edit",
        kwargs={"organisation_pk": metric_return.organisation_id, "pk": metric_return.pk},
    )
    response = client.post(url, data)
    if response.status_code == 302:
        return None
    errors = response.context["form"].errors
    return [
        (name, message)
        for name in ("value", "numerator", "denominator")
        for message in errors.get(f"s{standards[code].pk}_{name}", [])
    ]


def _fill(data, standard, figures):
    for name, text in zip(("value", "numerator", "denominator"), figures, strict=True):
        if standard.is_percentage or name == "value":
            data[f"s{standard.pk}_{name}"] = text


def _through_import(client, metric_return, code, figures):
    body = io.StringIO()
    writer = csv.writer(body, lineterminator="\n")
    writer.writerow([code, *figures, ""])
    for other in _other(code):
        writer.writerow([other, *OTHER_ROWS[other], ""])
    _, job = upload(client, metric_return, csv_file(body.getvalue()))
    if job.status == ImportStatus.INVALID:
        return [(column, message) for line, column, message in job.errors]
    assert job.status == ImportStatus.READY, job.errors
    confirm(client, job)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE, job.result
    return None


def _through_feed(metric_return, code, figures):
    values = {
        other: dict(zip(("value", "numerator", "denominator"), OTHER_ROWS[other], strict=True))
        for other in _other(code)
    }
    values[code] = dict(zip(("value", "numerator", "denominator"), figures, strict=True))
    try:
        metric_values_feed(
            actor=system_actor(),
            organisation=metric_return.organisation,
            period=metric_return.period,
            values=values,
            source=ValueSource.API,
        )
    except ServiceError as error:
        return error.message
    return None


@pytest.mark.parametrize("path", ALL)
@pytest.mark.parametrize(("code", "value", "numerator", "denominator", "paths", "expected"), CASES)
def test_same_verdict_and_message_on_every_path(
    cast, client_for, path, code, value, numerator, denominator, paths, expected
):
    if path not in paths:
        pytest.skip("the grid has no numerator or denominator for a standard that is not a percentage")
    metric_return, standards = return_with_standards(cast.org_a)
    figures = (value, numerator, denominator)
    client = client_for("rep_a")
    if path == GRID:
        refusal = _through_grid(client, metric_return, standards, code, figures)
    elif path == IMPORT:
        refusal = _through_import(client, metric_return, code, figures)
    else:
        refusal = _through_feed(metric_return, code, figures)
    stored = MetricValue.objects.filter(metric_return=metric_return, standard=standards[code]).first()
    if expected[0] in ("value", "numerator", "denominator"):
        field, message = expected
        if path == FEED:
            assert refusal == f"{code}: {message}"
        else:
            assert refusal == [(field, message)]
        assert stored is None
        return
    assert refusal is None
    figures_stored = (stored.value, stored.numerator, stored.denominator)
    assert figures_stored == tuple(None if text is None else Decimal(text) for text in expected)
