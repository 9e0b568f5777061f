"""Search on the database.

Which offers match: full text from Wagtail's own search index (``search.fulltext``); every
filter, the needs and target groups, ranking (``search.ranking``) and facets from
``search.catalogue``, what search keeps in memory about every searchable offer (read from
the database with the ORM once, and again after every change). So a search asks the
database one question (none without words), and loads only the offers on its page. Wagtail keeps its index up to date when a page is saved;
``index_offers`` adds what Wagtail does not see (a need or an organisation renamed).
"""

from collections import Counter
from itertools import chain

from aanbod.models import AanbodPage

from .. import catalogue, fulltext, ranking
from ..criteria import Criteria
from .base import Found, SearchBackend


def _any(index: dict[str, set[int]], codes) -> set[int]:
    """Ids of offers with any of ``codes`` (a need or a target group)."""
    return set().union(*(index.get(code, ()) for code in codes))


def _matching(known, criteria: Criteria, text_hits: set[int]) -> list[int]:
    f = criteria.filters
    ids = set(known.title)
    if criteria.needs or criteria.groups or criteria.terms:
        asked = _any(known.by_need, [n.code for n in criteria.needs])
        ids &= asked | _any(known.by_group, criteria.groups) | text_hits
    if f.needs:
        ids &= _any(known.by_need, f.needs)
    if f.target_groups:
        ids &= _any(known.by_group, f.target_groups)
    for wanted, having in (
        (f.free, known.free),
        (f.walk_in, known.walk_in),
        (f.wheelchair, known.wheelchair),
    ):
        if wanted:
            ids &= having
    if f.day is not None:
        ids &= known.by_day.get(f.day, set())
    if f.speaks:
        ids &= known.by_language.get(f.speaks, set())
    if f.buurt:
        ids = {pk for pk in ids if known.in_buurt(pk, f.buurt)}
    if f.wijk:
        ids = {pk for pk in ids if known.in_wijk(pk, f.wijk)}
    return list(ids)


class DatabaseBackend(SearchBackend):
    name = "database"

    def search(self, criteria: Criteria) -> Found:
        if criteria.nothing_understood:
            return Found([], 0)
        known = catalogue.current()
        hits = fulltext.search(criteria.terms)
        ids = _matching(known, criteria, set(hits))
        shares = ranking.text_shares(pk for pk in hits if pk in known.title)
        scorer = ranking.Scorer(criteria)
        empty = frozenset()
        language = criteria.language
        scored = sorted(
            (
                *scorer.sort_key(
                    known.places[pk],
                    known.needs.get(pk, empty),
                    known.target_groups.get(pk, empty),
                    shares.get(pk, 0.0),
                    stale=pk in known.stale,
                    main_needs=known.main_needs.get(pk, empty),
                    title=known.title_in(language, pk),
                ),
                pk,
            )
            for pk in ids
        )
        page = scored[criteria.offset : criteria.offset + criteria.per_page]
        return Found([pk for *_, pk in page], len(scored), self._facets(ids, known))

    @staticmethod
    def _facets(ids, known) -> dict[str, dict[str, int]]:
        empty = ()
        return {
            "hulpvraag": dict(
                Counter(chain.from_iterable(known.needs.get(pk, empty) for pk in ids))
            ),
            "doelgroep": dict(
                Counter(chain.from_iterable(known.target_groups.get(pk, empty) for pk in ids))
            ),
            "wijk": dict(Counter(w for pk in ids if (w := known.wijk.get(pk)))),
        }

    def index_offers(self, pks) -> None:
        from modelsearch.index import insert_or_update_object

        catalogue.forget()
        for offer in AanbodPage.objects.filter(pk__in=list(pks)):
            insert_or_update_object(offer)

    def needs_changed(self) -> None:
        catalogue.forget()

    def rebuild(self) -> int:
        from django.core.management import call_command

        catalogue.forget()
        call_command("update_index", verbosity=0)
        return AanbodPage.objects.searchable().count()
