"""What a list, a referral sheet or a card shows about each offer, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.utils import timezone

from aanbod.listing import listed_offers
from aanbod.models import AanbodPage

from .qr import qr_svg


@dataclass
class Entry:
    """One offer on the list or the sheet."""

    offer: AanbodPage
    url: str  # the page's full address, also in the QR code
    weekly: list = field(default_factory=list)
    events: list = field(default_factory=list)  # coming dated events only
    places: list = field(default_factory=list)

    @property
    def qr(self) -> str:
        return qr_svg(self.url, label=self.offer.title)


def entries(ids: list[int], request) -> tuple[list[Entry], int]:
    """The listed offers with these ids in the list's order, and how many ids found nothing
    (ended, unpublished or never there)."""
    by_pk = {offer.pk: offer for offer in listed_offers().filter(pk__in=ids)}
    today = timezone.localdate()
    found = []
    for pk in ids:
        offer = by_pk.get(pk)
        if offer is None:
            continue
        slots = list(offer.tijden.all())
        found.append(
            Entry(
                offer=offer,
                url=offer.get_full_url(request),
                weekly=sorted(
                    (s for s in slots if s.date is None), key=lambda s: (s.weekday, s.opens_at)
                ),
                events=sorted(
                    (s for s in slots if s.date is not None and s.date >= today),
                    key=lambda s: (s.date, s.opens_at),
                ),
                places=list(offer.plekken.all()),
            )
        )
    return found, len(ids) - len(found)
