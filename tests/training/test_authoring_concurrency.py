"""Two authors at the same moment: one module per code, one publication, one new draft.

The races need PostgreSQL (SQLite serialises writers). The outcome does not depend on timing: the
row lock on the module (publish, new version) or the unique constraint (codes) decides.
"""

import threading

import pytest

from common.errors import ServiceError
from organisations.models import AuditEvent
from tests.races import BARRIER_TIMEOUT_S, needs_postgresql, run_together
from tests.training.factories import draft_module, published_module
from training.models import Module, VersionStatus
from training.services import authoring

from .test_authoring_services import VERSION


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_publications_publish_once(cast):
    draft = draft_module()
    call = lambda: authoring.version_publish(actor=cast.admin, version=draft)  # noqa: E731
    results, errors = run_together([call, call])
    assert len(results) == 1 and len(errors) == 1
    assert errors[0].message == "Version 1 is already published."
    assert draft.module.versions.get().status == VersionStatus.PUBLISHED
    assert AuditEvent.objects.filter(verb="training.version_publish").count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_new_versions_make_one_draft(cast):
    module = published_module().module
    call = lambda: authoring.version_new(actor=cast.admin, module=module)  # noqa: E731
    results, errors = run_together([call, call])
    assert len(results) == 1 and len(errors) == 1
    assert module.versions.filter(status=VersionStatus.DRAFT).count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_modules_with_one_code_give_one_winner(cast, monkeypatch):
    barrier = threading.Barrier(2, timeout=BARRIER_TIMEOUT_S)
    original = authoring._check_code_free

    def check_then_wait(*args):
        original(*args)
        barrier.wait()

    monkeypatch.setattr(authoring, "_check_code_free", check_then_wait)
    call = lambda: authoring.module_create(actor=cast.admin, organisation=None, code="basics", **VERSION)  # noqa: E731
    results, errors = run_together([call, call])
    assert len(results) == 1 and len(errors) == 1
    assert errors[0].field == "code"
    assert Module.objects.filter(code="basics").count() == 1


def test_a_code_clash_the_check_missed_gets_the_same_message(cast, monkeypatch):
    authoring.module_create(actor=cast.admin, organisation=None, code="basics", **VERSION)
    monkeypatch.setattr(authoring, "_check_code_free", lambda *args: None)
    with pytest.raises(ServiceError, match="already a module with the code basics") as refused:
        authoring.module_create(actor=cast.admin, organisation=None, code="basics", **VERSION)
    assert refused.value.field == "code"
    assert Module.objects.filter(code="basics").count() == 1
