"""The annual report as a PDF (WeasyPrint), charts included as inline SVG."""

from common.pdf import render_pdf


def annual_report_pdf(context):
    return render_pdf("standards/annual_report_pdf.html", context)
