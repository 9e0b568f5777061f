"""Carer and cared-for together: an offer can name a paired offer (an activity for the person
cared for, at the same time as a respite or meeting moment for the carer). The pair shows on
both offer pages and together in search results."""

from .listing import annotate_today
from .models import AanbodPage


def with_partners(offers, now=None) -> list[AanbodPage]:
    """The offers in order, each followed by its partner (marked with ``partner_of``) unless
    the partner came before; a partner that also comes later stands only once, right after."""
    offers = list(offers)
    partners = AanbodPage.objects.partners_of(offers)
    annotate_today([p for p in partners.values() if not hasattr(p, "today")], now)
    shown: set[int] = set()
    result = []
    for offer in offers:
        if offer.pk in shown:
            continue
        result.append(offer)
        shown.add(offer.pk)
        partner = partners.get(offer.pk)
        if partner is not None and partner.pk not in shown:
            partner.partner_of = offer
            result.append(partner)
            shown.add(partner.pk)
    return result
