"""Service standards, their target history, reporting periods, metric returns and values.

The standards rules live here, once each: which standards apply in a period
(`StandardQuerySet.active_in`), the target in force on a day (`StandardTargetQuerySet.in_force_on`),
what "open" and "editable" mean for a return (`ReturnState.OPEN_STATES`, `ReturnState.EDITABLE_STATES`)
and the end of the history that accepted returns froze (`ServiceStandard.last_accepted_end`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.principles import Principle
from organisations.models import Organisation


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    COUNTER = "counter", _("Counter")
    WEB = "web", _("Web")
    SOCIAL = "social", _("Social media")
    ANY = "any", _("Any channel")


class Measure(models.TextChoices):
    # "80% within 5 minutes" (a threshold and its unit) or "80% of customers satisfied" (neither).
    PERCENT_WITHIN = "percent_within", _("Percentage")
    MEAN_DURATION = "mean_duration", _("Mean duration")
    MEDIAN_DURATION = "median_duration", _("Median duration")
    COUNT = "count", _("Count")
    SATISFACTION = "satisfaction", _("Satisfaction score")


class ThresholdUnit(models.TextChoices):
    SECONDS = "seconds", _("seconds")
    MINUTES = "minutes", _("minutes")
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")
    WORKING_DAYS = "working_days", _("working days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("calendar months")


# "within 1 month", "within 8 weeks": the threshold as the rule text says it (singular and plural).
THRESHOLD_PHRASES = {
    ThresholdUnit.SECONDS: lambda n: ngettext("within %(n)s second", "within %(n)s seconds", n),
    ThresholdUnit.MINUTES: lambda n: ngettext("within %(n)s minute", "within %(n)s minutes", n),
    ThresholdUnit.HOURS: lambda n: ngettext("within %(n)s hour", "within %(n)s hours", n),
    ThresholdUnit.DAYS: lambda n: ngettext("within %(n)s day", "within %(n)s days", n),
    ThresholdUnit.WORKING_DAYS: lambda n: ngettext("within %(n)s working day", "within %(n)s working days", n),
    ThresholdUnit.WEEKS: lambda n: ngettext("within %(n)s week", "within %(n)s weeks", n),
    ThresholdUnit.MONTHS: lambda n: ngettext("within %(n)s month", "within %(n)s months", n),
}


def threshold_phrase(threshold, unit):
    """ "within 8 weeks" for a threshold of 8 and the unit weeks; "" without a threshold or unit."""
    if threshold is None or unit not in THRESHOLD_PHRASES:
        return ""
    number = threshold.normalize() if hasattr(threshold, "normalize") else threshold
    count = int(number) if number == int(number) else 2
    text = f"{number:f}" if hasattr(number, "normalize") else str(number)
    return THRESHOLD_PHRASES[ThresholdUnit(unit)](count) % {"n": text}


class YearBasis(models.TextChoices):
    CALENDAR = "calendar", _("Calendar year (January to December)")
    FINANCIAL = "financial", _("The organisation's financial year")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


class StandardQuerySet(models.QuerySet):
    def active_in(self, period):
        """Standards of the period's frequency that apply on at least one day of the period.

        A quarterly or yearly standard reports in the periods that start on its own grid: quarters and years
        starting in its year's first month (January, or its organisation's financial year start: `year_basis`).
        """
        standards = self.filter(frequency=period.frequency, applies_from__lte=period.end).filter(
            models.Q(applies_to__isnull=True) | models.Q(applies_to__gte=period.start)
        )
        size = {Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}.get(period.frequency)
        if size is None:
            return standards
        months = [month for month in range(1, 13) if (period.start.month - month) % size == 0]
        return standards.alias(
            year_start=Case(
                When(year_basis=YearBasis.FINANCIAL, then=F("organisation__financial_year_start_month")),
                default=Value(1),
            )
        ).filter(year_start__in=months)

    def with_target_on(self, day):
        """Annotate the target in force on the day (see StandardTargetQuerySet.in_force_on): value, direction, start."""
        in_force = StandardTarget.objects.filter(standard=OuterRef("pk")).in_force_on(day)
        return self.annotate(
            current_target=Subquery(in_force.values("target")[:1]),
            current_higher_is_better=Subquery(in_force.values("higher_is_better")[:1]),
            current_target_from=Subquery(in_force.values("valid_from")[:1]),
        )


class ServiceStandard(models.Model):
    """A measurable promise, e.g. "80% of calls answered within 5 minutes"."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="standards")
    code = models.CharField(_("code"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ANY)
    principle = models.CharField(_("principle"), max_length=20, choices=Principle.choices)
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices)
    threshold = models.DecimalField(_("threshold"), max_digits=12, decimal_places=2, null=True, blank=True)
    threshold_unit = models.CharField(_("threshold unit"), max_length=20, choices=ThresholdUnit.choices, blank=True)
    frequency = models.CharField(_("reporting frequency"), max_length=20, choices=Frequency.choices)
    year_basis = models.CharField(
        _("year"),
        max_length=20,
        choices=YearBasis.choices,
        default=YearBasis.CALENDAR,
        help_text=_("For quarterly and yearly standards: the year their quarters and years follow."),
    )
    applies_from = models.DateField(_("applies from"))
    applies_to = models.DateField(_("applies to"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StandardQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "code"]
        constraints = [
            # Case-insensitive, so CS-1 and cs-1 cannot both exist; the arbiter when two people create at once.
            models.UniqueConstraint(Lower("code"), "organisation", name="standard_code_unique_ci"),
        ]
        indexes = [models.Index(fields=["organisation", "frequency"])]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def is_percentage(self):
        return self.measure == Measure.PERCENT_WITHIN

    @property
    def is_duration(self):
        return self.measure in (Measure.MEAN_DURATION, Measure.MEDIAN_DURATION)

    @property
    def year_start_month(self):
        """The month its quarters and years start in: January, or its organisation's financial year start."""
        if self.year_basis == YearBasis.FINANCIAL and self.frequency != Frequency.MONTHLY:
            return self.organisation.financial_year_start_month
        return 1

    @property
    def threshold_text(self):
        return threshold_phrase(self.threshold, self.threshold_unit)

    def reports_in(self, bounds):
        """Whether the standard reports in the period (see StandardQuerySet.active_in)."""
        size = {Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}.get(self.frequency, 1)
        return (
            bounds.frequency == self.frequency
            and (bounds.start.month - self.year_start_month) % size == 0
            and self.applies_during(bounds.start, bounds.end)
        )

    def applies_during(self, start, end):
        """Whether the standard applies on at least one day from start to end (the dates rule of active_in)."""
        return self.applies_from <= end and (self.applies_to is None or self.applies_to >= start)

    def target_on(self, day):
        """The target in force on the day; None before the first target (no target, so no status)."""
        return StandardTarget.objects.filter(standard=self).in_force_on(day).first()

    def last_accepted_end(self):
        """The end of the last period whose accepted return has a value for this standard; None if none.

        Accepted periods keep the target and measure they were judged with: a new target starts after
        this date, and the fields in FROZEN_FIELDS cannot change once it exists.
        """
        return MetricValue.objects.filter(standard=self, metric_return__state=ReturnState.ACCEPTED).aggregate(
            end=models.Max("metric_return__period__end")
        )["end"]


FROZEN_FIELDS = ["measure", "threshold", "threshold_unit", "frequency", "year_basis"]


class StandardTargetQuerySet(models.QuerySet):
    def in_force_on(self, day):
        """Per standard, the target in force on the day: the latest one starting on or before it.

        Before a standard's first target there is none (and so no status). The analytics apply the
        same rule to whole frames in `analytics.attainment.attach_targets`.
        """
        latest_start = (
            StandardTarget.objects.filter(standard_id=OuterRef("standard_id"), valid_from__lte=day)
            .order_by("-valid_from")
            .values("valid_from")[:1]
        )
        return self.filter(valid_from=Subquery(latest_start))


class StandardTarget(models.Model):
    """The target in force from a date. Past periods are judged against the target in force then."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="targets")
    valid_from = models.DateField(_("in force from"))
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    tolerance = models.DecimalField(
        _("amber tolerance"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave blank for the default rule."),
    )
    reason = models.CharField(_("reason for the change"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StandardTargetQuerySet.as_manager()

    class Meta:
        ordering = ["standard", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["standard", "valid_from"], name="target_valid_from_unique")]

    def __str__(self):
        return f"{self.standard.code}: {self.target} from {self.valid_from}"


class ReportingPeriod(models.Model):
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    start = models.DateField()
    end = models.DateField()
    label = models.CharField(max_length=20)

    class Meta:
        ordering = ["-start", "frequency"]
        constraints = [models.UniqueConstraint(fields=["frequency", "start"], name="period_unique")]

    def __str__(self):
        return self.label


class ReturnState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    QUERIED = "queried", _("Queried")
    ACCEPTED = "accepted", _("Accepted")
    SUPERSEDED = "superseded", _("Superseded")


# Named state sets (set on the class so they hold its members). Open: not yet decided, at most one such
# version per organisation and period (return_one_open_version). Editable: held by the organisation,
# so values may be written (the grid, the import, feeds) and it may be submitted.
ReturnState.OPEN_STATES = (ReturnState.DRAFT, ReturnState.SUBMITTED, ReturnState.QUERIED)
ReturnState.EDITABLE_STATES = (ReturnState.DRAFT, ReturnState.QUERIED)


class MetricReturn(models.Model):
    """One organisation's values for one reporting period. Corrections are new versions."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="metric_returns")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="returns")
    version = models.PositiveIntegerField(default=1)
    state = models.CharField(max_length=20, choices=ReturnState.choices, default=ReturnState.DRAFT)
    is_current = models.BooleanField(
        default=False, help_text="The version whose values count in analytics (latest accepted)."
    )
    supersedes = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    query = models.TextField(_("evaluator's question"), blank=True)
    response = models.TextField(_("response to the question"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-period__start", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period", "version"], name="return_version_unique"),
            models.UniqueConstraint(
                fields=["organisation", "period"], condition=models.Q(is_current=True), name="return_one_current"
            ),
            models.UniqueConstraint(
                fields=["organisation", "period"],
                condition=models.Q(state__in=list(ReturnState.OPEN_STATES)),
                name="return_one_open_version",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "is_current"]), models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.organisation} {self.period} v{self.version}"

    @property
    def period_label(self):
        """The period as the organisation names it ("2019-20" for a financial year starting in April 2019)."""
        from .periods import label_for

        return label_for(self.period, self.organisation)

    @property
    def is_editable(self):
        """Values may change only while the organisation holds the return: draft or queried."""
        return self.state in ReturnState.EDITABLE_STATES

    @property
    def was_resubmitted(self):
        return self.state == ReturnState.SUBMITTED and bool(self.response)


class ValueSource(models.TextChoices):
    MANUAL = "manual", _("Manual entry")
    IMPORT = "import", _("Import")
    FEEDBACK = "feedback", _("Feedback cases")
    SURVEY = "survey", _("Survey responses")
    API = "api", _("API")


class MetricValue(models.Model):
    """The result for one standard in one return. Percentages keep numerator and denominator."""

    metric_return = models.ForeignKey(MetricReturn, on_delete=models.CASCADE, related_name="values")
    standard = models.ForeignKey(ServiceStandard, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=ValueSource.choices, default=ValueSource.MANUAL)

    class Meta:
        ordering = ["metric_return", "standard__code"]
        constraints = [models.UniqueConstraint(fields=["metric_return", "standard"], name="value_per_standard_unique")]

    def __str__(self):
        return f"{self.standard.code}: {self.value}"


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be checked")
    CHECKING = "checking", _("Checking")
    READY = "ready", _("Checked: ready to import")
    INVALID = "invalid", _("Checked: has errors")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """An uploaded CSV/XLSX of metric values: checked (dry run), previewed, then confirmed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="import_jobs")
    metric_return = models.ForeignKey(
        MetricReturn, null=True, blank=True, on_delete=models.CASCADE, related_name="import_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(upload_to="imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    preview = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"
