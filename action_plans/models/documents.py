"""What charters and action plans share: the life cycle states, the versioned-document fields, review comments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class DocumentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED_OFF = "signed_off", _("Signed off")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


# Editable: the organisation may change the text. Open: not yet published, at most one per organisation.
DocumentState.EDITABLE_STATES = (DocumentState.DRAFT, DocumentState.CHANGES_REQUESTED)
DocumentState.OPEN_STATES = (
    DocumentState.DRAFT,
    DocumentState.SIGNED_OFF,
    DocumentState.SUBMITTED,
    DocumentState.CHANGES_REQUESTED,
    DocumentState.APPROVED,
)


class VersionedDocument(models.Model):
    """A numbered version of an organisation's document, moved through `DocumentState` by the lifecycle services."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="%(class)ss")
    number = models.PositiveIntegerField(_("version"), default=1)
    state = models.CharField(_("state"), max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="The version copied."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_editable(self):
        return self.state in DocumentState.EDITABLE_STATES


class ReviewComment(models.Model):
    """An evaluator's comment on a charter section or an action-plan principle, shown beside it."""

    charter = models.ForeignKey(
        "action_plans.Charter", null=True, blank=True, on_delete=models.CASCADE, related_name="review_comments"
    )
    section = models.ForeignKey(
        "action_plans.CharterSection", null=True, blank=True, on_delete=models.CASCADE, related_name="review_comments"
    )
    plan = models.ForeignKey(
        "action_plans.ActionPlan", null=True, blank=True, on_delete=models.CASCADE, related_name="review_comments"
    )
    principle = models.CharField(max_length=20, blank=True)  # an action plan's principle, when on a plan
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(charter__isnull=False, plan__isnull=True)
                | models.Q(charter__isnull=True, plan__isnull=False),
                name="review_comment_on_one_document",
            )
        ]

    def __str__(self):
        return self.text[:80]
