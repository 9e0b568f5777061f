"""Carer and cared-for together: an offer can name a paired offer (an activity for the person
cared for, at the same time as a respite or meeting moment for the carer). The pair shows on
both offer pages and together in search results."""

from django.db.models import Q

from .listing import annotate_today, listed_offers
from .models import AanbodPage


def _partners_of(offers) -> dict[int, AanbodPage]:
    """{offer pk: its listed, active partner}, in one query."""
    offers = list(offers)
    if not offers:
        return {}
    named = {o.paired_offer_id for o in offers if o.paired_offer_id}
    pks = [o.pk for o in offers]
    candidates = list(
        listed_offers()
        .filter(status=AanbodPage.Status.ACTIEF)
        .filter(Q(pk__in=named) | Q(paired_offer_id__in=pks))
    )
    by_pk = {c.pk: c for c in candidates}
    partners = {}
    for offer in offers:
        partner = by_pk.get(offer.paired_offer_id) or next(
            (c for c in candidates if c.paired_offer_id == offer.pk), None
        )
        if partner is not None and partner.pk != offer.pk:
            partners[offer.pk] = partner
    return partners


def partner(offer: AanbodPage) -> AanbodPage | None:
    return _partners_of([offer]).get(offer.pk)


def with_partners(offers, now=None) -> list[AanbodPage]:
    """The offers in order, each followed by its partner (marked with ``partner_of``) unless
    the partner came before; a partner that also comes later stands only once, right after."""
    offers = list(offers)
    partners = _partners_of(offers)
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
