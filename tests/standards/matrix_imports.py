"""Permission matrix for the import URLs: only holders of manage_standards on organisation A and administrators."""

from standards.models import ImportJob, ImportStatus

from ..matrix import Case, signed_in
from .factories import MetricReturnFactory

# Members of A without manage_standards and lead evaluators (who view every organisation) get 403;
# an unassigned evaluator is stopped at the Standards area (403); other organisations' people get 404.
MANAGERS_OF_A = signed_in(404, rep_a=200, admin=200, head_a=403, staff_a=403, lead=403, evaluator=403)
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
    "workspace:standards:return_import": Case(kwargs=_return_a, expect=MANAGERS_OF_A),
    "workspace:standards:return_import_template": Case(kwargs=_template_a, expect=MANAGERS_OF_A),
    "workspace:standards:import_job": Case(kwargs=_job_a, expect=MANAGERS_OF_A),
    "workspace:standards:import_job_status": Case(kwargs=_job_a, expect=MANAGERS_OF_A),
    "workspace:standards:import_job_confirm": Case(kwargs=_job_a, method="post", expect=MANAGERS_OF_A_POST),
}
