"""The 12 principles of quality customer service: the backbone of charters, plans and the rubric."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Principle(models.TextChoices):
    QUALITY_SERVICE_STANDARDS = "standards", _("Quality Service Standards")
    EQUALITY_DIVERSITY = "equality", _("Equality/Diversity")
    PHYSICAL_ACCESS = "access", _("Physical Access")
    INFORMATION = "information", _("Information")
    TIMELINESS_COURTESY = "timeliness", _("Timeliness and Courtesy")
    COMPLAINTS = "complaints", _("Complaints")
    APPEALS = "appeals", _("Appeals")
    CONSULTATION_EVALUATION = "consultation", _("Consultation and Evaluation")
    CHOICE = "choice", _("Choice")
    OFFICIAL_LANGUAGES = "languages", _("Official Languages Equality")
    BETTER_COORDINATION = "coordination", _("Better Co-ordination")
    INTERNAL_CUSTOMER = "internal", _("Internal Customer")
