"""The addresses of a list of offers, with a map only when the visitor asks for it.

Map tiles come from a third party (``BUURTWIJZER_MAP_TILES_URL``), so nothing of the map is
loaded with the page: ``kaart.js`` shows a "Toon kaart" button, and only a press on it loads
Leaflet (from this site) and the tiles. Without the setting or without JavaScript the list
of addresses stands alone."""

import itertools

from django import template
from django.conf import settings

register = template.Library()
_ids = itertools.count(1)


@register.inclusion_tag("kaart/includes/kaart.html")
def kaart(offers_or_results, heading_level=2, cards=""):
    """``cards``: the id of a list whose items carry their point themselves (``data-lat``,
    ``data-lon``, a link to the offer), such as the search results: then only the map is
    added, and only when there is one; the cards already say where each offer is."""
    items = []
    for item in offers_or_results:
        offer = getattr(item, "offer", item)
        places = offer.plekken.all()
        items.extend((place, offer) for place in (places[:1] if cards else places))
    return {
        "items": items,
        "has_points": any(p.latitude is not None and p.longitude is not None for p, _o in items),
        "tiles": settings.BUURTWIJZER_MAP_TILES_URL,
        "attribution": settings.BUURTWIJZER_MAP_ATTRIBUTION,
        "id": cards or f"kaart-{next(_ids)}",
        "cards": bool(cards),
        "level": heading_level,
    }


@register.simple_tag
def kaart_aan() -> bool:
    """Whether there is a map at all (``BUURTWIJZER_MAP_TILES_URL``): only then do lists
    that the map reads (``cards=``) carry their points."""
    return bool(settings.BUURTWIJZER_MAP_TILES_URL)
