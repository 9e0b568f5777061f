"""What filters, ranking and facets need to know about every searchable offer (title, needs,
target groups, where it is, cost, registration, wheelchair access, days, languages), kept in
memory per app process.

Building it reads five tables once (about 0.3 s at 10,000 offers); after that a search
ranks and counts its matches without asking the database about each one, which keeps
answers within the 50 ms budget (bench/README.md). Any change that search follows (see
``search.signals``) bumps a version in the shared cache, so every process builds it anew
before its next search.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from aanbod import freshness
from aanbod.models import AanbodPage, Tijdstip, coming_slots
from utrecht.neighbourhoods import buurt_by_code

from . import facts as offer_facts
from . import understanding, vocabulary
from .process_cache import ProcessCache
from .ranking import Place

VERSION_KEY = "search:catalogue-version"


@dataclass
class Catalogue:
    title: dict[int, str]
    # Per language the titles that are translated (casefolded): equal fits in that order.
    titles: dict[str, dict[int, str]]
    needs: dict[int, set[str]]
    # The needs its title and summary name: what it is made for (ranking.SIDE_NEED for the
    # rest; empty: all its needs count fully).
    main_needs: dict[int, set[str]]
    target_groups: dict[int, set[str]]
    places: dict[int, Place]
    wijk: dict[int, str | None]  # the wijk it lives in (for the facet)
    wijken: dict[int, frozenset[str]]  # every wijk it is in or serves (for the filter)

    # The other way round: code -> ids of offers with that need or for that group.
    by_need: dict[str, set[int]]
    by_group: dict[str, set[int]]
    # Ids of offers that are free, walk-in, wheelchair accessible; per day (0 = Monday)
    # and per language spoken.
    free: set[int]
    walk_in: set[int]
    wheelchair: set[int]
    by_day: dict[int, set[int]]
    by_language: dict[str, set[int]]
    stale: set[int]  # not checked for more than a year

    def title_in(self, language: str, pk: int) -> str:
        return self.titles.get(language, {}).get(pk) or self.title[pk]

    def in_buurt(self, pk: int, code: str) -> bool:
        place = self.places[pk]
        return place.citywide or code in place.buurt_codes

    def in_wijk(self, pk: int, code: str) -> bool:
        return self.places[pk].citywide or code in self.wijken[pk]


def build() -> Catalogue:
    offers = AanbodPage.objects.searchable()
    facts = offer_facts.facts(offers)
    wijken = {}
    for pk, place in facts.places.items():
        codes = {b.wijk_code for c in place.buurt_codes if (b := buurt_by_code(c))}
        wijken[pk] = frozenset(codes | ({facts.wijk[pk]} if facts.wijk[pk] else set()))
    by_need, by_group = defaultdict(set), defaultdict(set)
    for pk, codes in facts.needs.items():
        for code in codes:
            by_need[code].add(pk)
    for pk, codes in facts.target_groups.items():
        for code in codes:
            by_group[code].add(pk)
    free, walk_in, wheelchair, by_language = set(), set(), set(), defaultdict(set)
    rows = offers.values_list("pk", "cost", "registration", "rolstoel", "languages")
    for pk, cost, registration, rolstoel, languages in rows:
        if cost == AanbodPage.Cost.GRATIS:
            free.add(pk)
        if registration == AanbodPage.Registration.INLOOP:
            walk_in.add(pk)
        if rolstoel:
            wheelchair.add(pk)
        for code in languages if isinstance(languages, list) else []:
            by_language[str(code)].add(pk)
    stale = set(freshness.stale(offers, datetime.date.today()).values_list("pk", flat=True))
    by_day = defaultdict(set)
    coming = coming_slots(datetime.date.today())  # not what has been
    slots = Tijdstip.objects.filter(coming, page__in=offers.values("pk"))
    for pk, weekday, date in slots.values_list("page_id", "weekday", "date"):
        day = date.weekday() if date else weekday  # None: monthly on a date, any weekday
        if day is not None:
            by_day[day].add(pk)
    word_needs = vocabulary.current().word_needs
    main_needs = {
        pk: named
        for pk, title, summary in offers.values_list("pk", "title", "summary")
        if (
            named := understanding.main_needs(
                f"{title} {summary}", facts.needs.get(pk, ()), word_needs
            )
        )
    }
    languages = [code for code, _name in settings.LANGUAGES if code != "nl"]
    titles = {language: {} for language in languages}
    for pk, *translated in offers.values_list("pk", *(f"title_{code}" for code in languages)):
        for language, title in zip(languages, translated, strict=True):
            if title:
                titles[language][pk] = title.casefold()
    return Catalogue(
        titles=titles,
        main_needs=main_needs,
        free=free,
        walk_in=walk_in,
        wheelchair=wheelchair,
        by_day=dict(by_day),
        by_language=dict(by_language),
        stale=stale,
        by_need=dict(by_need),
        by_group=dict(by_group),
        title={pk: title.casefold() for pk, title in offers.values_list("pk", "title")},
        needs=facts.needs,
        target_groups=facts.target_groups,
        places=facts.places,
        wijk=facts.wijk,
        wijken=wijken,
    )


# Built anew after every change, and every day (dated events pass).
_cache = ProcessCache(VERSION_KEY, build, also_changes=datetime.date.today)
current = _cache.current
forget = _cache.forget


def _spoken_languages() -> frozenset[str]:
    """The languages that at least one searchable offer speaks."""
    spoken = set()
    for languages in AanbodPage.objects.searchable().values_list("languages", flat=True):
        if isinstance(languages, list):
            spoken.update(str(code) for code in languages)
    return frozenset(spoken)


# Changes with the catalogue (the same version), but costs one small query, not a build.
spoken_languages = ProcessCache(VERSION_KEY, _spoken_languages).current
