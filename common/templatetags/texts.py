"""Template helpers for user-written texts: ``{% in_language obj "title" %}`` and ``{{ text|markdown }}``."""

from django import template

from common.bilingual import has_irish as _has_irish
from common.bilingual import in_language as _in_language
from common.markdown import render_markdown

register = template.Library()


@register.simple_tag
def in_language(obj, field):
    return _in_language(obj, field)


@register.simple_tag
def has_irish(obj, field):
    return _has_irish(obj, field)


@register.filter
def markdown(text):
    return render_markdown(text)
