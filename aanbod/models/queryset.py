"""Which offers a resident may see, written once.

Every list, search, overview, feed, API and export starts from one of these (see
docs/architecture.md, "Which offers a resident sees"):

- ``visible()``: published and not behind a view restriction (login, password or group).
  The offer's own page, its report form and its feed answer for these.
- ``listed()``: visible, not ended ("Gestopt"), and not an offer whose times have all
  passed (dated events before today, repeating times whose last date is before today). Buurt, wijk and theme pages, the shortlist, the calendar
  feeds, the HSDS API and the HSDS export show these; a temporarily closed offer is listed
  with that status.
- ``searchable()``: listed and active (not temporarily closed). Search, its suggestions,
  the coverage overview and the needs that go together count these.

``under(area)`` narrows any of them to an area page (a wijk, a buurt or Heel Utrecht): the
offers in its part of the page tree and those that also serve one of its buurten.
"""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from aanbod import when
from vertalingen.columns import in_visitors_language

from .choices import Status
from .place import Plek
from .schedule import Tijdstip
from .taxonomy import Hulpvraag


def parent_path(path: str, levels: int = 1) -> str:
    """The tree path of the page ``levels`` above the page at ``path``: an offer's buurt
    (or Heel Utrecht) is one level up, its wijk two."""
    return path[: -levels * Page.steplen]


def coming_slots(today: datetime.date) -> Q:
    """The times that have not ended before ``today`` (as ``aanbod.when.has_ended``)."""
    repeating = Q(date__isnull=True) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    return repeating | Q(date__gte=today)


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of the pages with a view restriction (login, password or group)."""
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(pages, request=None):
    """``pages.public()``: no page in or below a section with a view restriction. A request
    that Wagtail serves brings the restricted paths along, kept per process
    (``request.restricted_paths``, set by home.frame); otherwise one small query reads them
    (Wagtail's own ``public()`` reads every restricted page with all its columns)."""
    paths = getattr(request, "restricted_paths", None)
    if paths is None:
        paths = restricted_paths()
    private = Q()
    for path in paths:  # Wagtail's descendant_of_q(restricted page, inclusive=True)
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


class AanbodQuerySet(PageQuerySet):
    def visible(self, request=None):
        return public(self.live(), request)

    def not_ended(self):
        return self.exclude(status=Status.BEEINDIGD)

    def not_past(self, today: datetime.date | None = None):
        """Leaves out offers whose times have all passed before ``today``: dated events, and
        repeating times with a last date (``aanbod.when.has_ended``)."""
        today = today or when.local_now().date()
        slots = Tijdstip.objects.filter(page=OuterRef("pk"))
        coming = slots.filter(coming_slots(today))
        return self.exclude(Exists(slots) & ~Exists(coming))

    def in_use(self, today: datetime.date | None = None):
        """Published offers that have not ended or passed, also behind a view restriction:
        the ones editors must keep true (redactie.verification)."""
        return self.live().not_ended().not_past(today)

    def listed(self, today: datetime.date | None = None, request=None):
        return self.visible(request).not_ended().not_past(today)

    def searchable(self, today: datetime.date | None = None):
        return self.listed(today).filter(status=Status.ACTIEF)

    def under(self, *areas: Page):
        """Offers below any of ``areas`` in the tree, or serving a buurt below it (or the
        area itself)."""
        where = Q(pk__in=[])
        for area in areas:
            where |= Q(path__startswith=area.path, depth__gt=area.depth)
            where |= Q(also_serves__path__startswith=area.path)
        return self.filter(where).distinct()

    def for_cards(self):
        """With what an offer's card shows, in the order editors gave, by title; only the
        visitor's language and Dutch are read (vertalingen.columns)."""
        return in_visitors_language(
            self.select_related("organisatie")
            .prefetch_related(
                Prefetch(
                    "needs", queryset=in_visitors_language(Hulpvraag.objects.order_by("sort_order"))
                ),
                Prefetch(
                    "tijden", queryset=in_visitors_language(Tijdstip.objects.order_by("sort_order"))
                ),
                Prefetch("plekken", queryset=Plek.objects.order_by("sort_order")),
            )
            .order_by("title"),
            "organisatie",
        )

    def partners_of(self, offers) -> dict:
        """{offer pk: its searchable partner} for ``offers``, in one query: the offer it
        names, or else an offer that names it (see aanbod.pairs)."""
        offers = list(offers)
        if not offers:
            return {}
        named = {o.paired_offer_id for o in offers if o.paired_offer_id}
        pks = [o.pk for o in offers]
        candidates = list(
            self.searchable().for_cards().filter(Q(pk__in=named) | Q(paired_offer_id__in=pks))
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


AanbodManager = PageManager.from_queryset(AanbodQuerySet)
