from django import template

from core.formats import number_vi

register = template.Library()


@register.filter
def so(value, places: int = 2) -> str:
    """A number as Vietnamese officials write it: 2.340.000; 1,5."""
    return number_vi(value, places)
