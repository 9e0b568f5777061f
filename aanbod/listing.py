"""How a page that lists offers shows them: today's status, grouped by need, and the week
ahead. The offers come from ``AanbodPage.objects.listed()`` (aanbod.models.queryset)."""

import datetime
from collections import defaultdict

from . import when
from .models import AanbodPage


def area_offers(area, request=None):
    """The listed offers of a wijk, a buurt or Heel Utrecht, with what a card shows."""
    return AanbodPage.objects.listed(request=request).for_cards().under(area)


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
