"""The latest accepted result and status of some of an organisation's standards, ready for a page (the charter's
workspace page, the public charter and its PDF)."""

from organisations.models import Organisation

from .attainment import TREND_PERIODS, latest_status, results_by_period
from .display import describe
from .frames import load_dataset, recent_reported_periods


def latest_results(organisation, standard_ids):
    """{standard id: `describe` row plus "label" (its period)} through the standards analytics (its status rule);
    a standard without a result has the "no data" status; one the analytics do not know is left out."""
    if not standard_ids:
        return {}
    period_ids, _years = recent_reported_periods(organisation, TREND_PERIODS)
    dataset = load_dataset(organisations=Organisation.objects.filter(pk=organisation.pk), period_ids=period_ids)
    current = latest_status(dataset.standards, results_by_period(dataset))
    rows = {}
    for record in current.reset_index().to_dict("records"):
        if record["standard_id"] in standard_ids:
            row = describe(record, result=record["result"], target=record["target"])
            row["label"] = record["label"] if isinstance(record["label"], str) else ""
            rows[row["standard_id"]] = row
    return rows
