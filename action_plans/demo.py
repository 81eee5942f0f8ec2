"""Demo charters, action plans and consultations for the quick start. Loading twice changes nothing.

- Revenue and Customs Service: charter version 1 published in English and Irish (after one round of changes
  requested by its evaluator), citing a customer survey; version 2 a draft with changes and an open public comment
  period with two comments; an action plan published with progress (one action overdue, one at risk).
- Department of Social Protection: version 1 published; version 2 submitted and waiting for its evaluator.
- Riverside City Council: version 1 published.

Everything goes through the services, so states and audit events are real; afterwards the dates of the finished
reviews are moved into the past (as training/demo.py dates its assignments) so the pages read like a history.
An organisation that already has a charter is left as it is. Texts are in `demo_texts.py`.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from organisations.demo import MEMBERS
from organisations.models import Organisation, User
from organisations.roles import OrganisationRole
from standards.models import ServiceStandard

from .demo_texts import (
    CONSULTATIONS,
    OTHER_SECTIONS,
    OTHER_STANDARDS,
    PLAN_ACTIONS,
    PRINCIPLES,
    REVENUE_APPEALS_REVISED,
    REVENUE_NEXT_STANDARD,
    REVENUE_NEXT_VERSION,
    REVENUE_PUBLIC_COMMENTS,
    REVENUE_REVIEW_COMMENT,
    REVENUE_SECTIONS,
    REVENUE_STANDARDS,
    SOCIAL_PROTECTION_NEXT_VERSION,
)
from .models import Charter, CommentStatus, PlanAction
from .services.charters import charter_new_version, charter_standard_add, charter_start, section_save
from .services.comments import comment_moderate, comment_period_open, public_comment_submit
from .services.consultation import consultation_create
from .services.lifecycle import (
    document_approve,
    document_publish,
    document_request_changes,
    document_sign_off,
    document_submit,
)
from .services.plans import action_save, plan_start, progress_add

REVENUE = "Revenue and Customs Service"
SOCIAL_PROTECTION = "Department of Social Protection"
RIVERSIDE = "Riverside City Council"
# Days before today on which each organisation's version 1 was published (the Revenue plan: PLAN_PUBLISHED).
PUBLISHED_DAYS_AGO = {REVENUE: 330, SOCIAL_PROTECTION: 200, RIVERSIDE: 250}
PLAN_PUBLISHED_DAYS_AGO = 300
COMMENT_PERIOD_DAYS = (-6, 24)  # opened six days ago, closes in 24 days


class _Cast:
    """The organisation's representative and head (organisations/demo.py) and its assigned evaluator."""

    def __init__(self, organisation):
        people = {role: email for email, _first, _last, name, role in MEMBERS if name == organisation.name}
        self.organisation = organisation
        self.rep = User.objects.get(email=people[OrganisationRole.REPRESENTATIVE])
        self.head = User.objects.get(email=people[OrganisationRole.HEAD])
        self.evaluator = organisation.evaluator_assignments.order_by("pk").first().evaluator


def _at(today, days_ago):
    return timezone.make_aware(datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(10)))


def _date_history(document, today, published_days_ago):
    """Move the dates of a published version's review into the past, ending with its publication."""
    type(document).objects.filter(pk=document.pk).update(
        created_at=_at(today, published_days_ago + 60),
        signed_off_at=_at(today, published_days_ago + 30),
        submitted_at=_at(today, published_days_ago + 28),
        reviewed_at=_at(today, published_days_ago + 7),
        published_at=_at(today, published_days_ago),
    )


def _sections(charter):
    return {(section.kind, section.principle): section for section in charter.sections.all()}


def _write(cast, charter, texts):
    """Save each section of ``texts`` ({key: (English, Irish)}) as the representative."""
    sections = _sections(charter)
    for key, (body, body_ga) in texts.items():
        section = sections[key]
        section_save(actor=cast.rep, section=section, edit_version=section.edit_version, body=body, body_ga=body_ga)


def _promise(cast, charter, standards):
    for code, wording, wording_ga in standards:
        standard = ServiceStandard.objects.get(organisation=cast.organisation, code=code)
        charter_standard_add(actor=cast.rep, charter=charter, standard=standard, wording=wording, wording_ga=wording_ga)


def _consult(cast, today, charter, plan=None):
    """Record the organisation's consultations, linked to the charter sections (and plan actions) they informed."""
    sections = _sections(charter)
    actions = {action.principle: action.pk for action in plan.actions.all()} if plan else {}
    for name, title, method, audience, participants, count, (start, end), findings, keys, principles in CONSULTATIONS:
        if name != cast.organisation.name:
            continue
        values = {
            "title": title,
            "method": method,
            "audience": audience,
            "participants": participants,
            "participant_count": count,
            "starts_on": today - datetime.timedelta(days=start),
            "ends_on": today - datetime.timedelta(days=end),
            "findings": findings,
        }
        consultation_create(
            actor=cast.rep,
            organisation=cast.organisation,
            values=values,
            section_ids=[sections[key].pk for key in keys],
            action_ids=[actions[principle] for principle in principles],
        )


def _publish(cast, document, today, published_days_ago, changes=None):
    """Sign off, submit, (optionally a round of changes requested and made,) approve and publish."""
    document_sign_off(actor=cast.head, document=document)
    document_submit(actor=cast.rep, document=document)
    if changes:
        key, comment, revised = changes
        section = _sections(document)[key]
        document_request_changes(actor=cast.evaluator, document=document, comments=[(section, "", comment)])
        _write(cast, document, {key: revised})
        document_submit(actor=cast.rep, document=document)
    document_approve(actor=cast.evaluator, document=document)
    document = document_publish(actor=cast.rep, document=document)
    _date_history(document, today, published_days_ago)
    return document


def _first_charter(cast, texts, standards):
    charter = charter_start(actor=cast.rep, organisation=cast.organisation)
    _write(cast, charter, texts)
    _promise(cast, charter, standards)
    return charter


def _revenue_plan(cast, today):
    """A three-year plan (last year to next year) with an action under every principle, as a draft."""
    plan = plan_start(
        actor=cast.rep,
        organisation=cast.organisation,
        starts_on=datetime.date(today.year - 1, 1, 1),
        ends_on=datetime.date(today.year + 1, 12, 31),
    )
    codes = dict(ServiceStandard.objects.filter(organisation=cast.organisation).values_list("code", "pk"))
    for principle, objective, action, owner, target_in_days, indicator, standard_codes, _updates in PLAN_ACTIONS:
        fields = {
            "principle": principle,
            "objective": objective,
            "action": action,
            "owner": owner,
            "target_date": today + datetime.timedelta(days=target_in_days),
            "indicator": indicator,
        }
        action_save(actor=cast.rep, plan=plan, fields=fields, standard_ids=[codes[code] for code in standard_codes])
    return plan


def _report_progress(cast, plan, today):
    actions = {action.principle: action for action in PlanAction.objects.filter(plan=plan)}
    for principle, *_fields, updates in PLAN_ACTIONS:
        for number, (days_ago, status, note) in enumerate(updates):
            progress_add(
                actor=cast.head if number % 2 else cast.rep,
                plan=plan,
                action_id=actions[principle].pk,
                status=status,
                reported_on=today - datetime.timedelta(days=days_ago),
                note=note,
            )


def _public_comments(cast, charter, today):
    """An open comment period on the draft, with a comment accepted (linked to its section) and one to moderate."""
    opens, closes = (today + datetime.timedelta(days=days) for days in COMMENT_PERIOD_DAYS)
    period = comment_period_open(actor=cast.rep, organisation=cast.organisation, starts_on=opens, ends_on=closes)
    sections = _sections(charter)
    for key, text, accepted in REVENUE_PUBLIC_COMMENTS:
        section_id = sections[key].pk if key else None
        comment = public_comment_submit(period=period, text=text, section_id=section_id)
        if accepted:
            comment_moderate(actor=cast.rep, period=period, comment_id=comment.pk, decision=CommentStatus.ACCEPTED)


def _revenue(cast, today):
    plan = _revenue_plan(cast, today)
    charter = _first_charter(cast, REVENUE_SECTIONS, REVENUE_STANDARDS)
    _consult(cast, today, charter, plan)
    changes = (REVENUE_REVIEW_COMMENT[0], REVENUE_REVIEW_COMMENT[1], REVENUE_APPEALS_REVISED)
    _publish(cast, charter, today, PUBLISHED_DAYS_AGO[REVENUE], changes=changes)
    plan = _publish(cast, plan, today, PLAN_PUBLISHED_DAYS_AGO)
    _report_progress(cast, plan, today)
    draft = charter_new_version(actor=cast.rep, organisation=cast.organisation)
    _write(cast, draft, REVENUE_NEXT_VERSION)
    _promise(cast, draft, [REVENUE_NEXT_STANDARD])
    _public_comments(cast, draft, today)


def _other(cast, today):
    name = cast.organisation.name
    texts = {("principle", principle): (text, "") for principle, text in PRINCIPLES.items()}
    texts.update(OTHER_SECTIONS[name])
    charter = _first_charter(cast, texts, OTHER_STANDARDS[name])
    _consult(cast, today, charter)
    _publish(cast, charter, today, PUBLISHED_DAYS_AGO[name])
    if name == SOCIAL_PROTECTION:  # the next version waits for the evaluator's review
        submitted = charter_new_version(actor=cast.rep, organisation=cast.organisation)
        _write(cast, submitted, SOCIAL_PROTECTION_NEXT_VERSION)
        document_sign_off(actor=cast.head, document=submitted)
        document_submit(actor=cast.rep, document=submitted)


@transaction.atomic
def load_action_plans_demo(today=None):
    today = today or timezone.localdate()
    for name, story in ((REVENUE, _revenue), (SOCIAL_PROTECTION, _other), (RIVERSIDE, _other)):
        organisation = Organisation.objects.get(name=name)
        if Charter.objects.filter(organisation=organisation).exists():
            continue
        story(_Cast(organisation), today)
