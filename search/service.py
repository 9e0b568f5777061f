"""One search, start to end: ask the backend, load the offers on the page, add what the page
and the API show (where each offer is, how far, open today, facets with names, and what to
try when nothing was found)."""

import math
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from aanbod.listing import annotate_today
from aanbod.models import AanbodPage, Doelgroep, parent_path
from aanbod.pairs import with_partners
from buurten.models import BuurtPage, StedelijkPage
from utrecht.neighbourhoods import Buurt, Wijk, buurt_by_code, wijk_by_code, wijken
from vertalingen.columns import in_visitors_language
from vertalingen.i18n import language_codes, translated

from . import ranking, related, vocabulary
from .backends import FACETS, get_backend
from .criteria import AskedNeed, Criteria, Filters, Location
from .understanding import Interpretation, interpret

SUGGESTED_NEEDS = 4
SUGGESTED_OFFERS = 5
FALLBACK_OFFERS = 3
# When nothing fits: the offers for this need (14 030, the buurtteam, cliëntondersteuning),
# nearest first, marked as where to ask rather than as an answer.
FALLBACK_NEED = "informatie-advies"


@dataclass
class Result:
    offer: AanbodPage  # with .today, see aanbod.listing.annotate_today
    buurt: Buurt | None
    wijk: Wijk | None
    distance_m: int | None

    @property
    def partner_of(self) -> AanbodPage | None:
        """Set when this offer is shown because it goes with the result before it."""
        return getattr(self.offer, "partner_of", None)

    @property
    def distance_text(self) -> str:
        if self.distance_m is None:
            return ""
        if self.distance_m < 1000:
            return _("%(m)d meter") % {"m": round(self.distance_m, -1)}
        return _("%(km)s km") % {"km": f"{self.distance_m / 1000:.1f}".replace(".", ",")}


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    chosen: bool = False


@dataclass
class Outcome:
    interpretation: Interpretation
    criteria: Criteria
    total: int
    results: list[Result]
    facets: dict[str, list[FacetValue]]
    suggested_needs: list[tuple[str, str]] = field(default_factory=list)  # (code, phrasing)
    citywide: list = field(default_factory=list)  # when filters left nothing
    # Nothing fits the words: ``fallbacks`` are where to ask (FALLBACK_NEED), not answers.
    fallback: bool = False
    fallbacks: list[Result] = field(default_factory=list)

    @property
    def location(self) -> Location | None:
        return self.criteria.location

    @property
    def page(self) -> int:
        return self.criteria.page

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.criteria.per_page))


def _ordered(ids) -> list[AanbodPage]:
    offers = (
        AanbodPage.objects.searchable()
        .for_cards()
        .filter(pk__in=ids)
        .prefetch_related(
            Prefetch("target_groups", queryset=in_visitors_language(Doelgroep.objects.all()))
        )
    )
    by_pk = {offer.pk: offer for offer in offers}
    return annotate_today(by_pk[pk] for pk in ids if pk in by_pk)


def _results(offers, location: Location | None) -> list[Result]:
    parents = {parent_path(offer.path) for offer in offers}
    buurt_of_path = dict(BuurtPage.objects.filter(path__in=parents).values_list("path", "cbs_code"))
    results = []
    for offer in offers:
        places = list(offer.plekken.all())
        code = next((p.buurt_code for p in places if p.buurt_code), None)
        code = code or buurt_of_path.get(parent_path(offer.path))
        buurt = buurt_by_code(code) if code else None
        points = tuple((p.latitude, p.longitude) for p in places if p.latitude is not None)
        distance = None
        if location is not None and points:
            distance = round(
                ranking.nearest_m(ranking.Place(points=points), location.lat, location.lon)
            )
        wijk = wijk_by_code(buurt.wijk_code) if buurt else None
        results.append(Result(offer, buurt, wijk, distance))
    return results


def _facets(counts: dict[str, dict[str, int]], criteria: Criteria, language: str):
    vocab = vocabulary.current()
    with translation.override(language if language in language_codes() else "nl"):
        groups = {
            g.code: str(translated(g, "label")) for g in in_visitors_language(Doelgroep.objects)
        }
    names = {
        "hulpvraag": lambda code: vocab.label(code, language)[1],
        "doelgroep": groups.get,
        "wijk": lambda code: w.name if (w := wijk_by_code(code)) else None,
    }
    chosen = {
        "hulpvraag": set(criteria.filters.needs),
        "doelgroep": set(criteria.filters.target_groups),
        "wijk": {criteria.filters.wijk},
    }
    order = {
        "hulpvraag": lambda v: (vocab.sort_order.get(v.code, 0), v.code),
        "doelgroep": lambda v: (-v.count, v.label),
        "wijk": lambda v: [w.code for w in wijken()].index(v.code),
    }
    facets = {}
    for name in FACETS:
        values = [
            FacetValue(code, label, count, code in chosen[name])
            for code, count in counts.get(name, {}).items()
            if (label := names[name](code))
        ]
        facets[name] = sorted(values, key=order[name])
    return facets


def _suggested_needs(interpretation: Interpretation, language: str):
    """When nothing was found: needs that go with what was asked (or the most common ones)."""
    vocab = vocabulary.current()
    asked = interpretation.codes
    codes = related.related_to(asked, exclude=set(asked)) if asked else []
    if len(codes) < SUGGESTED_NEEDS:
        in_order = sorted(vocab.sort_order, key=lambda c: (vocab.sort_order[c], c))
        codes += [c for c in in_order if c not in codes and c not in asked]
    return [(c, vocab.label(c, language)[1]) for c in codes[:SUGGESTED_NEEDS]]


def _citywide(interpretation: Interpretation):
    """When filters left nothing: offers for the whole city, for the asked needs if any."""
    asked = interpretation.codes
    offers = AanbodPage.objects.searchable().for_cards().under(*StedelijkPage.objects.all()[:1])
    matching = offers.filter(needs__code__in=asked).distinct() if asked else offers.none()
    return annotate_today(list(matching[:SUGGESTED_OFFERS]) or list(offers[:SUGGESTED_OFFERS]))


def _fallbacks(criteria: Criteria) -> list[Result]:
    """Where to ask when nothing fits: the offers for ``FALLBACK_NEED``, nearest first."""
    asked = Criteria(
        needs=(AskedNeed(FALLBACK_NEED),),
        location=criteria.location,
        per_page=FALLBACK_OFFERS,
        language=criteria.language,
    )
    return _results(_ordered(get_backend().search(asked).ids), criteria.location)


def search_for(form, pairs: bool = False) -> Outcome:
    """The search a valid ``SearchForm`` asks for: read the words, then run it."""
    data = form.cleaned_data
    interpretation = interpret(data["q"], data["taal"], without=data["zonder"])
    return run(form.criteria(interpretation), interpretation, data["taal"], pairs=pairs)


def run(
    criteria: Criteria, interpretation: Interpretation, language: str = "nl", pairs: bool = False
) -> Outcome:
    """``pairs``: put each offer's paired offer right after it (the search page does)."""
    found = get_backend().search(criteria)
    offers = _ordered(found.ids)
    if pairs:
        offers = with_partners(offers)
    outcome = Outcome(
        interpretation=interpretation,
        criteria=criteria,
        total=found.total,
        results=_results(offers, criteria.location),
        facets=_facets(found.facets, criteria, language),
    )
    if found.total == 0 or interpretation.elsewhere:
        outcome.suggested_needs = _suggested_needs(interpretation, language)
        # The words found nothing (or are about something the site does not list); when
        # filters left nothing, the resident may choose fewer.
        outcome.fallback = interpretation.elsewhere or (
            interpretation.typed_words > 0 and criteria.filters == Filters()
        )
        if outcome.fallback:
            outcome.fallbacks = _fallbacks(criteria)
        else:
            outcome.citywide = _citywide(interpretation)
    return outcome
