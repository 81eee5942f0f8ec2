"""``{% measured value measure threshold_unit %}``: a value as its standard measures it, the exact value on hover."""

from django import template
from django.utils.html import format_html

from ..analytics.display import shown_and_exact

register = template.Library()


@register.simple_tag
def measured(value, measure, threshold_unit=""):
    """95.4% with the stored 95.4301% in an <abbr title>; "—" for no value."""
    shown, exact = shown_and_exact(value, measure, threshold_unit)
    if not shown:
        return "—"
    if not exact:
        return shown
    return format_html('<abbr class="exact-value" title="{}">{}</abbr>', exact, shown)
