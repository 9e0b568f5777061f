"""Needs that go together: counted from the offers themselves. Of the offers for
"eenzaamheid", most are also for "ontmoeting"; so someone who feels alone also sees
places to meet people. Counted again at most every ``TIMEOUT`` seconds."""

from collections import Counter, defaultdict

from django.core.cache import cache

from aanbod.models import AanbodPage

CACHE_KEY = "search:related-needs"
TIMEOUT = 15 * 60
MIN_SHARE = 0.4  # at least this share of a need's offers also has the other need
MIN_OFFERS = 3


def _count() -> dict[str, list[tuple[str, float]]]:
    through = AanbodPage.needs.through
    rows = through.objects.filter(
        aanbodpage__in=AanbodPage.objects.searchable().values("pk")
    ).values_list("aanbodpage_id", "hulpvraag__code")
    needs_of = defaultdict(set)
    for offer_id, code in rows:
        needs_of[offer_id].add(code)
    alone, together = Counter(), Counter()
    for codes in needs_of.values():
        alone.update(codes)
        together.update((a, b) for a in codes for b in codes if a != b)
    result = defaultdict(list)
    for (a, b), n in together.items():
        share = n / alone[a]
        if alone[a] >= MIN_OFFERS and share >= MIN_SHARE:
            result[a].append((b, round(share, 3)))
    return {a: sorted(pairs, key=lambda p: (-p[1], p[0])) for a, pairs in result.items()}


def table() -> dict[str, list[tuple[str, float]]]:
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _count()
        cache.set(CACHE_KEY, data, TIMEOUT)
    return data


def related_to(codes, exclude=()) -> list[str]:
    """Needs that often go with ``codes``, strongest first, none of ``exclude``."""
    scores: dict[str, float] = {}
    data = table()
    for code in codes:
        for other, share in data.get(code, []):
            if other not in exclude:
                scores[other] = max(scores.get(other, 0), share)
    return sorted(scores, key=lambda c: (-scores[c], c))


def forget() -> None:
    cache.delete(CACHE_KEY)
