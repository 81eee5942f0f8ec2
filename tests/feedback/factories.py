"""Factories for feedback: service points, cases in any state, surveys with questions."""

import datetime

import factory
from django.utils import timezone

from feedback.models import Case, CaseCategory, CaseChannel, QuestionKind, ServicePoint, Survey, SurveyQuestion
from tests.factories import OrganisationFactory


class ServicePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServicePoint

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Customs post {n}")
    address = "Dublin Port, Dublin 1"


class CaseFactory(factory.django.DjangoModelFactory):
    """A case as stored; services set deadlines from working days, this sets plain calendar ones."""

    class Meta:
        model = Case

    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"C{n:07d}")
    category = CaseCategory.COMPLAINT
    channel = CaseChannel.PHONE
    description = "I waited two hours at the counter."
    received_at = factory.LazyFunction(timezone.now)
    acknowledge_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=5))
    resolve_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=28))


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Customer survey {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))


def satisfaction_survey(organisation=None, **fields):
    """An open survey with one satisfaction question (1–5) and one free-text question."""
    survey = SurveyFactory(**({"organisation": organisation} if organisation else {}), **fields)
    SurveyQuestion.objects.create(
        survey=survey, position=1, kind=QuestionKind.SATISFACTION, text="How satisfied were you?", required=True
    )
    SurveyQuestion.objects.create(survey=survey, position=2, kind=QuestionKind.TEXT, text="Anything else?")
    return survey


# --- cases (owned by the `cases` branch) ---


def case_with_receipt(organisation, receipt="ABCDEFGH-23456789ABCD", **fields):
    """A case whose receipt is known to the test ("<reference>-<secret>"), stored only as a slow hash."""
    from django.contrib.auth.hashers import make_password

    reference = receipt.split("-", 1)[0]
    return CaseFactory(
        organisation=organisation, reference=reference, receipt_hash=make_password(receipt.split("-", 1)[1]), **fields
    )


def case_photo(case):
    """A small JPEG photo on the case."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from feedback.models import CasePhoto

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "red").save(buffer, "JPEG")
    photo = CasePhoto(case=case, width=4, height=3)
    photo.image.save("photo.jpg", ContentFile(buffer.getvalue()), save=False)
    photo.save()
    return photo
