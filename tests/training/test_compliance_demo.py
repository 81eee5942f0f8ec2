"""Demo training: the shared module assigned by rule in each demo organisation, with a story to tell."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from organisations.models import Organisation
from training.compliance import compliance_report
from training.demo import DEMO_CODE, SHIPPED_CODE, load_training_demo, shared_demo_version
from training.models import Assignment, AssignmentRule, Completion, Module, ModuleAdoption

from .factories import shipped_module

pytestmark = pytest.mark.django_db
DEMO_ORGANISATIONS = ["Revenue and Customs Service", "Department of Social Protection", "Riverside City Council"]


def _counts():
    return tuple(model.objects.count() for model in (Module, AssignmentRule, Assignment, Completion, ModuleAdoption))


def test_demo_tells_a_story_and_loads_once():
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    today = timezone.localdate()
    for name in DEMO_ORGANISATIONS:
        organisation = Organisation.objects.get(name=name)
        assert AssignmentRule.objects.filter(organisation=organisation, role="").count() == 1
        report = compliance_report(organisation, on=today)
        totals = report["totals"]
        assert totals["assigned"] == 20, name
        assert totals["completed"] > 0 and totals["overdue"] > 0 and totals["expiring"] > 0, (name, totals)
        rates = [point["rate"] for point in report["trend"]]
        assert rates[0] is not None and rates[0] < max(rate for rate in rates if rate is not None), (name, rates)


def test_demo_is_deterministic():
    call_command("load_demo")
    day = timezone.localdate()
    organisation = Organisation.objects.get(name=DEMO_ORGANISATIONS[0])
    figures = compliance_report(organisation, on=day)["totals"]
    Completion.objects.all().delete()
    Assignment.objects.all().delete()
    AssignmentRule.objects.all().delete()
    load_training_demo(today=day)
    assert compliance_report(organisation, on=day)["totals"] == figures


def test_the_shipped_module_is_used_when_it_exists():
    assert shared_demo_version() == shipped_module()
    assert not Module.objects.filter(code=DEMO_CODE).exists()


def test_without_the_shipped_module_a_demo_module_is_created_once():
    Module.objects.filter(organisation=None, code=SHIPPED_CODE).delete()  # the data migration installed it
    version = shared_demo_version()
    assert version.module.code == DEMO_CODE and version.lessons.count() == 3 and version.questions.count() == 3
    assert shared_demo_version() == version
    assert version.validity_months == 24 and version.published_at <= timezone.now() + datetime.timedelta(seconds=1)
