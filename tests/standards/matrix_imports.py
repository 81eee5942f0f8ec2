"""Permission matrix for the import URLs: only holders of manage_standards on organisation A and administrators."""

from standards.models import ImportJob, ImportStatus

from ..matrix import form, post_only, read_only
from .factories import MetricReturnFactory
from .matrix_definitions import MANAGE_A as MANAGERS_OF_A

MANAGERS_OF_A_POST = {**MANAGERS_OF_A, "rep_a": 302, "admin": 302}


def _return_a(cast):
    metric_return = MetricReturnFactory(organisation=cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": metric_return.pk}


def _template_a(cast):
    return {**_return_a(cast), "kind": "csv"}


def _job_a(cast):
    metric_return = MetricReturnFactory(organisation=cast.org_a)
    job = ImportJob.objects.create(
        organisation=cast.org_a,
        metric_return=metric_return,
        file="imports/matrix.csv",
        original_name="values.csv",
        status=ImportStatus.DONE,
        result={"new": 1, "changed": 0, "unchanged": 0},
    )
    return {"organisation_pk": cast.org_a.pk, "pk": job.pk}


CASES = {
    "workspace:standards:return_import": form(MANAGERS_OF_A, kwargs=_return_a),
    "workspace:standards:return_import_template": read_only(MANAGERS_OF_A, kwargs=_template_a),
    "workspace:standards:import_job": read_only(MANAGERS_OF_A, kwargs=_job_a),
    "workspace:standards:import_job_status": read_only(MANAGERS_OF_A, kwargs=_job_a),
    "workspace:standards:import_job_confirm": post_only(MANAGERS_OF_A_POST, kwargs=_job_a),
}
