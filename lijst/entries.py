"""What a list, a referral sheet or a card shows about each offer, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod import when
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

    @property
    def general_phone(self) -> str:
        """The offer's phone number, left out when the contact person's line already gives it."""
        offer = self.offer
        return "" if offer.contact_name and offer.phone == offer.contact_phone else offer.phone

    @property
    def general_email(self) -> str:
        """The offer's e-mail address, left out when the contact person's line already gives it."""
        offer = self.offer
        return "" if offer.contact_name and offer.email == offer.contact_email else offer.email

    @property
    def no_times(self) -> str:
        """What "Wanneer" says when there are no times: only the ways of contact the offer has."""
        offer = self.offer
        phone = offer.phone or offer.contact_phone
        email = offer.email or offer.contact_email
        if phone and email:
            return _("Geen vaste tijden. Bel of mail voor een afspraak.")
        if phone:
            return _("Geen vaste tijden. Bel voor een afspraak.")
        if email:
            return _("Geen vaste tijden. Mail voor een afspraak.")
        if offer.website:
            return _("Geen vaste tijden. Kijk op de website via de QR-code.")
        return _("Geen vaste tijden.")


def entries(ids: list[int], request) -> tuple[list[Entry], int]:
    """The listed offers with these ids in the list's order, and how many ids found nothing
    (ended, unpublished or never there)."""
    by_pk = {
        offer.pk: offer for offer in AanbodPage.objects.listed().for_cards().filter(pk__in=ids)
    }
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
                weekly=when.weekly(slots, since=today),
                events=when.dated(slots, since=today),
                places=list(offer.plekken.all()),
            )
        )
    return found, len(ids) - len(found)
