from django import template

from aanbod.models import ThemaPage

register = template.Library()


@register.simple_tag
def need_tiles():
    """The live theme pages, in the order of their needs, with the need in the same query."""
    return list(
        ThemaPage.objects.live()
        .public()
        .select_related("hulpvraag")
        .order_by("hulpvraag__sort_order", "title")
    )


@register.simple_tag
def area_offers(page):
    """Offers in and for a buurt, a wijk or the whole city, today's first, grouped by need."""
    from aanbod.listing import area_context, citywide_offers, offers_for_buurt, offers_for_wijk
    from buurten.models import BuurtPage, WijkPage

    if isinstance(page, BuurtPage):
        offers = offers_for_buurt(page)
    elif isinstance(page, WijkPage):
        offers = offers_for_wijk(page)
    else:
        offers = citywide_offers()
    return area_context(offers)
