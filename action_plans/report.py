"""The annual progress report of an action plan: each action's status at the year end, the year's notes,
and the attainment of its linked standards for the year, taken from the standards annual results."""

from django.utils import timezone

from common.principles import Principle
from standards.reports.context import annual_report_rows

from . import progress
from .models import ProgressStatus

NO_UPDATE = ""


def plan_report_context(plan, year, *, today=None):
    """Everything the HTML page and the PDF show, in a fixed number of queries; a year not over yet ends today."""
    today = today or timezone.localdate()
    as_of = min(progress.year_end(year), today)
    attainment = {row["standard_id"]: row for row in annual_report_rows(plan.organisation, year)}
    actions = plan.actions.prefetch_related("standards", "progress").order_by("principle", "position")
    labels = dict(ProgressStatus.choices)
    counts = dict.fromkeys([*ProgressStatus.values, NO_UPDATE], 0)
    by_principle = {principle.value: [] for principle in Principle}
    overdue = at_risk = 0
    for action in actions:
        updates = list(action.progress.all())
        status = progress.status_on(updates, as_of)
        counts[status] += 1
        is_overdue = progress.is_overdue(action.target_date, status, as_of)
        overdue += is_overdue
        at_risk += progress.is_at_risk(status)
        notes = sorted(
            (u for u in updates if u.reported_on.year == year and u.reported_on <= as_of),
            key=lambda u: (u.reported_on, u.pk),
        )
        standards = [
            {"standard": standard, "result": attainment.get(standard.pk)}
            for standard in sorted(action.standards.all(), key=lambda s: s.code)
        ]
        by_principle[action.principle].append(
            {
                "action": action,
                "status": status,
                "status_label": labels.get(status, ""),
                "overdue": is_overdue,
                "notes": notes,
                "standards": standards,
            }
        )
    return {
        "organisation": plan.organisation,
        "plan": plan,
        "year": year,
        "as_of": as_of,
        "principles": [{"principle": p, "rows": by_principle[p.value]} for p in Principle],
        "summary": [{"status": s, "label": labels.get(s, ""), "count": counts[s]} for s in counts],
        "total": sum(counts.values()),
        "overdue": overdue,
        "at_risk": at_risk,
        "generated_on": today,
    }
