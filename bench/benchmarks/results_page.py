"""The organisation results page at two data sizes: query count must not grow with the data.

An organisation with 8 months of history and one with 200 months (the per-organisation size
of the 1,000,000-value data set) are both measured, with background data at --scale. Budget:
equal query counts. Anchor: the bare view in the same run. The annual report PDF of a
20-page report is timed too (budget <= 3 s), as `annual_report_pdf_s`.
"""

import time

from django.contrib.auth.models import Group
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from bench.data_standards import generate_standards_data
from bench.registry import Result, count_queries, median_ms, register
from common.pdf import html_document
from organisations.models import User
from organisations.roles import CentralRole
from standards.reports.context import annual_report_context
from standards.reports.pdf import STYLESHEETS, annual_report_pdf, annual_report_pdf_html

PDF_BUDGET_S = 3.0
PDF_STANDARDS = 36  # about 20 A4 pages: the table, the summary, and a chart with its table per standard


def _administrator():
    user = User.objects.create_user("results-bench@example.org", "bench-password")
    user.groups.add(Group.objects.get_or_create(name=CentralRole.ADMINISTRATOR)[0])
    return user


def _pdf_seconds(organisation, log):
    context = annual_report_context(organisation, 2025)
    started = time.perf_counter()
    annual_report_pdf(annual_report_context(organisation, 2025))
    seconds = time.perf_counter() - started
    pages = len(html_document(annual_report_pdf_html(context), STYLESHEETS).render().pages)
    log(f"annual report PDF: {len(context['rows'])} standards, {pages} pages, {seconds:.2f} s")
    return seconds, pages


@register("results_page")
def results_page(scale, log):
    generate_standards_data(scale * 0.1, log, name="Results background body")
    small = generate_standards_data(1, log, name="Results small body", organisations=1, months=8).organisations[0]
    large = generate_standards_data(1, log, name="Results large body", organisations=1, months=200).organisations[0]
    report = generate_standards_data(
        1, log, name="Results report body", organisations=1, months=12, per_organisation=PDF_STANDARDS
    ).organisations
    admin = _administrator()
    with override_settings(ROOT_URLCONF="bench.urls"):
        client = Client()
        client.force_login(admin)
        timings, counts = {}, {}
        for label, organisation in [("small", small), ("large", large)]:
            url = reverse("workspace:standards:results", kwargs={"organisation_pk": organisation.pk})

            def get(url=url):
                response = client.get(url, secure=True)
                assert response.status_code == 200, response.status_code

            get()
            counts[label] = count_queries(get)
            timings[label] = median_ms(get, 20)
        anchor = median_ms(lambda: client.get(reverse("bench-bare"), secure=True), 50)
    pdf_seconds, pages = _pdf_seconds(report[0], log)
    log(
        f"results page: 8 months {timings['small']:.1f} ms / {counts['small']} queries; "
        f"200 months {timings['large']:.1f} ms / {counts['large']} queries; bare view {anchor:.2f} ms"
    )
    return Result(
        unit="ms",
        ours=timings["large"],
        anchor=anchor,
        budget="query count independent of data size (equal at 8 and 200 months); PDF of 20 pages <= 3 s",
        ok=counts["small"] == counts["large"] and pdf_seconds <= PDF_BUDGET_S,
        extra={
            "queries_small": counts["small"],
            "queries_large": counts["large"],
            "ms_small": round(timings["small"], 2),
            "annual_report_pdf_s": round(pdf_seconds, 3),
            "annual_report_pdf_pages": pages,
        },
    )
