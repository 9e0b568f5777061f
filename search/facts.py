"""The facts about searchable offers (``AanbodPage.objects.searchable()``) that ranking,
facets and the engine's index documents use."""

import sys
from collections import defaultdict
from dataclasses import dataclass

from aanbod.models import AanbodPage, Plek, parent_path
from buurten.models import BuurtPage, StedelijkPage, WijkPage
from utrecht.neighbourhoods import buurt_by_code

from .ranking import Place

# ``ids`` below is a subquery (``offers.values("pk")``) or a list of offer ids.


def codes_of(through, field: str, ids) -> dict[int, set[str]]:
    """{offer id: codes} from a many-to-many table, e.g. needs."""
    rows = through.objects.filter(aanbodpage_id__in=ids)
    result = defaultdict(set)
    for pk, code in rows.values_list("aanbodpage_id", f"{field}__code"):
        result[pk].add(sys.intern(code))
    return result


class Tree:
    """Which buurt and wijk a page path lies under, and whether it is for the whole city."""

    def __init__(self):
        self.buurt_of = dict(BuurtPage.objects.values_list("path", "cbs_code"))
        self.wijk_of = dict(WijkPage.objects.values_list("path", "cbs_code"))
        self.city = StedelijkPage.objects.values_list("path", flat=True).first() or "-"

    def buurt(self, path: str) -> str | None:
        return self.buurt_of.get(parent_path(path))

    def wijk(self, path: str) -> str | None:
        return self.wijk_of.get(parent_path(path, levels=2))

    def citywide(self, path: str) -> bool:
        return path.startswith(self.city)


def places(paths: dict[int, str], ids, tree: Tree) -> dict[int, Place]:
    """Where each offer is: its places' buurten and points, the buurt it lives under, the
    buurten it also serves; the middle of those buurten when it has no points."""
    codes, points = defaultdict(set), defaultdict(list)
    for pk, code, lat, lon in Plek.objects.filter(page_id__in=ids).values_list(
        "page_id", "buurt_code", "latitude", "longitude"
    ):
        if code:
            codes[pk].add(code)
        if lat is not None and lon is not None:
            points[pk].append((lat, lon))
    also = AanbodPage.also_serves.through.objects.filter(aanbodpage_id__in=ids)
    for pk, code in also.values_list("aanbodpage_id", "buurtpage__cbs_code"):
        codes[pk].add(code)
    result = {}
    for pk, path in paths.items():
        if (home := tree.buurt(path)) is not None:
            codes[pk].add(home)
        where = points[pk] or [(b.lat, b.lon) for c in codes[pk] if (b := buurt_by_code(c))]
        result[pk] = Place(frozenset(codes[pk]), tuple(where), tree.citywide(path))
    return result


@dataclass
class Facts:
    """Everything about a set of offers, for an index document (search.backends.elastic)."""

    needs: dict[int, set[str]]
    target_groups: dict[int, set[str]]
    places: dict[int, Place]
    wijk: dict[int, str | None]


def facts(offers) -> Facts:
    paths = dict(offers.values_list("pk", "path"))
    ids = offers.values("pk")
    tree = Tree()
    return Facts(
        needs=codes_of(AanbodPage.needs.through, "hulpvraag", ids),
        target_groups=codes_of(AanbodPage.target_groups.through, "doelgroep", ids),
        places=places(paths, ids, tree),
        wijk={pk: tree.wijk(path) for pk, path in paths.items()},
    )
