"""Operators' read-only look-up of standards, returns, values and imports (common/admin_site.py)."""

from django.contrib import admin

from common.admin_site import ReadOnlyAdmin

from .models import ImportJob, MetricReturn, MetricValue, ReportingPeriod, ServiceStandard, StandardTarget


@admin.register(ServiceStandard)
class ServiceStandardAdmin(ReadOnlyAdmin):
    list_display = ["code", "title", "organisation", "measure", "frequency", "applies_from", "applies_to"]
    list_filter = ["measure", "frequency", "principle", "channel"]
    search_fields = ["code", "title", "organisation__name"]
    list_select_related = ["organisation"]


@admin.register(StandardTarget)
class StandardTargetAdmin(ReadOnlyAdmin):
    list_display = ["standard", "valid_from", "target", "higher_is_better", "created_by", "created_at"]
    search_fields = ["standard__code", "standard__title", "standard__organisation__name"]
    list_select_related = ["standard", "created_by"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ReadOnlyAdmin):
    list_display = ["label", "frequency", "start", "end"]
    list_filter = ["frequency"]
    search_fields = ["label"]


@admin.register(MetricReturn)
class MetricReturnAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "period", "state", "is_current", "submitted_at", "reviewed_by"]
    list_filter = ["state", "is_current"]
    search_fields = ["organisation__name", "period__label"]
    list_select_related = ["organisation", "period", "reviewed_by"]


@admin.register(MetricValue)
class MetricValueAdmin(ReadOnlyAdmin):
    list_display = ["standard", "metric_return", "value", "numerator", "denominator", "source"]
    list_filter = ["source"]
    search_fields = ["standard__code", "metric_return__organisation__name"]
    list_select_related = ["standard", "metric_return__organisation", "metric_return__period"]


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "organisation", "status", "total_rows", "created_by", "created_at"]
    list_filter = ["status"]
    search_fields = ["original_name", "organisation__name", "file_sha256"]
    list_select_related = ["organisation", "created_by"]
    exclude = ["file", "preview"]  # uploaded files stay private; the preview can be large
