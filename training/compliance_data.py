"""Helpers of the training compliance figures (`training/compliance.py`): the trend's days, the module titles."""

import datetime

from .models import ModuleVersion, VersionStatus

TREND_MONTHS = 12


def month_ends(on, months=TREND_MONTHS):
    """The last day of each of the last `months` months, oldest first; the current month ends on `on`."""
    ends = []
    year, month = on.year, on.month
    for _ in range(months):
        first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
        ends.append(min(first_of_next - datetime.timedelta(days=1), on))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(ends))


def module_titles(module_ids):
    """{module id: {"code", "title", "title_ga"}} from each module's published version (else its latest)."""
    versions = (
        ModuleVersion.objects.filter(module_id__in=module_ids)
        .order_by("module_id", "-number")
        .values_list("module_id", "module__code", "status", "title", "title_ga")
    )
    titles = {}
    for module_id, code, status, title, title_ga in versions:
        published = status == VersionStatus.PUBLISHED
        if module_id not in titles or (published and not titles[module_id]["published"]):
            titles[module_id] = {"code": code, "title": title, "title_ga": title_ga, "published": published}
    return titles
