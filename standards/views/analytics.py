"""Results of one organisation, and the cross-organisation benchmark of the evaluation unit."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from organisations import roles
from organisations.access import get_organisation_for_user, user_can
from organisations.models import Organisation

from ..access import get_benchmark_organisations_for_user
from ..analytics.annual import recent_results
from ..analytics.attainment import TREND_PERIODS, latest_status, rag_counts, results_by_period, trend
from ..analytics.benchmark import benchmark_overview
from ..analytics.combining import method_label
from ..analytics.display import describe, format_value, number, rag_chart, rag_rows, status_label, trend_block
from ..analytics.frames import load_dataset, recent_reported_periods
from ..analytics.status import DEFAULT_PERCENT_TOLERANCE
from ..charts import Bar, bar_chart
from ..models import ReportingPeriod
from ..periods import Convention, year_ending_in, year_name


@login_required
@require_GET
def organisation_results(request, organisation_pk):
    organisation = get_organisation_for_user(request, organisation_pk, roles.VIEW)
    period_ids, years = recent_reported_periods(organisation, TREND_PERIODS)
    dataset = load_dataset(
        organisations=Organisation.objects.filter(pk=organisation.pk), period_ids=period_ids, labels_for=organisation
    )
    results = results_by_period(dataset)
    current = latest_status(dataset.standards, results)
    counts = rag_counts(current["status"])
    standards = []
    recent = trend(results)
    combined = recent_results(current, recent)
    by_standard = dict(iter(recent.groupby("standard_id", sort=False)))
    for standard_id, record in current.reset_index().set_index("standard_id", drop=False).iterrows():
        row = describe(record, result=record["result"], target=record["target"])
        row["label"] = record["label"] if isinstance(record["label"], str) else ""
        row["combined"] = _combined(combined.loc[standard_id], record)
        row["trend"] = trend_block(
            record, by_standard.get(standard_id, results.iloc[0:0]), chart_id=f"trend-{standard_id}"
        )
        standards.append(row)
    context = {
        "organisation": organisation,
        "standards": standards,
        "rag": rag_rows(counts),
        "rag_chart": rag_chart(
            counts,
            chart_id="results-rag",
            title=gettext("%(organisation)s: standards by latest status") % {"organisation": organisation.name},
        ),
        "years": [{"year": year, "label": year_name(year, Convention.of(organisation))} for year in years],
        "default_percent_tolerance": DEFAULT_PERCENT_TOLERANCE,
        "can_benchmark": user_can(request.user, roles.REVIEW_RETURNS, organisation),
    }
    return render(request, "standards/results_organisation.html", context)


def _combined(figure, standard):
    """The trend's periods combined into one figure: text, method and status, for the results table."""
    return {
        "periods": int(figure["periods_reported"]),
        "result": number(figure["result"]),
        "text": format_value(figure["result"], standard["measure"], standard["threshold_unit"]),
        "method_label": method_label(figure["method"]),
        "status": figure["status"],
        "status_label": status_label(figure["status"]),
    }


class BenchmarkFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(year, year) for year in years]


SHARE_COLOUR = "#1b7f3b"


def _records(frame):
    """Rows of a frame as dicts, NaN turned into None for the templates."""
    return [
        {key: number(value) if isinstance(value, float) else value for key, value in row.items()}
        for row in frame.to_dict("records")
    ]


def _dimension_block(key, title, heading, chart_title, table):
    rows = _records(table)
    bars = [
        Bar(
            row["label"],
            row["share_met"],
            SHARE_COLOUR,
            "—" if row["share_met"] is None else f"{row['share_met']:.1f}%",
        )
        for row in rows
    ]
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars) or gettext("No results.")
    chart = bar_chart(
        bars,
        chart_id=f"benchmark-{key}",
        title=chart_title,
        description=description,
        maximum=100,
    )
    return {"key": key, "title": title, "heading": heading, "rows": rows, "chart": chart}


def _with_year_labels(rows, year):
    """Each organisation's row with the name of its year compared for `year` ("2019-20" for April to March)."""
    if year is None:
        return rows
    conventions = {
        pk: Convention(month, style)
        for pk, month, style in Organisation.objects.filter(
            pk__in=[row["organisation_id"] for row in rows]
        ).values_list("pk", "financial_year_start_month", "financial_year_label_style")
    }
    for row in rows:
        convention = conventions.get(row["organisation_id"], Convention())
        row["year_label"] = year_name(year_ending_in(year, convention).start.year, convention)
    return rows


@login_required
@require_GET
def benchmark(request):
    organisations = get_benchmark_organisations_for_user(request)
    # A year compares each organisation's own year that ends in it (see benchmark_overview).
    years = sorted({end.year for end in ReportingPeriod.objects.values_list("end", flat=True)}, reverse=True)
    filters = BenchmarkFilterForm(request.GET or None, years=years)
    year = filters.cleaned_data["year"] if filters.is_valid() else None
    overview = benchmark_overview(organisations=organisations, year=year)
    titles = {
        "sector": (gettext("Sector"), gettext("By sector"), gettext("Share of standards met by sector")),
        "channel": (gettext("Channel"), gettext("By channel"), gettext("Share of standards met by channel")),
        "principle": (gettext("Principle"), gettext("By principle"), gettext("Share of standards met by principle")),
    }
    context = {
        "filters": filters,
        "year": year,
        "blocks": [_dimension_block(key, *titles[key], table) for key, table in overview["dimensions"].items()],
        "organisations": _with_year_labels(_records(overview["organisations"]), year),
        "values": overview["values"],
    }
    return render(request, "standards/benchmark_overview.html", context)
