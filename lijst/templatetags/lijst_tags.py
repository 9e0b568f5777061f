from django import template

from lijst import ids as list_ids

register = template.Library()


@register.inclusion_tag("lijst/includes/bewaar.html", takes_context=True)
def bewaar(context, offer, back=""):
    """The "Bewaar" button: a GET form to /lijst/ (without JavaScript it carries the list
    so far, from ``?lijst=``, says so when the offer is on it already, and returns to
    ``back``, a search's address, when given); lijst.js keeps the list in the browser instead."""
    current = _carried(context)
    return {
        "offer": offer,
        "current": list_ids.join(current),
        "saved": offer.pk in current,
        "count": len(current),
        "back": back,
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


@register.simple_tag(takes_context=True)
def header_list(context) -> list[int]:
    """The list "Mijn lijst" in the header counts without JavaScript: the one carried in the
    address (``?lijst=``), or on the list page itself its ``?ids=``."""
    request = context.get("request")
    carried = _carried(context)
    if carried or not request or not request.resolver_match:
        return carried
    if request.resolver_match.view_name != "lijst:shortlist":
        return []
    try:
        return list_ids.parse(request.GET.getlist("ids"))
    except list_ids.BadList:
        return []
