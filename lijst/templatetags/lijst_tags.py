from django import template

from lijst import ids as list_ids

register = template.Library()


@register.inclusion_tag("lijst/includes/bewaar.html", takes_context=True)
def bewaar(context, offer):
    """The "Bewaar" button: a GET form to /lijst/ (without JavaScript it carries the list
    so far, from ``?lijst=``, and says so when the offer is on it already); lijst.js keeps the
    list in the browser instead."""
    current = _carried(context)
    return {
        "offer": offer,
        "current": list_ids.join(current),
        "saved": offer.pk in current,
        "count": len(current),
    }


def _carried(context) -> list[int]:
    request = context.get("request")
    try:
        return list_ids.parse(request.GET.getlist("lijst")) if request else []
    except list_ids.BadList:
        return []


@register.simple_tag(takes_context=True)
def current_list(context) -> str:
    """The list carried in this address (``?lijst=``), validated; '' when none or bad."""
    return list_ids.join(_carried(context))
