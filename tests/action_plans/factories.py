"""Factories for charters, action plans and consultations: complete documents ready for the life cycle."""

import datetime

import factory
from django.utils import timezone

from action_plans.models import (
    ActionPlan,
    Charter,
    CharterSection,
    CharterStandard,
    Consultation,
    ConsultationAudience,
    ConsultationMethod,
    DocumentState,
    PlanAction,
    SectionKind,
)
from common.principles import Principle
from tests.factories import OrganisationFactory

SINGLE_SECTIONS = [
    SectionKind.ABOUT,
    SectionKind.STANDARDS,
    SectionKind.FEEDBACK,
    SectionKind.COMPLAINTS,
    SectionKind.APPEALS,
    SectionKind.CONTACT,
    SectionKind.REPORTING,
]


class CharterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Charter

    organisation = factory.SubFactory(OrganisationFactory)
    number = 1
    state = DocumentState.DRAFT


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Customer survey {n}")
    method = ConsultationMethod.SURVEY
    audience = ConsultationAudience.CUSTOMERS
    participant_count = 120
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    findings = "Customers want shorter waiting times at the counter."


def charter_sections(charter, *, filled=True):
    """Every section of a charter, in order; filled with text unless ``filled`` is False."""
    position = 0
    sections = []
    for kind in SINGLE_SECTIONS[:1]:
        position += 1
        sections.append(CharterSection(charter=charter, kind=kind, position=position))
    for principle in Principle:
        position += 1
        sections.append(
            CharterSection(charter=charter, kind=SectionKind.PRINCIPLE, principle=principle.value, position=position)
        )
    for kind in SINGLE_SECTIONS[1:]:
        position += 1
        sections.append(CharterSection(charter=charter, kind=kind, position=position))
    if filled:
        for section in sections:
            section.body = f"We commit to {section}."
    return CharterSection.objects.bulk_create(sections)


def complete_charter(organisation=None, *, standard=None, **fields):
    """A draft charter that meets every guideline: all sections, one standard, a recent consultation."""
    from tests.standards.factories import ServiceStandardFactory

    charter = CharterFactory(**({"organisation": organisation} if organisation else {}), **fields)
    charter_sections(charter)
    standard = standard or ServiceStandardFactory(organisation=charter.organisation)
    CharterStandard.objects.create(
        charter=charter, standard=standard, position=1, wording="We answer letters in 20 days."
    )
    ConsultationFactory(organisation=charter.organisation)
    return charter


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    organisation = factory.SubFactory(OrganisationFactory)
    number = 1
    state = DocumentState.DRAFT
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2028, 12, 31)


def complete_plan(organisation=None, **fields):
    """A draft action plan with one action under every principle."""
    plan = ActionPlanFactory(**({"organisation": organisation} if organisation else {}), **fields)
    PlanAction.objects.bulk_create(
        PlanAction(
            plan=plan,
            principle=principle.value,
            position=1,
            objective=f"Improve {principle.label}",
            action="Do the work.",
            owner="Customer Service Unit",
            target_date=datetime.date(2027, 6, 30),
            indicator="Measured each quarter",
        )
        for principle in Principle
    )
    return plan


# --- plan: plans in a given state and progress updates ---------------------------------------------


def plan_in_state(organisation, state, **fields):
    """A complete plan (one action per principle) already in ``state``, as if it went through the life cycle."""
    return complete_plan(organisation, state=state, **fields)


class ActionProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "action_plans.ActionProgress"

    status = "on_track"
    note = "Going to plan."
    reported_on = datetime.date(2026, 3, 31)


# --- consult: public comment periods and comments ---


class CommentPeriodFactory(factory.django.DjangoModelFactory):
    """An open comment period (it started yesterday and closes in a fortnight) on a draft charter."""

    class Meta:
        model = "action_plans.CommentPeriod"

    charter = factory.SubFactory(CharterFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class PublicCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "action_plans.PublicComment"

    period = factory.SubFactory(CommentPeriodFactory)
    text = factory.Sequence(lambda n: f"Please open on Saturdays ({n}).")


def draft_with_period(organisation, **fields):
    """A draft charter with all its sections and an open comment period on it."""
    charter = CharterFactory(organisation=organisation)
    charter_sections(charter)
    return CommentPeriodFactory(charter=charter, **fields)


# charterpub: published charters for the public pages


def publish_through_lifecycle(document, cast):
    """Sign off, submit, approve and publish a complete document of organisation A, each step by its role."""
    from action_plans.services.lifecycle import document_approve, document_publish, document_sign_off, document_submit

    document_sign_off(actor=cast.head_a, document=document)
    document_submit(actor=cast.rep_a, document=document)
    document_approve(actor=cast.evaluator_a, document=document)
    return document_publish(actor=cast.rep_a, document=document)


def published_charter(cast, **fields):
    """A complete charter of organisation A, published through the life cycle (superseding any published one).

    Its texts are written in English whatever language an earlier request left active.
    """
    from django.utils import translation

    with translation.override("en"):
        charter = complete_charter(cast.org_a, **fields)
    return publish_through_lifecycle(charter, cast)
