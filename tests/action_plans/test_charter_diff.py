"""The word-level diff of a new charter version against the published one."""

from action_plans.diff import section_changes, standards_changes, word_diff
from action_plans.models import CharterStandard
from tests.action_plans.factories import CharterFactory, charter_sections, complete_charter


def test_unchanged_text_is_shown_as_it_is():
    assert word_diff("We answer calls.", "We answer calls.") == "We answer calls."


def test_changed_words_are_marked_with_text_for_screen_readers():
    html = word_diff("We answer calls in 5 minutes.", "We answer calls in 3 minutes.")
    assert html.startswith("We answer calls in ")
    assert '<del><span class="visually-hidden">[removed: </span>5<span class="visually-hidden">]</span></del>' in html
    assert '<ins><span class="visually-hidden">[added: </span>3<span class="visually-hidden">]</span></ins>' in html
    assert html.endswith(" minutes.")


def test_added_and_removed_passages():
    assert "<ins>" in word_diff("", "New text") and "<del>" not in word_diff("", "New text")
    assert "<del>" in word_diff("Old text", "") and "<ins>" not in word_diff("Old text", "")


def test_user_text_is_escaped_in_the_diff():
    html = word_diff("Safe text", "Safe <script>alert(1)</script> text & more")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; more" in html


def test_line_breaks_are_kept():
    html = word_diff("One.\n\nTwo.", "One.\n\nTwo.\nThree.")
    assert html.startswith("One.\n\nTwo.") and "\nThree." in html


def test_section_changes_against_the_version_it_is_based_on(cast):
    published = complete_charter(cast.org_a, state="published")
    draft = CharterFactory(organisation=cast.org_a, number=2, based_on=published)
    charter_sections(draft)
    complaints = draft.sections.get(kind="complaints")
    complaints.body = "Write to the complaints officer."
    complaints.save()
    appeals = draft.sections.get(kind="appeals")
    appeals.body_ga = "Déan achomharc."
    appeals.save()
    changes = section_changes(draft)
    assert len(changes) == draft.sections.count()
    assert changes[complaints.pk].changed and "<ins>" in changes[complaints.pk].body
    assert changes[appeals.pk].changed and changes[appeals.pk].body == "" and "Déan" in changes[appeals.pk].body_ga
    about = draft.sections.get(kind="about")
    assert not changes[about.pk].changed


def test_a_principle_newly_marked_not_applicable_says_so(cast):
    published = complete_charter(cast.org_a, state="published")
    draft = CharterFactory(organisation=cast.org_a, number=2, based_on=published)
    charter_sections(draft)
    section = draft.sections.get(principle="languages")
    section.not_applicable, section.not_applicable_reason = True, "We serve one office only."
    section.save()
    change = section_changes(draft)[section.pk]
    assert change.changed and "We serve one office only." in change.applicability


def test_a_first_version_has_no_changes(cast):
    charter = complete_charter(cast.org_a)
    assert section_changes(charter) == {} and standards_changes(charter) is None


def test_standards_added_removed_and_reworded(cast):
    from tests.standards.factories import ServiceStandardFactory

    published = complete_charter(cast.org_a, state="published")
    draft = CharterFactory(organisation=cast.org_a, number=2, based_on=published)
    kept = published.standards.get()
    CharterStandard.objects.create(charter=draft, standard=kept.standard, position=1, wording="We answer in 15 days.")
    added = ServiceStandardFactory(organisation=cast.org_a)
    CharterStandard.objects.create(charter=draft, standard=added, position=2, wording="We call back the same day.")
    changes = standards_changes(draft)
    assert [item.standard for item in changes["added"]] == [added]
    assert changes["removed"] == []
    assert len(changes["reworded"]) == 1 and "<ins>" in changes["reworded"][0]["wording"]
