"""Search on Elasticsearch 8, built with ``elasticsearch-dsl``.

One document per searchable offer (live, public, status "actief") in an index behind an
alias. The index has a Dutch analyzer (ASCII folding, Dutch stop words and stemmer) and, at
search time only, a synonym filter made from the needs' own words (label, resident phrasing,
synonyms). Because the synonyms are part of the index settings, a change to a need builds a
new index and moves the alias to it; searches go on against the old one until then.

Ranking follows ``search.ranking``: constant scores for the asked needs plus the full-text
score, times nearness (a ``function_score``). Facets are aggregations.
"""

import datetime
import logging
import time

from django.utils import translation
from django.utils.html import strip_tags
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch_dsl import Q, Search, analyzer, token_filter

from aanbod.models import AanbodPage, Hulpvraag
from utrecht.neighbourhoods import buurt_by_code

from .. import facts as offer_facts
from .. import ranking
from ..criteria import Criteria
from ..text import kept_words, normalise
from .base import FACETS, Found, SearchBackend

logger = logging.getLogger(__name__)

TEXT_FIELDS = ["title^3", "summary^2", "need_labels^2", "organisation", "body"]
# BM25 scores run to about 10 or 20; this brings a good text match near the weight of a need.
TEXT_SCALE = 0.15
FACET_FIELDS = {"hulpvraag": "needs", "wijk": "home_wijk", "doelgroep": "target_groups"}
NEARNESS_SCRIPT = """
if (doc['location'].size() == 0) { return params.min; }
double d = doc['location'].arcDistance(params.lat, params.lon);
return params.min + (params.max - params.min) * Math.exp(-d / params.scale);
"""


def wijk_of(buurt_code: str) -> str | None:
    buurt = buurt_by_code(buurt_code)
    return buurt.wijk_code if buurt else None


def synonym_rules(needs) -> list[str]:
    """One rule per need: all its words mean the same ("eenzaam, alleen, ..., eenzaamheid")."""
    rules = []
    for need in needs:
        words = [normalise(w) for w in (need.label, *need.synonym_list)]
        words = list(dict.fromkeys(w for w in words if w))
        if len(words) > 1:
            rules.append(", ".join(words))
    return rules


def index_body(rules: list[str]) -> dict:
    """Settings and mappings of the offers index."""
    stemmer = token_filter("buurtwijzer_stemmer", "stemmer", language="dutch")
    # Words the stemmer must leave alone ("ouderen" is not "ouders"), as in search.text.
    keep = token_filter("buurtwijzer_keep", "keyword_marker", keywords=sorted(kept_words("nl")))
    stop = token_filter("buurtwijzer_stop", "stop", stopwords="_dutch_")
    synonyms = token_filter(
        "buurtwijzer_hulpvragen",
        "synonym_graph",
        synonyms=rules or ["hulpvraag, hulpvragen"],
        lenient=True,
    )
    dutch = analyzer(
        "buurtwijzer_nl",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", stop, keep, stemmer],
    )
    dutch_search = analyzer(
        "buurtwijzer_nl_zoeken",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", synonyms, keep, stemmer],
    )
    analysis = {}
    for item in (dutch, dutch_search):
        definition = item.get_analysis_definition()
        for kind, entries in definition.items():
            analysis.setdefault(kind, {}).update(entries)
        analysis.setdefault("analyzer", {})[item._name] = item.get_definition()

    def text():
        return {
            "type": "text",
            "analyzer": "buurtwijzer_nl",
            "search_analyzer": "buurtwijzer_nl_zoeken",
        }

    keyword = {"type": "keyword"}
    boolean = {"type": "boolean"}
    return {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0, "analysis": analysis},
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "title": {
                    **text(),
                    "fields": {"sort": {"type": "keyword", "normalizer": "lowercase"}},
                },
                "summary": text(),
                "body": text(),
                "organisation": text(),
                "need_labels": text(),
                "needs": keyword,
                "target_groups": keyword,
                "buurt_codes": keyword,
                "wijk_codes": keyword,
                "home_wijk": keyword,
                "citywide": boolean,
                "location": {"type": "geo_point"},
                "free": boolean,
                "walk_in": boolean,
                "wheelchair": boolean,
                "days": {"type": "byte"},
                "languages": keyword,
                "last_verified": {"type": "date"},
            },
        },
    }


def documents(queryset):
    """(id, document) for each offer in ``queryset``."""
    labels = {n.code: f"{n.label} {n.phrasing}" for n in Hulpvraag.objects.all()}
    facts = offer_facts.facts(queryset)
    offers = queryset.select_related("organisatie").prefetch_related("tijden")
    for offer in offers:
        place = facts.places[offer.pk]
        days = set()
        for slot in offer.tijden.all():
            if slot.date is None:
                days.add(slot.weekday)
            elif slot.date >= datetime.date.today():  # until `search_index` runs after it
                days.add(slot.date.weekday())
        yield (
            offer.pk,
            {
                "title": offer.title,
                "summary": offer.summary,
                "body": strip_tags(offer.body.replace(">", "> ")),
                "organisation": offer.organisatie.name if offer.organisatie else "",
                "need_labels": " ".join(labels.get(c, "") for c in sorted(facts.needs[offer.pk])),
                "needs": sorted(facts.needs[offer.pk]),
                "target_groups": sorted(facts.target_groups[offer.pk]),
                "buurt_codes": sorted(place.buurt_codes),
                # Every wijk it is in or serves (for the filter); the one it lives in (facet).
                "wijk_codes": sorted(
                    {
                        *filter(None, [facts.wijk[offer.pk]]),
                        *(wijk_of(c) for c in place.buurt_codes),
                    }
                    - {None}
                ),
                "home_wijk": facts.wijk[offer.pk] or "",
                "citywide": place.citywide,
                "location": [{"lat": lat, "lon": lon} for lat, lon in place.points],
                "free": offer.cost == AanbodPage.Cost.GRATIS,
                "walk_in": offer.registration == AanbodPage.Registration.INLOOP,
                "wheelchair": offer.rolstoel,
                "days": sorted(days),
                "languages": [c for c in offer.languages or [] if isinstance(c, str)],
                "last_verified": offer.last_verified.isoformat(),
            },
        )


def filter_clauses(criteria: Criteria) -> list:
    f = criteria.filters
    clauses = []
    if f.buurt:
        clauses.append(Q("term", buurt_codes=f.buurt) | Q("term", citywide=True))
    if f.wijk:
        clauses.append(Q("term", wijk_codes=f.wijk) | Q("term", citywide=True))
    if f.needs:
        clauses.append(Q("terms", needs=list(f.needs)))
    if f.target_groups:
        clauses.append(Q("terms", target_groups=list(f.target_groups)))
    for flag, field in ((f.free, "free"), (f.walk_in, "walk_in"), (f.wheelchair, "wheelchair")):
        if flag:
            clauses.append(Q("term", **{field: True}))
    if f.day is not None:
        clauses.append(Q("term", days=f.day))
    if f.speaks:
        clauses.append(Q("term", languages=f.speaks))
    return clauses


def relevance_query(criteria: Criteria):
    found, related = ranking.split_needs(criteria.needs)
    should = [
        Q("constant_score", filter=Q("term", needs=code), boost=weight / len(codes))
        for codes, weight in ((found, ranking.NEED_WEIGHT), (related, ranking.RELATED_WEIGHT))
        for code in codes
    ]
    for code in criteria.groups:
        should.append(
            Q(
                "constant_score",
                filter=Q("term", target_groups=code),
                boost=ranking.GROUP_WEIGHT / len(criteria.groups),
            )
        )
    if criteria.terms:
        should.append(
            Q(
                "multi_match",
                query=" ".join(criteria.terms),
                fields=TEXT_FIELDS,
                fuzziness="AUTO",
                boost=ranking.TEXT_WEIGHT * TEXT_SCALE,
            )
        )
    filters = filter_clauses(criteria)
    if not should:
        return Q("bool", filter=filters) if filters else Q("match_all")
    return Q("bool", should=should, minimum_should_match=1, filter=filters)


def nearness_query(query, location):
    if location is None:
        return query
    functions = []
    if location.buurt is not None:
        functions.append(
            {"filter": {"term": {"buurt_codes": location.buurt.code}}, "weight": ranking.SAME_BUURT}
        )
    functions.append({"filter": {"term": {"citywide": True}}, "weight": ranking.CITYWIDE})
    functions.append(
        {
            "script_score": {
                "script": {
                    "source": NEARNESS_SCRIPT,
                    "params": {
                        "lat": location.lat,
                        "lon": location.lon,
                        "min": ranking.NEAR_MIN,
                        "max": ranking.NEAR_MAX,
                        "scale": ranking.NEAR_SCALE_M,
                    },
                }
            }
        }
    )
    return Q(
        "function_score",
        query=query,
        functions=functions,
        score_mode="first",
        boost_mode="multiply",
    )


def staleness_query(query):
    """Offers not checked for more than a year count ``ranking.STALE`` times as much."""
    return Q(
        "function_score",
        query=query,
        functions=[
            {
                "filter": {
                    "range": {"last_verified": {"lt": f"now-{ranking.STALE_AFTER_DAYS}d/d"}}
                },
                "weight": ranking.STALE,
            }
        ],
        score_mode="first",
        boost_mode="multiply",
    )


def search_body(criteria: Criteria) -> Search:
    query = nearness_query(relevance_query(criteria), criteria.location)
    search = Search().query(staleness_query(query))
    search = search.sort("_score", "title.sort", "_doc").extra(track_total_hits=True)
    for name, field in FACET_FIELDS.items():
        search.aggs.bucket(name, "terms", field=field, size=100)
    return search[criteria.offset : criteria.offset + criteria.per_page]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, alias: str):
        self.client = Elasticsearch(url, request_timeout=10)
        self.alias = alias

    def search(self, criteria: Criteria) -> Found:
        if criteria.nothing_understood:
            return Found([], 0)
        body = search_body(criteria).to_dict()
        try:
            response = self.client.search(index=self.alias, **body)
        except NotFoundError:  # no index yet: nothing is searchable
            return Found([], 0)
        hits = response["hits"]
        facets = {
            name: {
                b["key"]: b["doc_count"]
                for b in response["aggregations"][name]["buckets"]
                if b["key"]  # citywide offers live in no wijk
            }
            for name in FACETS
        }
        return Found([int(h["_id"]) for h in hits["hits"]], hits["total"]["value"], facets)

    # Index ---------------------------------------------------------------------------

    @translation.override("nl")  # the index holds the Dutch text
    def _create_index(self) -> str:
        name = f"{self.alias}-{time.time_ns()}"
        self.client.indices.create(index=name, **index_body(synonym_rules(Hulpvraag.objects.all())))
        return name

    def _current(self) -> list[str]:
        try:
            return list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    @translation.override("nl")  # the index holds the Dutch text
    def _bulk(self, index: str, queryset, remove=()) -> None:
        actions = [
            {"_op_type": "index", "_index": index, "_id": pk, "_source": doc}
            for pk, doc in documents(queryset)
        ]
        actions += [{"_op_type": "delete", "_index": index, "_id": pk} for pk in remove]
        helpers.bulk(self.client, actions, refresh="wait_for", raise_on_error=False)

    def index_offers(self, pks) -> None:
        current = self._current()
        if not current:
            self.rebuild()
            return
        pks = set(pks)
        searchable = AanbodPage.objects.searchable().filter(pk__in=pks)
        keep = set(searchable.values_list("pk", flat=True))
        for index in current:
            self._bulk(index, searchable, remove=pks - keep)

    def needs_changed(self) -> None:
        self.rebuild()

    def rebuild(self) -> int:
        """A new index with the needs' current synonyms, filled, then the alias moved to it."""
        new = self._create_index()
        queryset = AanbodPage.objects.searchable()
        self._bulk(new, queryset)
        old = self._current()
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return queryset.count()
