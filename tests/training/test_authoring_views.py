"""Authoring pages as each role: creating, editing, stale saves, forged ids, read-only published versions."""

import pytest
from django.urls import reverse

from tests.training.factories import draft_module, published_module
from training.content.quality_customer_service_basics import CODE as SHIPPED_CODE
from training.models import Lesson, Module, ModuleAdoption, ModuleVersion, VersionStatus

MODULE = {
    "code": "our-counter",
    "title": "Our counter",
    "summary": "How we work at the counter.",
    "estimated_minutes": "20",
    "validity_months": "24",
    "pass_mark": "80",
    "max_attempts": "",
    "questions_per_attempt": "",
}


def url(name, organisation=None, **kwargs):
    if organisation is None:
        return reverse(f"workspace:training:shared_{name}", kwargs=kwargs)
    return reverse(f"workspace:training:{name}", kwargs={"organisation_pk": organisation.pk, **kwargs})


def _question(kind="single", correct=(1,)):
    data = {"kind": kind, "text": "What do we say first?"}
    for slot, text in enumerate(["Hello", "Next", ""], start=1):
        data[f"answer_{slot}_text"] = text
        data[f"answer_{slot}_feedback"] = f"Feedback {slot}" if text else ""
        if slot in correct:
            data[f"answer_{slot}_is_correct"] = "on"
    return data


class TestOwnModule:
    def test_the_head_authors_and_publishes_an_own_module(self, cast, client_for):
        client = client_for("head_a")
        response = client.post(url("module_create", cast.org_a), MODULE)
        module = Module.objects.get(code="our-counter")
        assert module.organisation == cast.org_a
        assert response["Location"] == url("module_detail", cast.org_a, pk=module.pk)
        response = client.post(url("lesson_create", cast.org_a, pk=module.pk), {"title": "Welcome", "body": "Hello"})
        assert response.status_code == 302
        response = client.post(url("question_create", cast.org_a, pk=module.pk), _question())
        assert response.status_code == 302
        response = client.post(url("version_publish", cast.org_a, pk=module.pk), {"number": "1"}, follow=True)
        assert "Version 1 is published." in response.content.decode()
        assert module.versions.get().status == VersionStatus.PUBLISHED
        listing = client.get(url("module_list", cast.org_a)).content.decode()
        assert "Our counter" in listing and "version 1 published" in listing

    def test_a_staff_member_reads_the_list_but_cannot_author(self, cast, client_for):
        client = client_for("staff_a")
        assert client.get(url("module_list", cast.org_a)).status_code == 200
        assert client.post(url("module_create", cast.org_a), MODULE).status_code == 403
        assert not Module.objects.exclude(code=SHIPPED_CODE).exists()

    def test_another_organisation_gets_404(self, cast, client_for):
        assert client_for("rep_b").get(url("module_list", cast.org_a)).status_code == 404
        assert client_for("evaluator").get(url("module_list", cast.org_a)).status_code == 404

    def test_an_evaluator_of_the_organisation_reads_but_cannot_author(self, cast, client_for):
        client = client_for("evaluator_a")
        assert client.get(url("module_list", cast.org_a)).status_code == 200
        assert client.get(url("module_create", cast.org_a)).status_code == 403


class TestForgedIds:
    def test_a_lesson_of_another_organisation_is_404(self, cast, client_for):
        lesson = draft_module(cast.org_b).lessons.get()
        response = client_for("head_a").post(
            url("lesson_edit", cast.org_a, pk=lesson.pk), {"title": "Hacked", "body": "x"}
        )
        assert response.status_code == 404
        lesson.refresh_from_db()
        assert lesson.title != "Hacked"

    def test_a_shared_lesson_through_an_organisation_url_is_404(self, cast, client_for):
        lesson = draft_module().lessons.get()
        assert client_for("head_a").post(url("lesson_delete", cast.org_a, pk=lesson.pk)).status_code == 404
        assert Lesson.objects.filter(pk=lesson.pk).exists()

    def test_an_own_module_through_the_shared_url_is_404(self, cast, client_for):
        module = draft_module(cast.org_a).module
        assert client_for("admin").get(url("module_detail", pk=module.pk)).status_code == 404

    def test_the_shared_library_is_for_administrators(self, cast, client_for):
        module = draft_module().module
        for role in ("head_a", "lead", "evaluator_a"):
            assert client_for(role).get(url("module_detail", pk=module.pk)).status_code == 403
        assert client_for("admin").get(url("module_detail", pk=module.pk)).status_code == 200


class TestReadOnlyPublished:
    def test_a_forged_post_to_a_published_lesson_changes_nothing(self, cast, client_for):
        lesson = published_module().lessons.first()
        client = client_for("admin")
        response = client.post(url("lesson_edit", pk=lesson.pk), {"title": "Changed", "body": "x"}, follow=True)
        assert "Published versions cannot change" in response.content.decode()
        response = client.post(url("lesson_delete", pk=lesson.pk), follow=True)
        assert "cannot change" in response.content.decode()
        lesson.refresh_from_db()
        assert lesson.title == "Lesson 1"

    def test_a_forged_post_to_a_published_question_changes_nothing(self, cast, client_for):
        question = published_module().questions.first()
        client = client_for("admin")
        client.post(url("question_edit", pk=question.pk), _question(kind="multiple", correct=(1, 2)))
        client.post(url("question_delete", pk=question.pk))
        question.refresh_from_db()
        assert question.kind == "single" and question.answers.count() == 3

    def test_editing_without_a_draft_sends_back_with_a_message(self, cast, client_for):
        version = published_module(title="Kept")
        response = client_for("admin").post(
            url("version_edit", pk=version.module_id), {**MODULE, "title": "Changed"}, follow=True
        )
        assert "published versions cannot change" in response.content.decode()
        version.refresh_from_db()
        assert version.title == "Kept"

    def test_a_new_version_is_an_editable_copy(self, cast, client_for):
        version = published_module(lessons=2)
        client = client_for("admin")
        client.post(url("version_new", pk=version.module_id))
        client.post(url("version_new", pk=version.module_id))  # a double submit makes one draft
        draft = ModuleVersion.objects.get(module=version.module, status=VersionStatus.DRAFT)
        assert draft.number == 2 and draft.lessons.count() == 2
        page = client.get(url("module_detail", pk=version.module_id)).content.decode()
        assert "Publish version 2" in page


class TestEditing:
    def test_a_stale_save_keeps_the_users_text(self, cast, client_for):
        draft = draft_module(title="Original")
        client = client_for("admin")
        form = {**MODULE, "title": "Mine, typed carefully", "edit_version": "0"}
        ModuleVersion.objects.filter(pk=draft.pk).update(title="Theirs", edit_version=1)
        response = client.post(url("version_edit", pk=draft.module_id), form)
        page = response.content.decode()
        assert response.status_code == 200
        assert "Someone else saved changes" in page and 'value="Mine, typed carefully"' in page
        draft.refresh_from_db()
        assert draft.title == "Theirs"
        assert 'name="edit_version" value="1"' in page  # saving again is a deliberate overwrite
        form["edit_version"] = "1"
        assert client.post(url("version_edit", pk=draft.module_id), form).status_code == 302
        draft.refresh_from_db()
        assert draft.title == "Mine, typed carefully"

    def test_a_stale_lesson_save_keeps_the_users_text(self, cast, client_for):
        lesson = draft_module().lessons.get()
        client = client_for("admin")
        page = client.get(url("lesson_edit", pk=lesson.pk)).content.decode()
        seen = page.split('name="seen" value="')[1].split('"')[0]
        Lesson.objects.filter(pk=lesson.pk).update(body="Their text")
        response = client.post(url("lesson_edit", pk=lesson.pk), {"title": "T", "body": "My own words", "seen": seen})
        assert "Someone else saved changes" in response.content.decode()
        assert "My own words" in response.content.decode()
        lesson.refresh_from_db()
        assert lesson.body == "Their text"
        fresh = response.content.decode().split('name="seen" value="')[1].split('"')[0]
        assert fresh != seen
        client.post(url("lesson_edit", pk=lesson.pk), {"title": "T", "body": "My own words", "seen": fresh})
        lesson.refresh_from_db()
        assert lesson.body == "My own words"

    def test_preview_renders_safe_markdown_and_saves_nothing(self, cast, client_for):
        module = draft_module(lessons=0).module
        body = "## Greeting\n\n**Smile** <script>alert(1)</script> [x](javascript:alert(1))"
        response = client_for("admin").post(
            url("lesson_create", pk=module.pk), {"title": "T", "body": body, "preview": "1"}
        )
        page = response.content.decode()
        preview = page.split('id="preview-body"')[1].split("</div>")[0]
        assert "<h2>Greeting</h2>" in preview and "<strong>Smile</strong>" in preview
        assert "<script>" not in preview and 'href="javascript' not in preview
        assert not Lesson.objects.exclude(version__module__code=SHIPPED_CODE).exists()

    def test_a_question_with_two_correct_answers_of_one_kind_is_refused(self, cast, client_for):
        module = draft_module().module
        response = client_for("admin").post(url("question_create", pk=module.pk), _question(correct=(1, 2)))
        page = response.content.decode()
        assert response.status_code == 200 and "exactly one correct answer" in page
        assert 'value="Hello"' in page
        assert not module.versions.get().questions.exists()

    def test_lessons_are_reordered(self, cast, client_for):
        draft = draft_module(lessons=2)
        client_for("admin").post(url("lesson_move", pk=draft.lessons.get(position=1).pk), {"direction": "down"})
        assert list(draft.lessons.values_list("title", flat=True)) == ["Lesson 2", "Lesson 1"]

    def test_publishing_twice_says_so(self, cast, client_for):
        draft = draft_module()
        client = client_for("admin")
        client.post(url("version_publish", pk=draft.module_id), {"number": "1"})
        response = client.post(url("version_publish", pk=draft.module_id), {"number": "1"}, follow=True)
        assert "already published" in response.content.decode()

    def test_a_draft_without_lessons_is_not_published(self, cast, client_for):
        draft = draft_module(lessons=0)
        response = client_for("admin").post(url("version_publish", pk=draft.module_id), {"number": "1"}, follow=True)
        assert "Add at least one lesson." in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == VersionStatus.DRAFT


class TestAdoption:
    def test_the_head_adopts_and_stops_adopting(self, cast, client_for):
        module = published_module(title="Basics").module
        client = client_for("head_a")
        adoption = url("module_adoption", cast.org_a, pk=module.pk)
        page = client.post(adoption, {"adopt": "yes"}, follow=True).content.decode()
        assert ModuleAdoption.objects.filter(organisation=cast.org_a, module=module).exists()
        assert "Stop adopting" in page
        client.post(adoption, {"adopt": "no"})
        assert not ModuleAdoption.objects.exists()

    def test_drafts_of_shared_modules_are_not_offered(self, cast, client_for):
        draft_module(title="Unfinished")
        page = client_for("head_a").get(url("module_list", cast.org_a)).content.decode()
        assert "Unfinished" not in page

    @pytest.mark.parametrize("role", ["rep_a", "staff_a", "evaluator_a"])
    def test_others_cannot_adopt(self, cast, client_for, role):
        module = published_module().module
        response = client_for(role).post(url("module_adoption", cast.org_a, pk=module.pk), {"adopt": "yes"})
        assert response.status_code == 403
        assert not ModuleAdoption.objects.exists()

    def test_an_own_module_of_another_organisation_cannot_be_adopted(self, cast, client_for):
        module = published_module(cast.org_b).module
        response = client_for("head_a").post(url("module_adoption", cast.org_a, pk=module.pk), {"adopt": "yes"})
        assert response.status_code == 404
