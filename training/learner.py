""" "My training": the modules one person has to take or may take, with where they stand in each.

Shown: every live assignment in the person's organisations, and every module those organisations use
(their own, and the shared ones they adopted) with a published version, even when not assigned, so
anyone may take a module of their own accord ("available"). A module used by several of the person's
organisations is listed once: under the organisation whose assignment is due first, otherwise under
the first organisation by name. A fixed number of queries, whatever the number of modules.
"""

from dataclasses import dataclass

from django.db.models import Count, Max

from organisations.access import member_organisation_ids
from organisations.models import Organisation

from . import rules
from .models import (
    Assignment,
    Completion,
    Lesson,
    LessonProgress,
    Module,
    ModuleAdoption,
    ModuleVersion,
    VersionStatus,
)


@dataclass
class Entry:
    organisation: Organisation
    module: Module
    version: ModuleVersion | None  # the published version (None: the module has none to take now)
    status: rules.Status
    due_date: object = None
    completion: Completion | None = None
    lessons_read: int = 0

    @property
    def lessons_total(self):
        return self.version.lesson_count if self.version else 0


def my_training(user, day):
    """[(status, [Entry, ...]), ...] in the order of rules.STATUS_ORDER, empty groups left out."""
    organisations = {o.pk: o for o in Organisation.objects.filter(pk__in=member_organisation_ids(user))}
    if not organisations:
        return []
    by_name = sorted(organisations.values(), key=lambda o: o.name)
    assignments = Assignment.objects.filter(
        user=user, withdrawn_at__isnull=True, organisation__in=organisations.keys()
    ).order_by("due_date")
    used_by = {}  # module id -> organisation ids that use it
    for module_id, organisation_id in Module.objects.filter(organisation__in=organisations.keys()).values_list(
        "pk", "organisation_id"
    ):
        used_by.setdefault(module_id, set()).add(organisation_id)
    for module_id, organisation_id in ModuleAdoption.objects.filter(
        organisation__in=organisations.keys(), module__organisation__isnull=True
    ).values_list("module_id", "organisation_id"):
        used_by.setdefault(module_id, set()).add(organisation_id)
    due = {}
    for assignment in assignments:
        due.setdefault(assignment.module_id, assignment)
    module_ids = used_by.keys() | due.keys()
    modules = Module.objects.in_bulk(module_ids)
    versions = {
        version.module_id: version
        for version in ModuleVersion.objects.filter(module__in=module_ids, status=VersionStatus.PUBLISHED).annotate(
            lesson_count=Count("lessons", distinct=True),
            question_count=Count("questions", distinct=True),
            last_position=Max("lessons__position"),
        )
    }
    completions = {}
    for completion in Completion.objects.filter(user=user, module__in=module_ids).select_related("certificate"):
        completions.setdefault(completion.module_id, []).append(completion)
    version_ids = [version.pk for version in versions.values()]
    progress = {p.version_id: p for p in LessonProgress.objects.filter(user=user, version__in=version_ids)}
    positions = {}
    for version_id, position in Lesson.objects.filter(version__in=version_ids).values_list("version_id", "position"):
        positions.setdefault(version_id, []).append(position)
    groups = {}
    for module_id in module_ids:
        module, version, assignment = modules[module_id], versions.get(module_id), due.get(module_id)
        if version is None and assignment is None:
            continue  # nothing to take and nothing asked
        if assignment is not None:
            organisation = organisations[assignment.organisation_id]
        else:
            organisation = next(o for o in by_name if o.pk in used_by[module_id])
        completion = rules.best_valid_completion(
            completions.get(module_id, []), day, valid_from=module.completions_valid_from
        )
        started = version is not None and getattr(progress.get(version.pk), "furthest_position", 0) > 0
        status = rules.status_on(
            day, due_date=assignment.due_date if assignment else None, completion=completion, started=started
        )
        entry = Entry(
            organisation=organisation,
            module=module,
            version=version,
            status=status,
            due_date=assignment.due_date if assignment else None,
            completion=completion,
            lessons_read=_lessons_read(positions.get(version.pk, []), progress.get(version.pk)) if version else 0,
        )
        groups.setdefault(status, []).append(entry)
    for entries in groups.values():
        entries.sort(key=lambda e: (e.due_date is None, e.due_date, e.version.title if e.version else e.module.code))
    return [(status, groups[status]) for status in rules.STATUS_ORDER if status in groups]


def _lessons_read(positions, progress):
    furthest = progress.furthest_position if progress else 0
    return sum(1 for position in positions if position <= furthest)
