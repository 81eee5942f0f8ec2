"""Images shown in lessons: uploaded by a module's author, served only through an access-checked view."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import Module


def image_path(instance, filename):
    """A random stored name: nothing the uploader typed reaches the file system."""
    extension = "jpg" if instance.content_type == "image/jpeg" else "png"
    return f"training/images/{uuid.uuid4().hex}.{extension}"


class LessonImage(models.Model):
    """An image of a module (any of its versions may show it), re-encoded without its metadata."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="images")
    image = models.FileField(upload_to=image_path, max_length=200)
    content_type = models.CharField(max_length=40)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    description = models.CharField(_("description (alternative text)"), max_length=300)
    original_name = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson image")
        verbose_name_plural = _("lesson images")
        ordering = ["module", "-created_at"]

    def __str__(self):
        return self.description[:80] or self.original_name
