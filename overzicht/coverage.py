"""How many active offers there are per need and area, with the search demand next to it.

Counted: live, public offers with status "actief". An offer counts in the wijk and buurt it
is in and in every buurt (and so wijk) it also serves. Offers for the whole city are counted
in a column of their own, never in the wijken: a wijk with only citywide offers shows 0."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from aanbod.models import AanbodPage, Hulpvraag
from buurten.models import BuurtPage, StedelijkPage, WijkPage

from . import demand

THIN = 1  # this many offers or fewer (but not 0) is "weinig"
CITYWIDE = ""  # the area code of "Heel Utrecht" (also: searches without a wijk)


@dataclass
class Area:
    code: str
    name: str
    search_param: str  # "wijk", "buurt", or "" for the whole city
    url: str = ""  # the overview of this wijk, if any


@dataclass
class Cell:
    offers: int
    searches: int
    found_nothing: int
    url: str

    @property
    def level(self) -> str:
        if self.offers == 0:
            return "leeg"
        return "weinig" if self.offers <= THIN else "genoeg"

    @property
    def unmet(self) -> bool:
        """People searched for it here and found nothing. (No offers in this column alone is
        no unmet demand: a search in a wijk also finds the offers for the whole city.)"""
        return self.found_nothing > 0


@dataclass
class Table:
    caption: str
    areas: list[Area]
    rows: list[
        tuple
    ]  # [(Hulpvraag, [Cell per area], (searches, found nothing) in the wijk or None)]
    # Searches in which no need was understood: [(searches, found nothing) per area] in the
    # city table, [(searches, found nothing)] for the whole wijk in a wijk table.
    not_understood: list[tuple[int, int]] = field(default_factory=list)


def _active():
    return AanbodPage.objects.searchable()


def _offer_paths():
    """{offer pk: [its own path, the paths of the buurten it also serves]} and
    {offer pk: {need codes}}, in three queries."""
    offers = _active()
    paths = {pk: [path] for pk, path in offers.values_list("pk", "path")}
    served = AanbodPage.also_serves.through.objects.filter(aanbodpage__in=offers)
    for pk, path in served.values_list("aanbodpage_id", "buurtpage__path"):
        paths[pk].append(path)
    needs = defaultdict(set)
    chosen = AanbodPage.needs.through.objects.filter(aanbodpage__in=offers)
    for pk, code in chosen.values_list("aanbodpage_id", "hulpvraag__code"):
        needs[pk].add(code)
    return paths, needs


def _counts(area_paths: dict[str, str]) -> dict[tuple[str, str], int]:
    """{(need code, area code): offers} for areas given as {tree path: area code}."""
    paths, needs = _offer_paths()
    lengths = {len(p) for p in area_paths}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for pk, offer_paths in paths.items():
        areas = {
            area_paths[path[:length]]
            for path in offer_paths
            for length in lengths
            if path[:length] in area_paths
        }
        for code in needs[pk]:
            for area in areas:
                counts[(code, area)] += 1
    return counts


def _search_url(need: Hulpvraag, area: Area) -> str:
    params = {"hulpvraag": need.code}
    if area.search_param:
        params[area.search_param] = area.code
    return f"{reverse('zoeken')}?{urlencode(params)}"


def _needs():
    return list(Hulpvraag.objects.order_by("sort_order", "label"))


def city_table() -> Table:
    wijken = list(WijkPage.objects.live().public().order_by("title"))
    areas = [
        Area(w.cbs_code, w.title, "wijk", reverse("overzicht:wijk", args=[w.slug])) for w in wijken
    ]
    area_paths = {w.path: w.cbs_code for w in wijken}
    stedelijk = StedelijkPage.objects.live().first()
    if stedelijk is not None:
        area_paths[stedelijk.path] = CITYWIDE
    areas.append(Area(CITYWIDE, str(_("Heel Utrecht")), ""))
    counts = _counts(area_paths)
    searched = demand.totals()
    rows = []
    for need in _needs():
        cells = []
        for area in areas:
            searches, nothing = searched.get((need.code, area.code), (0, 0))
            cells.append(
                Cell(
                    counts.get((need.code, area.code), 0),
                    searches,
                    nothing,
                    _search_url(need, area),
                )
            )
        rows.append((need, cells, None))
    return Table(
        str(_("Aantal actieve plekken en activiteiten per hulpvraag en wijk")),
        areas,
        rows,
        [searched.get(("", area.code), (0, 0)) for area in areas],
    )


def wijk_table(wijk: WijkPage) -> Table:
    buurten = list(BuurtPage.objects.live().public().child_of(wijk).order_by("title"))
    areas = [Area(b.cbs_code, b.title, "buurt") for b in buurten]
    counts = _counts({b.path: b.cbs_code for b in buurten})
    searched = demand.totals()
    rows = []
    for need in _needs():
        # demand is counted per wijk, not per buurt: one column for the whole wijk
        cells = [
            Cell(counts.get((need.code, a.code), 0), 0, 0, _search_url(need, a)) for a in areas
        ]
        rows.append((need, cells, searched.get((need.code, wijk.cbs_code), (0, 0))))
    caption = _("Aantal actieve plekken en activiteiten per hulpvraag en buurt in %(wijk)s") % {
        "wijk": wijk.title
    }
    return Table(str(caption), areas, rows, [searched.get(("", wijk.cbs_code), (0, 0))])
