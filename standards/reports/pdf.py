"""The annual report as a PDF (WeasyPrint), charts included as inline SVG.

The PDF uses its own lean markup and stylesheet and draws compact trend charts (same lines and
markers, far fewer SVG nodes, one shared legend) so a 20-page report renders within its budget.
"""

from django.template.loader import render_to_string

from common.pdf import html_to_pdf

from ..charts import trend_chart, trend_legend

TEMPLATE = "standards/annual_report_pdf.html"
STYLESHEETS = ("css/report_pdf.css",)


def annual_report_pdf_html(context):
    """The HTML the PDF is made from: the report context with compact trend charts."""
    trends = [{**trend, "svg": trend_chart(**trend["chart"], compact=True)} for trend in context.get("trends", ())]
    return render_to_string(TEMPLATE, {**context, "trends": trends, "trend_legend": trend_legend()})


def annual_report_pdf(context):
    return html_to_pdf(annual_report_pdf_html(context), STYLESHEETS)
