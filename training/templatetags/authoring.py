"""``{% author_url "lesson_edit" lesson.pk %}``: the URL of an authoring page for the page's owner.

Authoring pages serve shared modules (``shared/...``) and an organisation's own modules
(``organisations/<organisation_pk>/...``) alike; the view puts the ``owner`` in the context.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def author_url(context, name, pk=None):
    return context["owner"].url(name, pk)
