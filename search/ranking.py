"""How results are ordered, the same for every backend.

    score = relevance x nearness

relevance: how well the offer fits the words, ``NEED_WEIGHT`` for having the needs the
query is about (each weighed by how strongly the words say it; a need the offer serves
besides its main one counts ``SIDE_NEED`` times as much), ``RELATED_WEIGHT`` for a need that
usually goes with them, ``GROUP_WEIGHT`` for being for the target groups it names
("jongeren"), plus ``TEXT_WEIGHT`` when the words are found in its text. Relevance is
compared in steps of ``FIT_STEP``: offers within one step fit equally well, and nearness
orders them. How well the words match counts only within a step, because each backend
measures that its own way (PostgreSQL's ts_rank, SQLite's bm25, the engines' BM25).

nearness: 1 in the resident's own buurt; between ``NEAR_MAX`` and ``NEAR_MIN`` by distance
elsewhere in the city; ``CITYWIDE`` for offers for the whole city. Because ``CITYWIDE`` <
``NEAR_MIN`` < ``NEAR_MAX`` < 1, offers that fit equally well come in the order own buurt,
nearby by distance, whole city; an offer that fits much better may come before one that is
closer. Offers not checked for more than a year count ``STALE`` times as much. Equal scores
are ordered by fit, then the text match, then distance, then the title in the visitor's
language (``sort_key``).
"""

import math
from dataclasses import dataclass

from utrecht.neighbourhoods import distance_m

NEED_WEIGHT = 3.0
# An offer's main need (see search.catalogue.main_needs) counts fully; a need it also serves
# counts this much: "Bezoekmaatje" (made for loneliness) before a buurthuis that also helps.
SIDE_NEED = 0.7
FIT_STEP = 0.5
RELATED_WEIGHT = 0.5
GROUP_WEIGHT = 1.5
TEXT_WEIGHT = 1.5

SAME_BUURT = 1.0
NEAR_MAX = 0.9
NEAR_MIN = 0.55
NEAR_SCALE_M = 1500.0
CITYWIDE = 0.5

# An offer nobody has checked for more than a year may be out of date: it comes after
# offers that fit as well and are known to be current (see AanbodPage.is_stale).
STALE = 0.8


@dataclass(frozen=True)
class Place:
    """Where an offer is: its places' buurten and points, and whether it is for the whole city."""

    buurt_codes: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()
    citywide: bool = False


def nearest_m(place: Place, lat: float, lon: float) -> float | None:
    if not place.points:
        return None
    return min(distance_m(lat, lon, plat, plon) for plat, plon in place.points)


def share(offer_codes, asked) -> float:
    """The part of the asked codes that the offer has; 0 when none were asked."""
    return sum(1 for code in asked if code in offer_codes) / len(asked) if asked else 0.0


def split_needs(needs) -> tuple[list[str], list[str]]:
    """(needs found in the words, needs that only go with them)."""
    return [n.code for n in needs if not n.related], [n.code for n in needs if n.related]


def need_fit(offer_needs, main_needs, asked: dict[str, float]) -> float:
    """From 0 to 1: the asked needs (code -> weight) the offer has, its main needs fully,
    the others ``SIDE_NEED`` (all fully when no main need is known)."""
    main_needs = main_needs or offer_needs
    total = sum(asked.values())
    if not total:
        return 0.0
    return (
        sum(
            weight * (1.0 if code in main_needs else SIDE_NEED)
            for code, weight in asked.items()
            if code in offer_needs
        )
        / total
    )


class Scorer:
    """Scores offers for one search (what can be worked out once is, in ``__init__``)."""

    def __init__(self, criteria):
        self.found = {n.code: n.weight for n in criteria.needs if not n.related}
        self.related = [n.code for n in criteria.needs if n.related]
        self.groups = list(criteria.groups)
        self.asks = bool(self.found or self.related or self.groups or criteria.terms)
        self.location = location = criteria.location
        if location is not None:
            # Metres per degree here: within a city a flat map is exact to a few metres.
            self.ky = math.radians(1) * 6_371_008.8
            self.kx = self.ky * math.cos(math.radians(location.lat))

    def relevance(self, offer_needs, offer_groups, text_share: float, main_needs=()) -> float:
        """How well an offer fits, rounded down to a step of ``FIT_STEP``. The words count
        by whether they are found in the offer, not by how well: each backend ranks text
        its own way, and that must not lift an offer into the next step (``sort_key``
        uses the text share within a step)."""
        fit = (
            NEED_WEIGHT * need_fit(offer_needs, main_needs, self.found)
            + RELATED_WEIGHT * share(offer_needs, self.related)
            + GROUP_WEIGHT * share(offer_groups, self.groups)
            + (TEXT_WEIGHT if text_share else 0.0)
        )
        return math.floor(fit / FIT_STEP + 1e-9) * FIT_STEP

    def distance(self, place: Place) -> float | None:
        """Metres to the offer's nearest point, None without a location or points."""
        location = self.location
        if location is None or not place.points:
            return None
        return min(
            math.hypot((lon - location.lon) * self.kx, (lat - location.lat) * self.ky)
            for lat, lon in place.points
        )

    def nearness(self, place: Place, distance: float | None = None) -> float:
        """1 in the resident's buurt, less further away, ``CITYWIDE`` for the whole city."""
        location = self.location
        if location is None:
            return 1.0
        if location.buurt is not None and location.buurt.code in place.buurt_codes:
            return SAME_BUURT
        if place.citywide:
            return CITYWIDE
        distance = self.distance(place) if distance is None else distance
        if distance is None:
            return NEAR_MIN
        return NEAR_MIN + (NEAR_MAX - NEAR_MIN) * math.exp(-distance / NEAR_SCALE_M)

    def sort_key(
        self,
        place: Place,
        offer_needs=(),
        offer_groups=(),
        text_share=0.0,
        stale=False,
        main_needs=(),
        title="",
    ) -> tuple:
        """Best first: score, then fit, then how well the words match, then distance, then
        ``title`` (in the visitor's language)."""
        fit = self.relevance(offer_needs, offer_groups, text_share, main_needs) if self.asks else 0
        distance = self.distance(place)
        # Fit 1 when nothing is asked (all fit as well); an asked fit that rounds down to 0
        # stays 0, not 1 as if it fitted.
        score = (
            (fit if self.asks else 1.0) * self.nearness(place, distance) * (STALE if stale else 1.0)
        )
        return (
            -round(score, 9),
            -fit,
            -text_share,
            math.inf if distance is None else distance,
            title,
        )


def text_shares(ranked_ids) -> dict[int, float]:
    """From a list in order of full-text relevance to a share from 1 (best) to 0.5 (last):
    any match counts for at least half."""
    ranked_ids = list(ranked_ids)
    n = len(ranked_ids)
    return {pk: 1.0 - 0.5 * i / n for i, pk in enumerate(ranked_ids)}
