"""Training for "My work": the person's assigned modules that still need doing (one query).

An assignment is on the list while the person holds no valid completion of its module that lasts beyond
the "expiring soon" window (training/rules.py), so a completion about to expire comes back as work.
"""

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.bilingual import in_language
from organisations.models import Membership
from organisations.todo import TodoItem, register

from . import rules
from .models import Assignment, Completion, ModuleVersion, VersionStatus


@register
def training_to_take(user):
    today = timezone.localdate()
    lasting = Completion.objects.filter(rules.lasting_completions_q(today), user=user, module=OuterRef("module"))
    published = ModuleVersion.objects.filter(module=OuterRef("module"), status=VersionStatus.PUBLISHED)
    assignments = (
        Assignment.objects.filter(
            user=user,
            withdrawn_at__isnull=True,
            organisation_id__in=Membership.objects.filter(user=user).values("organisation_id"),
        )
        .annotate(
            done=Exists(lasting),
            title=Subquery(published.values("title")[:1]),
            title_ga=Subquery(published.values("title_ga")[:1]),
        )
        .filter(done=False, title__isnull=False)
        .select_related("organisation")
        .order_by()
    )
    return [
        TodoItem(
            kind=_("Training to complete"),
            title=in_language(assignment, "title"),
            organisation=assignment.organisation.name,
            due=assignment.due_date,
            url=reverse(
                "workspace:training:module_learn",
                kwargs={"organisation_pk": assignment.organisation_id, "pk": assignment.module_id},
            ),
        )
        for assignment in assignments
    ]
