"""Demo training for the quick start: the shared module, adopted and assigned by rule in every demo organisation,
with completions spread over the past year (some overdue, some expiring soon). Loading twice changes nothing.

The shared module is the shipped one (code `quality-customer-service-basics`) when it exists; otherwise a small
demo module of the same subject is created. Figures are deterministic: each organisation seeds its own random.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from organisations.demo import MEMBERS
from organisations.models import Membership, Organisation, User
from organisations.roles import OrganisationRole
from organisations.services import member_permissions_sync

from .models import (
    Answer,
    Assignment,
    AssignmentRule,
    Completion,
    DueKind,
    Lesson,
    Module,
    ModuleAdoption,
    ModuleVersion,
    Question,
    VersionStatus,
)

SHIPPED_CODE = "quality-customer-service-basics"
DEMO_CODE = "demo-customer-service-basics"
EXTRA_STAFF = 16
DUE_DAYS = 60
DEFAULT_VALIDITY_MONTHS = 24
FIRST_NAMES = ["Aisling", "Brian", "Caoimhe", "Dónal", "Eimear", "Fiachra", "Gearóid", "Laoise"]
LAST_NAMES = ["Ó Súilleabháin", "Mac Cárthaigh", "Ní Bhriain", "Ó Conchúir", "Breathnach", "de Búrca"]

LESSONS = [
    (
        "The 12 principles",
        "Na 12 phrionsabal",
        "Quality customer service rests on **12 principles**: quality service standards, equality and diversity, "
        "physical access, information, timeliness and courtesy, complaints, appeals, consultation and evaluation, "
        "choice, official languages equality, better co-ordination and the internal customer.",
    ),
    (
        "Courtesy and timeliness",
        "Cúirtéis agus tráthúlacht",
        "Answer within the times your charter promises, give your name, and say what will happen next.",
    ),
    (
        "Handling a complaint",
        "Gearán a láimhseáil",
        "Thank the person, record the complaint, acknowledge it within three working days and explain how to appeal.",
    ),
]
# (question, correct answer, wrong answers)
QUESTIONS = [
    ("How many principles of quality customer service are there?", "12", ["5", "20"]),
    ("Within how many working days is a complaint acknowledged?", "3", ["10", "30"]),
    ("Who may complain?", "Anyone who uses the service", ["Only account holders", "Only staff"]),
]


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _demo_module():
    """A small published shared module on the basics, with three lessons and a three-question quiz."""
    module, created = Module.objects.get_or_create(organisation=None, code=DEMO_CODE)
    if not created:
        return module.versions.get(status=VersionStatus.PUBLISHED)
    version = ModuleVersion.objects.create(
        module=module,
        number=1,
        status=VersionStatus.PUBLISHED,
        title="Quality customer service: the basics",
        title_ga="Seirbhís ardchaighdeáin do chustaiméirí: na bunghnéithe",
        summary="What every member of staff should know about serving the public well.",
        estimated_minutes=30,
        validity_months=DEFAULT_VALIDITY_MONTHS,
        pass_mark=80,
        max_attempts=3,
        published_at=timezone.now(),
    )
    for position, (title, title_ga, body) in enumerate(LESSONS, start=1):
        Lesson.objects.create(version=version, position=position, title=title, title_ga=title_ga, body=body)
    for position, (text, right, wrong) in enumerate(QUESTIONS, start=1):
        question = Question.objects.create(version=version, position=position, text=text)
        for number, answer in enumerate([right, *wrong], start=1):
            Answer.objects.create(question=question, position=number, text=answer, is_correct=answer == right)
    return version


def shared_demo_version():
    """The published version of the shipped module if there is one, else of the demo module."""
    shipped = ModuleVersion.objects.filter(
        module__organisation=None, module__code=SHIPPED_CODE, status=VersionStatus.PUBLISHED
    ).first()
    return shipped or _demo_module()


def _extra_staff(organisation, domain, rng):
    people = []
    for number in range(1, EXTRA_STAFF + 1):
        user, created = User.objects.get_or_create(
            email=f"staff{number:02d}@{domain}",
            defaults={"first_name": rng.choice(FIRST_NAMES), "last_name": rng.choice(LAST_NAMES)},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, organisation=organisation, role=OrganisationRole.STAFF)
        member_permissions_sync(user=user, organisation=organisation)
        people.append(user)
    return people


def _at(day, rng):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(9, 16), rng.randint(0, 59))))


def _story(rng):
    """What happened to one person: completed in the past year, expiring soon, overdue, or recently joined."""
    draw = rng.random()
    if draw < 0.55:
        return "completed"
    if draw < 0.7:
        return "expiring"
    if draw < 0.9:
        return "overdue"
    return "joined"


def _assign_and_complete(organisation, version, rule, person, story, today, rng):
    validity = version.validity_months or DEFAULT_VALIDITY_MONTHS
    assigned_on = today - datetime.timedelta(days=20 if story == "joined" else rng.randint(380, 400))
    assignment = Assignment.objects.create(
        organisation=organisation,
        module=version.module,
        user=person,
        rule=rule,
        due_date=assigned_on + datetime.timedelta(days=DUE_DAYS),
        assigned_by=rule.created_by,
    )
    Assignment.objects.filter(pk=assignment.pk).update(created_at=_at(assigned_on, rng))
    if story == "completed":
        completed_on = assigned_on + datetime.timedelta(days=rng.randint(10, 360))
    elif story == "expiring":  # taken before this rule, nearly two years ago
        completed_on = _add_months(today, -validity) + datetime.timedelta(days=rng.randint(5, 55))
    else:
        return
    Completion.objects.create(
        user=person,
        organisation=organisation,
        module=version.module,
        version=version,
        version_number=version.number,
        completed_at=_at(min(completed_on, today), rng),
        expires_on=_add_months(completed_on, validity) if version.validity_months else None,
    )


@transaction.atomic
def load_training_demo(today=None):
    today = today or timezone.localdate()
    version = shared_demo_version()
    named = {}
    for email, _first, _last, organisation_name, role in MEMBERS:
        named.setdefault(organisation_name, []).append((email, role))
    for organisation_name, people in named.items():
        organisation = Organisation.objects.get(name=organisation_name)
        if AssignmentRule.objects.filter(organisation=organisation, module=version.module).exists():
            continue
        rng = random.Random(f"training {organisation_name}")  # noqa: S311 - demo figures, not security
        head = User.objects.get(email=next(email for email, role in people if role == OrganisationRole.HEAD))
        ModuleAdoption.objects.get_or_create(
            organisation=organisation, module=version.module, defaults={"adopted_by": head}
        )
        rule = AssignmentRule.objects.create(
            organisation=organisation,
            module=version.module,
            role="",
            due_kind=DueKind.AFTER_JOINING,
            due_days=DUE_DAYS,
            created_by=head,
        )
        domain = people[0][0].split("@", 1)[1]
        for email, role in people:
            person = User.objects.get(email=email)
            # Heads and representatives have done it; the named staff and complaints officers have it to do.
            story = "completed" if role in (OrganisationRole.HEAD, OrganisationRole.REPRESENTATIVE) else "joined"
            _assign_and_complete(organisation, version, rule, person, story, today, rng)
        for person in _extra_staff(organisation, domain, rng):
            _assign_and_complete(organisation, version, rule, person, _story(rng), today, rng)
