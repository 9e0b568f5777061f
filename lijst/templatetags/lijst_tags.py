from django import template
from django.template.loader import render_to_string

from lijst import ids as list_ids

register = template.Library()


@register.inclusion_tag("lijst/includes/bewaar.html", takes_context=True)
def bewaar(context, offer, heading=""):
    """The "Bewaar" button of one offer, inside a ``{% bewaarformulier %}``: without
    JavaScript it submits that form with ``bij`` set to this offer, or says the offer is on
    the list already; lijst.js keeps the list in the browser instead. ``heading``: the start
    of the id of the offer's heading (``resultaat-`` for ``resultaat-<pk>``), which then
    completes the button's name ("Bewaar <title>") instead of a hidden copy of the title
    (twenty of those on a page of results)."""
    current = _carried(context)
    return {
        "offer": offer,
        "heading": f"{heading}{offer.pk}" if heading else "",
        "current": list_ids.join(current),
        "saved": offer.pk in current,
        "count": len(current),
    }


@register.tag
def bewaarformulier(parser, token):
    """``{% bewaarformulier back %}…{% endbewaarformulier %}``: one GET form to /lijst/
    around any number of "Bewaar" buttons (a page of search results has one form, not one
    per result). It carries the list so far (``?lijst=``) and ``back``, the address to
    return to (a search), once."""
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("bewaarformulier takes at most one argument")
    nodelist = parser.parse(("endbewaarformulier",))
    parser.delete_first_token()
    return BewaarFormNode(nodelist, parser.compile_filter(bits[1]) if len(bits) == 2 else None)


class BewaarFormNode(template.Node):
    def __init__(self, nodelist, back):
        self.nodelist = nodelist
        self.back = back

    def render(self, context):
        return render_to_string(
            "lijst/includes/bewaar_form.html",
            {
                "current": list_ids.join(_carried(context)),
                "back": self.back.resolve(context) if self.back else "",
                "content": self.nodelist.render(context),
            },
        )


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
