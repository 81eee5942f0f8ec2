"""The learner's pages as each role: My training, lessons with resume, the quiz, attempts, certificates."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from organisations.roles import OrganisationRole
from tests.common.test_pdf import pdf_text
from tests.factories import OrganisationFactory, member
from training.models import Completion, LessonProgress, ModuleAdoption, QuizAttempt, VersionStatus
from training.views.certificates import certificate_html

from .factories import AssignmentFactory, ModuleVersionFactory, completion, published_module
from .learning_support import adopted_module, as_post, read_all, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(cast):
    return adopted_module(cast.org_a, lessons=3, questions=4, pass_mark=75, max_attempts=3)


def _url(name, organisation, pk):
    return reverse(f"workspace:training:{name}", kwargs={"organisation_pk": organisation.pk, "pk": pk})


def _lessons(version):
    return list(version.lessons.order_by("position"))


# My training


def test_my_training_groups_assignments_by_status(cast, client, version):
    today = timezone.localdate()
    AssignmentFactory(
        organisation=cast.org_a, module=version.module, user=cast.staff_a, due_date=today + datetime.timedelta(days=10)
    )
    overdue = adopted_module(cast.org_a, title="Overdue module")
    AssignmentFactory(
        organisation=cast.org_a, module=overdue.module, user=cast.staff_a, due_date=today - datetime.timedelta(days=1)
    )
    done = adopted_module(cast.org_a, title="Done module")
    completion(cast.staff_a, cast.org_a, done, expires_on=today + datetime.timedelta(days=30))
    own = published_module(cast.org_a, title="Own module")
    client.force_login(cast.staff_a)
    response = client.get(reverse("workspace:training:index"))
    assert response.status_code == 200
    groups = {status.value: [e.module.pk for e in entries] for status, entries in response.context["groups"]}
    assert groups == {
        "overdue": [overdue.module_id],
        "due": [version.module_id],
        "expiring_soon": [done.module_id],
        "available": [own.module_id],
    }
    page = response.content.decode()
    assert page.index("Overdue module") < page.index(version.title) < page.index("Done module")
    assert "0 of 3 lessons read" in page


def test_my_training_leaves_out_modules_the_organisation_does_not_use(cast, client, version):
    published_module(None, title="Not adopted")
    published_module(cast.org_b, title="Another body's module")
    draft = ModuleVersionFactory(status=VersionStatus.DRAFT, title="Only a draft")
    ModuleAdoption.objects.create(organisation=cast.org_a, module=draft.module)
    client.force_login(cast.staff_a)
    page = client.get(reverse("workspace:training:index")).content.decode()
    assert version.title in page
    assert "Not adopted" not in page and "Another body" not in page and "Only a draft" not in page


def test_my_training_shows_progress_and_a_continue_link(cast, client, version):
    LessonProgress.objects.create(user=cast.staff_a, version=version, furthest_position=2)
    client.force_login(cast.staff_a)
    page = client.get(reverse("workspace:training:index")).content.decode()
    assert "2 of 3 lessons read" in page and "Continue" in page
    assert _url("module_learn", cast.org_a, version.module_id) in page


def test_my_training_lists_a_module_once_across_organisations(cast, client, version):
    other = OrganisationFactory(name="Zeta Office")
    member(other, OrganisationRole.STAFF, user=cast.staff_a)
    ModuleAdoption.objects.create(organisation=other, module=version.module)
    client.force_login(cast.staff_a)
    response = client.get(reverse("workspace:training:index"))
    entries = [e for _status, group in response.context["groups"] for e in group]
    assert [e.organisation for e in entries] == [cast.org_a]
    assert response.context["several_organisations"] is False


def test_my_training_has_an_empty_state_for_people_without_an_organisation(cast, client, version):
    for role in ("evaluator", "lead", "admin"):
        client.force_login(cast.user(role))
        response = client.get(reverse("workspace:training:index"))
        assert response.status_code == 200
        assert "You have no training to take" in response.content.decode()


def test_my_training_takes_a_fixed_number_of_queries(cast, client):
    def queries():
        client.force_login(cast.staff_a)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("workspace:training:index")).status_code == 200
        return len(captured)

    def add_modules(count):
        for _number in range(count):
            version = adopted_module(cast.org_a)
            AssignmentFactory(organisation=cast.org_a, module=version.module, user=cast.staff_a)
            LessonProgress.objects.create(user=cast.staff_a, version=version, furthest_position=1)
            completion(cast.staff_a, cast.org_a, version)

    add_modules(1)
    few = queries()
    add_modules(5)
    assert queries() == few


# Lessons and resuming


def test_start_leave_and_resume_where_one_left_off(cast, client, version):
    first, second, third = _lessons(version)
    client.force_login(cast.staff_a)
    learn = _url("module_learn", cast.org_a, version.module_id)
    assert client.get(learn)["Location"] == _url("lesson", cast.org_a, first.pk)
    response = client.post(_url("lesson", cast.org_a, first.pk), {"direction": "next"})
    assert response["Location"] == _url("lesson", cast.org_a, second.pk)
    assert client.get(learn)["Location"] == _url("lesson", cast.org_a, second.pk)  # resumed
    client.post(_url("lesson", cast.org_a, second.pk), {"direction": "next"})
    response = client.post(_url("lesson", cast.org_a, third.pk), {"direction": "next"})
    assert response["Location"] == _url("quiz", cast.org_a, version.module_id)
    assert client.get(learn)["Location"] == _url("quiz", cast.org_a, version.module_id)
    assert LessonProgress.objects.get(user=cast.staff_a).furthest_position == 3


def test_skipping_ahead_leads_back_to_the_first_unread_lesson(cast, client, version):
    first, second, third = _lessons(version)
    client.force_login(cast.staff_a)
    client.post(_url("lesson", cast.org_a, first.pk), {"direction": "next"})
    response = client.post(_url("lesson", cast.org_a, third.pk), {"direction": "next"}, follow=True)
    assert response.redirect_chain[-1][0] == _url("lesson", cast.org_a, second.pk)
    assert "Read the lessons in order" in response.content.decode()


def test_finishing_a_module_without_a_quiz_completes_it(cast, client):
    version = adopted_module(cast.org_a, lessons=1, questions=0)
    client.force_login(cast.staff_a)
    response = client.post(_url("lesson", cast.org_a, version.lessons.get().pk), {"direction": "next"}, follow=True)
    assert "Your certificate is ready" in response.content.decode()
    assert Completion.objects.get(user=cast.staff_a).certificate is not None


def test_a_lesson_is_markdown_rendered_safely(cast, client, version):
    lesson = _lessons(version)[0]
    lesson.body = "## Courtesy\n\n<script>alert(1)</script> [link](javascript:alert(1)) **bold**"
    lesson.save()
    client.force_login(cast.staff_a)
    page = client.get(_url("lesson", cast.org_a, lesson.pk)).content.decode()
    assert "<h2>Courtesy</h2>" in page and "<strong>bold</strong>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page and 'href="javascript' not in page
    assert "Lesson 1 of 3" in page


def test_a_lesson_in_irish_or_with_a_note_when_it_has_no_irish(cast, client, version):
    first, second, _third = _lessons(version)
    second.title_ga, second.body_ga = "Cúirtéis", "Téacs **Gaeilge**"
    second.save()
    client.force_login(cast.staff_a)
    with override("ga"):
        page = client.get(_url("lesson", cast.org_a, first.pk), HTTP_ACCEPT_LANGUAGE="ga").content.decode()
        irish = client.get(_url("lesson", cast.org_a, second.pk), HTTP_ACCEPT_LANGUAGE="ga").content.decode()
    assert 'role="note"' in page and '<article class="ws-card tl-lesson" lang="en">' in page
    assert "Some <strong>useful</strong> text." in page
    assert "Téacs <strong>Gaeilge</strong>" in irish and 'role="note"' not in irish


def test_only_the_current_published_version_can_be_read(cast, client, version):
    client.force_login(cast.staff_a)
    lesson = _lessons(version)[0]
    version.status = VersionStatus.SUPERSEDED
    version.save()
    assert client.get(_url("lesson", cast.org_a, lesson.pk)).status_code == 404
    assert client.get(_url("module_learn", cast.org_a, version.module_id)).status_code == 404
    draft = ModuleVersionFactory(module=version.module, number=2, status=VersionStatus.DRAFT)
    assert client.get(_url("module_learn", cast.org_a, draft.module_id)).status_code == 404


def test_another_organisations_module_is_not_found(cast, client):
    version = published_module(cast.org_b)
    client.force_login(cast.staff_a)
    assert client.get(_url("module_learn", cast.org_a, version.module_id)).status_code == 404
    assert client.get(_url("lesson", cast.org_a, version.lessons.first().pk)).status_code == 404
    assert client.get(_url("module_learn", cast.org_b, version.module_id)).status_code == 404


def test_administrators_and_evaluators_have_nothing_to_take(cast, client, version):
    for role in ("admin", "lead", "evaluator_a"):
        client.force_login(cast.user(role))
        assert client.get(_url("module_learn", cast.org_a, version.module_id)).status_code == 403


# The quiz


def test_the_quiz_refuses_to_start_before_the_lessons_are_read(cast, client, version):
    client.force_login(cast.staff_a)
    response = client.post(_url("quiz", cast.org_a, version.module_id), follow=True)
    assert "Read every lesson before you start the quiz." in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_fail_once_then_pass_and_get_the_certificate(cast, client, version):
    read_all(cast.staff_a, version)
    client.force_login(cast.staff_a)
    quiz = _url("quiz", cast.org_a, version.module_id)
    response = client.post(quiz)
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == _url("attempt", cast.org_a, attempt.pk)
    page = client.get(response["Location"]).content.decode()
    assert page.count("<fieldset") == 4 and 'type="radio"' in page
    response = client.post(
        _url("attempt", cast.org_a, attempt.pk), as_post(right_answers(attempt, wrong=2)), follow=True
    )
    page = response.content.decode()
    assert "Your score: 50% (pass mark 75%)" in page and "You did not pass this time." in page
    assert "Feedback" in page and "Try again" in page
    client.post(quiz)
    second = QuizAttempt.objects.get(number=2)
    response = client.post(_url("attempt", cast.org_a, second.pk), as_post(right_answers(second, wrong=1)), follow=True)
    page = response.content.decode()
    assert "Your score: 75%" in page and "You passed." in page
    done = Completion.objects.get(user=cast.staff_a)
    assert _url("certificate", cast.org_a, done.pk) in page
    assert client.get(reverse("workspace:training:index")).context["groups"][0][0].value == "done"


def test_a_forged_submission_changes_nothing(cast, client, version):
    read_all(cast.staff_a, version)
    client.force_login(cast.staff_a)
    client.post(_url("quiz", cast.org_a, version.module_id))
    attempt = QuizAttempt.objects.get()
    attempt_url = _url("attempt", cast.org_a, attempt.pk)
    for forged in ({"question-abc": "1"}, {f"question-{attempt.drawn[0]['question']}": "x"}, {"question-999999": "1"}):
        response = client.post(attempt_url, forged, follow=True)
        assert "do not match the questions" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not Completion.objects.exists()


def test_a_replayed_submission_changes_nothing(cast, client, version):
    read_all(cast.staff_a, version)
    client.force_login(cast.staff_a)
    client.post(_url("quiz", cast.org_a, version.module_id))
    attempt = QuizAttempt.objects.get()
    url = _url("attempt", cast.org_a, attempt.pk)
    client.post(url, as_post(right_answers(attempt, wrong=4)))
    response = client.post(url, as_post(right_answers(attempt)), follow=True)
    assert "already been submitted" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.score_percent == 0 and not Completion.objects.exists()


def test_a_staff_member_cannot_see_another_persons_attempt(cast, client, version):
    other = member(cast.org_a, OrganisationRole.STAFF)
    read_all(other, version)
    client.force_login(other)
    client.post(_url("quiz", cast.org_a, version.module_id))
    attempt = QuizAttempt.objects.get(user=other)
    url = _url("attempt", cast.org_a, attempt.pk)
    for role in ("staff_a", "head_a", "rep_a"):
        client.force_login(cast.user(role))
        assert client.get(url).status_code == 404
        assert client.post(url, as_post(right_answers(attempt))).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert client.get(_url("attempt", cast.org_b, attempt.pk)).status_code == 404


def test_when_attempts_run_out_the_page_says_so(cast, client):
    version = adopted_module(cast.org_a, max_attempts=1)
    read_all(cast.staff_a, version)
    client.force_login(cast.staff_a)
    client.post(_url("quiz", cast.org_a, version.module_id))
    attempt = QuizAttempt.objects.get()
    client.post(_url("attempt", cast.org_a, attempt.pk), {})
    response = client.post(_url("quiz", cast.org_a, version.module_id), follow=True)
    assert "used every attempt" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


# The certificate


@pytest.fixture
def passed(cast, version):
    from training.services.quiz import attempt_start, attempt_submit

    read_all(cast.staff_a, version)
    attempt, _resumed = attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)
    attempt_submit(actor=cast.staff_a, attempt=attempt, chosen=right_answers(attempt))
    return Completion.objects.get(user=cast.staff_a)


def test_the_certificate_is_a_tagged_pdf_for_its_holder_and_the_head(cast, client, passed):
    url = _url("certificate", cast.org_a, passed.pk)
    for role in ("staff_a", "head_a", "admin"):
        client.force_login(cast.user(role))
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF") and b"/StructTreeRoot" in pdf_text(response.content)
        assert passed.certificate.code in response["Content-Disposition"]
    for role in ("rep_a", "complaints_a", "evaluator_a", "lead", "rep_b"):
        client.force_login(cast.user(role))
        assert client.get(url).status_code == 404


def test_the_certificate_shows_the_code_and_a_qr_code_of_the_verification_page(passed):
    verify_url = "https://qcs.example/verify/" + passed.certificate.code + "/"
    html = certificate_html(passed, verify_url)
    code = passed.certificate.code
    assert f"{code[:4]}-{code[4:8]}-{code[8:12]}-{code[12:]}" in html
    assert "<svg" in html and 'viewBox="' in html and verify_url in html
    assert passed.user.get_full_name() in html and passed.version.title in html
    assert "http://" not in html and "src=" not in html  # nothing fetched


@override_settings(ALLOWED_HOSTS=["qcs.example"])
def test_the_qr_code_points_at_this_sites_verification_page(cast, client, passed, monkeypatch):
    seen = {}
    monkeypatch.setattr("training.views.certificates.qr_svg", lambda url, title: seen.setdefault("url", url))
    client.force_login(cast.staff_a)
    client.get(_url("certificate", cast.org_a, passed.pk), HTTP_HOST="qcs.example")
    assert seen["url"] == f"http://qcs.example/verify/{passed.certificate.code}/"
