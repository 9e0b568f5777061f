"""Which offers a buurt, wijk or theme page shows, in a fixed number of queries."""

import datetime
from collections import defaultdict

from django.db.models import Prefetch, Q

from buurten.models import BuurtPage, StedelijkPage, WijkPage

from . import when
from .models import AanbodPage, Hulpvraag, Plek, Tijdstip


def listed_offers():
    """Live, public offers that have not ended, with what a card shows prefetched."""
    return (
        AanbodPage.objects.live()
        .public()
        .exclude(status=AanbodPage.Status.BEEINDIGD)
        .select_related("organisatie")
        .prefetch_related(
            Prefetch("needs", queryset=Hulpvraag.objects.order_by("sort_order")),
            Prefetch("tijden", queryset=Tijdstip.objects.order_by("sort_order")),
            Prefetch("plekken", queryset=Plek.objects.order_by("sort_order")),
        )
        .order_by("title")
    )


def offers_for_buurt(buurt: BuurtPage):
    return (
        listed_offers()
        .filter(Q(path__startswith=buurt.path, depth__gt=buurt.depth) | Q(also_serves=buurt))
        .distinct()
    )


def offers_for_wijk(wijk: WijkPage):
    return (
        listed_offers()
        .filter(
            Q(path__startswith=wijk.path, depth__gt=wijk.depth)
            | Q(also_serves__path__startswith=wijk.path)
        )
        .distinct()
    )


def citywide_offers():
    stedelijk = StedelijkPage.objects.first()
    if stedelijk is None:
        return listed_offers().none()
    return listed_offers().filter(path__startswith=stedelijk.path, depth__gt=stedelijk.depth)


def annotate_today(offers, now=None) -> list:
    """Offers as a list, each with ``today`` (see aanbod.when)."""
    offers = list(offers)
    for offer in offers:
        offer.today = when.today(offer.tijden.all(), now)
    return offers


def group_by_need(offers) -> list[tuple]:
    """[(need, [offers])] in the needs' own order. Each offer stands once, under its first
    need, so a short list does not repeat itself; theme pages show every offer per need."""
    groups: dict = defaultdict(list)
    needs = {}
    for offer in offers:
        first = min(offer.needs.all(), key=lambda n: (n.sort_order, n.label), default=None)
        if first is not None:
            needs[first.pk] = first
            groups[first.pk].append(offer)
    ordered = sorted(needs.values(), key=lambda n: (n.sort_order, n.label))
    return [(need, groups[need.pk]) for need in ordered]


def week_agenda(offers, now=None, days: int = 7) -> list[tuple]:
    """[(date, [(slot, offer)])] for today and the next six days, each day by start time;
    today is always there (an empty day says so). Weekly times and dated events alike; a
    time past midnight stands on the day it starts. Offers need ``tijden`` prefetched."""
    start = when.local_now(now).date()
    agenda = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        on_day = sorted(
            (
                (slot, offer)
                for offer in offers
                if offer.status == AanbodPage.Status.ACTIEF
                for slot in offer.tijden.all()
                if when.starts_on(slot, day)
            ),
            key=lambda pair: (pair[0].opens_at, pair[1].title),
        )
        if on_day or offset == 0:
            agenda.append((day, on_day))
    return agenda


def area_context(offers, now=None) -> dict:
    offers = annotate_today(offers, now)
    return {
        "offers": offers,
        "week": week_agenda(offers, now),
        "tomorrow": when.local_now(now).date() + datetime.timedelta(days=1),
        "offers_by_need": group_by_need(offers),
    }


def theme_context(page, request) -> dict:
    wijken = list(WijkPage.objects.live().public().order_by("title"))
    chosen = request.GET.get("wijk", "")
    wijk = next((w for w in wijken if w.slug == chosen), None)
    offers = listed_offers().filter(needs=page.hulpvraag)
    if wijk is not None:
        stedelijk = StedelijkPage.objects.first()
        area = Q(path__startswith=wijk.path) | Q(also_serves__path__startswith=wijk.path)
        if stedelijk is not None:
            area |= Q(path__startswith=stedelijk.path)
        offers = offers.filter(area).distinct()
    return {
        "wijken": wijken,
        "chosen_wijk": wijk,
        "wijk_not_found": bool(chosen) and wijk is None,
        "offers": annotate_today(offers),
    }


def offer_context(page: AanbodPage, now=None) -> dict:
    from .pairs import partner

    slots = list(page.tijden.all())
    context = {
        "today": when.today(slots, now),
        "weekly": sorted(
            (s for s in slots if s.date is None), key=lambda s: (s.weekday, s.opens_at)
        ),
        "events": sorted(
            (s for s in slots if s.date is not None), key=lambda s: (s.date, s.opens_at)
        ),
        "places": list(page.plekken.all()),
        "needs": list(page.needs.select_related("thema_page")),
        "target_groups": list(page.target_groups.all()),
        "partner": partner(page),
    }
    if page.is_ended:
        parent = page.get_parent()
        context["alternatives"] = list(
            listed_offers()
            .filter(needs__in=context["needs"], path__startswith=parent.path)
            .exclude(pk=page.pk)
            .distinct()[:5]
        )
    return context
