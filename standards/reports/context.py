"""What the annual report shows: "standard, target, result, status" for the year, with charts."""

from django.utils import timezone
from django.utils.translation import gettext

from organisations.models import Organisation

from ..analytics.annual import annual_results
from ..analytics.attainment import rag_counts, results_by_period
from ..analytics.combining import method_label
from ..analytics.display import describe, rag_chart, rag_rows, trend_block
from ..analytics.frames import load_dataset
from ..analytics.status import DEFAULT_PERCENT_TOLERANCE
from ..periods import Convention, year_name, year_window

FIRST_YEAR, LAST_YEAR = 1900, 2100  # published series start in the late 1990s


def annual_report_rows(organisation, year):
    frame = annual_results(organisations=Organisation.objects.filter(pk=organisation.pk), year=year)
    rows = []
    for record in frame.to_dict("records"):
        row = describe(record, result=record["result"], target=record["target"])
        row["periods_reported"] = int(record["periods_reported"])
        row["method"] = record["method"]
        row["method_label"] = method_label(record["method"])
        rows.append(row)
    return rows


def annual_report_context(organisation, year, *, charts=True):
    """Everything the HTML page, the PDF and the spreadsheet need, in a fixed number of queries."""
    rows = annual_report_rows(organisation, year)
    counts = rag_counts([row["status"] for row in rows])
    convention = Convention.of(organisation)
    window = year_window(year, convention)
    context = {
        "organisation": organisation,
        "year": year,
        # The organisation's year starting in `year`: "2019-20" (April 2019 to March 2020) or the calendar "2019".
        "year_label": year_name(year, convention),
        "year_start": window.start,
        "year_end": window.end,
        "rows": rows,
        "rag": rag_rows(counts),
        "generated_on": timezone.localdate(),
        "default_percent_tolerance": DEFAULT_PERCENT_TOLERANCE,
    }
    if charts:
        context["rag_chart"] = rag_chart(
            counts,
            chart_id="annual-rag",
            title=gettext("%(organisation)s %(year)s: standards by status")
            % {"organisation": organisation.name, "year": context["year_label"]},
        )
        dataset = load_dataset(
            organisations=Organisation.objects.filter(pk=organisation.pk), year=year, labels_for=organisation
        )
        by_period = results_by_period(dataset)
        by_standard = dict(iter(by_period.groupby("standard_id", sort=False)))
        standards = dataset.standards.to_dict("records")
        context["trends"] = [
            {
                "code": standard["code"],
                "title": standard["title"],
                **trend_block(
                    standard,
                    by_standard.get(standard["standard_id"], by_period.iloc[0:0]),
                    chart_id=f"annual-trend-{standard['standard_id']}",
                ),
            }
            for standard in standards
        ]
    return context
