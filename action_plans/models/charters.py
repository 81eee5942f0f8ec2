"""The Customer Charter: structured, bilingual sections and the service standards it promises."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.principles import Principle

from .documents import DocumentState, VersionedDocument


class SectionKind(models.TextChoices):
    ABOUT = "about", _("Who we are and what we do")
    PRINCIPLE = "principle", _("Our commitment under a principle")
    STANDARDS = "standards", _("Our service standards")
    FEEDBACK = "feedback", _("How to give feedback")
    COMPLAINTS = "complaints", _("How to complain")
    APPEALS = "appeals", _("How to appeal a decision")
    CONTACT = "contact", _("Contact details, opening hours, channels and languages")
    REPORTING = "reporting", _("How we report on our performance")


class Charter(VersionedDocument):
    class Meta:
        verbose_name = _("customer charter")
        verbose_name_plural = _("customer charters")
        ordering = ["organisation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="charter_number_unique"),
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(state="published"), name="charter_one_published"
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(state__in=DocumentState.OPEN_STATES),
                name="charter_one_open",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · charter v{self.number}"


class CharterSection(models.Model):
    """One section; principle sections have a principle and may be marked not applicable with a reason."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("section"), max_length=20, choices=SectionKind.choices)
    principle = models.CharField(_("principle"), max_length=20, choices=Principle.choices, blank=True)
    position = models.PositiveIntegerField()
    body = models.TextField(_("text (Markdown)"), max_length=20000, blank=True)
    body_ga = models.TextField(_("text in Irish (Markdown)"), max_length=20000, blank=True)
    not_applicable = models.BooleanField(_("not applicable"), default=False)
    not_applicable_reason = models.TextField(_("why it does not apply"), max_length=2000, blank=True)
    edit_version = models.PositiveIntegerField(default=0, editable=False)  # optimistic concurrency check

    class Meta:
        verbose_name = _("charter section")
        verbose_name_plural = _("charter sections")
        ordering = ["charter", "position"]
        constraints = [
            models.UniqueConstraint(fields=["charter", "kind", "principle"], name="charter_section_unique"),
            models.CheckConstraint(
                condition=models.Q(kind="principle", principle__gt="")
                | (~models.Q(kind="principle") & models.Q(principle="")),
                name="charter_section_principle_only_on_principle_sections",
            ),
        ]

    def __str__(self):
        return self.get_principle_display() if self.principle else self.get_kind_display()


class CharterStandard(models.Model):
    """A service standard the charter promises, in plain-language wording."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="standards")
    standard = models.ForeignKey("standards.ServiceStandard", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()
    wording = models.CharField(_("plain-language wording"), max_length=500)
    wording_ga = models.CharField(_("wording in Irish"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("charter standard")
        verbose_name_plural = _("charter standards")
        ordering = ["charter", "position"]
        constraints = [models.UniqueConstraint(fields=["charter", "standard"], name="charter_standard_unique")]

    def __str__(self):
        return self.wording
