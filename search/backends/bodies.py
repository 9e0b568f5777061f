"""What a search engine (OpenSearch, or Elasticsearch 8) gets: the index's settings and
mappings, one document per searchable offer, the body of a search, and how its answer
becomes a ``Found``. Plain dicts, no client: the OpenSearch and the Elasticsearch backend
both send exactly these, so the two cannot drift apart.

The index has a Dutch analyzer (ASCII folding, Dutch stop words and stemmer) and, at search
time only, a synonym filter made from the needs' own words (label, resident phrasing,
synonyms). Because the synonyms are part of the index settings, a change to a need builds a
new index and moves the alias to it (``search.backends.engine``).

Each translation of an offer's title, summary and body is indexed with its language's
analyzer: English, Arabic and Turkish are built like the engine's own ``english``,
``arabic`` and ``turkish`` analyzers, plus ASCII folding (``search.text`` takes the accents
off what a resident types, so the index does too). The engine has no Polish or Ukrainian
analyzer (see search-node/README.md): those texts are folded as ``search.text.fold`` folds
the query (lower case, no accents) and then only lower-cased, without stemming.

Ranking follows ``search.ranking``: constant scores for the asked needs plus the full-text
score, times nearness and freshness (``function_score``). Facets are aggregations.
"""

import datetime

from django.utils.html import strip_tags

from aanbod import freshness, when
from aanbod.models import AanbodPage, Hulpvraag
from utrecht.neighbourhoods import buurt_by_code

from .. import facts as offer_facts
from .. import ranking
from ..criteria import Criteria
from ..text import fold, kept_words, normalise
from .base import FACETS, Found

# BM25 scores run to about 10 or 20; this brings a good text match near the weight of a need.
TEXT_SCALE = 0.15
FACET_FIELDS = {"hulpvraag": "needs", "wijk": "home_wijk", "doelgroep": "target_groups"}
NEARNESS_SCRIPT = """
if (doc['location'].size() == 0) { return params.min; }
double d = doc['location'].arcDistance(params.lat, params.lon);
return params.min + (params.max - params.min) * Math.exp(-d / params.scale);
"""

# The translated texts and the analyzer of each language (Dutch is ``title``, ``summary``
# and ``body`` themselves).
TRANSLATED = ("title", "summary", "body")
LANGUAGE_ANALYZERS = {
    "en": "buurtwijzer_en",
    "ar": "buurtwijzer_ar",
    "tr": "buurtwijzer_tr",
    "pl": "buurtwijzer_folded",  # no Polish analyzer in the engine: folded, no stemming
    "uk": "buurtwijzer_folded",  # no Ukrainian analyzer either
}
FOLDED_IN_PYTHON = {"pl", "uk"}
BOOSTS = {"title": "^3", "summary": "^2", "body": ""}
TEXT_FIELDS = [
    "title^3",
    "summary^2",
    "need_labels^2",
    "organisation",
    "body",
    *(f"{name}_{language}{BOOSTS[name]}" for language in LANGUAGE_ANALYZERS for name in TRANSLATED),
]


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


def _analysis(rules: list[str]) -> dict:
    def custom(*filters):
        return {"type": "custom", "tokenizer": "standard", "filter": list(filters)}

    return {
        "filter": {
            "buurtwijzer_stemmer": {"type": "stemmer", "language": "dutch"},
            # Words the stemmer must leave alone ("ouderen" is not "ouders"), as in search.text.
            "buurtwijzer_keep": {"type": "keyword_marker", "keywords": sorted(kept_words("nl"))},
            "buurtwijzer_stop": {"type": "stop", "stopwords": "_dutch_"},
            "buurtwijzer_hulpvragen": {
                "type": "synonym_graph",
                "synonyms": rules or ["hulpvraag, hulpvragen"],
                "lenient": True,
            },
            "buurtwijzer_en_possessive": {"type": "stemmer", "language": "possessive_english"},
            "buurtwijzer_en_stop": {"type": "stop", "stopwords": "_english_"},
            "buurtwijzer_en_stemmer": {"type": "stemmer", "language": "english"},
            "buurtwijzer_ar_stop": {"type": "stop", "stopwords": "_arabic_"},
            "buurtwijzer_ar_stemmer": {"type": "stemmer", "language": "arabic"},
            "buurtwijzer_tr_lowercase": {"type": "lowercase", "language": "turkish"},
            "buurtwijzer_tr_stop": {"type": "stop", "stopwords": "_turkish_"},
            "buurtwijzer_tr_stemmer": {"type": "stemmer", "language": "turkish"},
        },
        "analyzer": {
            "buurtwijzer_nl": custom(
                "lowercase", "asciifolding", "buurtwijzer_stop", "buurtwijzer_keep",
                "buurtwijzer_stemmer",
            ),
            "buurtwijzer_nl_zoeken": custom(
                "lowercase", "asciifolding", "buurtwijzer_hulpvragen", "buurtwijzer_keep",
                "buurtwijzer_stemmer",
            ),
            "buurtwijzer_en": custom(
                "buurtwijzer_en_possessive", "lowercase", "buurtwijzer_en_stop", "asciifolding",
                "buurtwijzer_en_stemmer",
            ),
            "buurtwijzer_ar": custom(
                "lowercase", "decimal_digit", "buurtwijzer_ar_stop", "arabic_normalization",
                "buurtwijzer_ar_stemmer",
            ),
            "buurtwijzer_tr": custom(
                "apostrophe", "buurtwijzer_tr_lowercase", "buurtwijzer_tr_stop", "asciifolding",
                "buurtwijzer_tr_stemmer",
            ),
            "buurtwijzer_folded": custom("lowercase", "asciifolding"),
        },
    }  # fmt: skip


def index_body(rules: list[str], replicas: int = 0) -> dict:
    """Settings and mappings of the offers index (``replicas``: copies on other nodes)."""
    dutch = {
        "type": "text",
        "analyzer": "buurtwijzer_nl",
        "search_analyzer": "buurtwijzer_nl_zoeken",
    }
    keyword = {"type": "keyword"}
    boolean = {"type": "boolean"}
    translated = {
        f"{name}_{language}": {"type": "text", "analyzer": analyzer}
        for language, analyzer in LANGUAGE_ANALYZERS.items()
        for name in TRANSLATED
    }
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": replicas,
            "analysis": _analysis(rules),
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "title": {
                    **dutch,
                    "fields": {"sort": {"type": "keyword", "normalizer": "lowercase"}},
                },
                "summary": dutch,
                "body": dutch,
                "organisation": dutch,
                "need_labels": dutch,
                **translated,
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


def _plain(html: str) -> str:
    return strip_tags((html or "").replace(">", "> "))


def _translations(offer) -> dict[str, str]:
    """The offer's own translations (not the Dutch fallback): ``title_en``, ``body_ar``, ..."""
    texts = {}
    for language in LANGUAGE_ANALYZERS:
        for name in TRANSLATED:
            value = getattr(offer, f"{name}_{language}", "") or ""
            value = _plain(value) if name == "body" else value
            texts[f"{name}_{language}"] = fold(value) if language in FOLDED_IN_PYTHON else value
    return texts


def documents(queryset):
    """(id, document) for each offer in ``queryset`` (call with Dutch active)."""
    labels = {n.code: f"{n.label} {n.phrasing}" for n in Hulpvraag.objects.all()}
    facts = offer_facts.facts(queryset)
    offers = queryset.select_related("organisatie").prefetch_related("tijden")
    for offer in offers:
        place = facts.places[offer.pk]
        days = set()
        for slot in offer.tijden.all():
            if when.has_ended(slot, datetime.date.today()):  # until `search_index` runs again
                continue
            day = slot.date.weekday() if slot.date else slot.weekday
            if day is not None:  # None: monthly on a date, any weekday
                days.add(day)
        yield (
            offer.pk,
            {
                "title": offer.title,
                "summary": offer.summary,
                "body": _plain(offer.body),
                "organisation": offer.organisatie.name if offer.organisatie else "",
                "need_labels": " ".join(labels.get(c, "") for c in sorted(facts.needs[offer.pk])),
                **_translations(offer),
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


def _term(field: str, value) -> dict:
    return {"term": {field: value}}


def _either(*clauses) -> dict:
    return {"bool": {"should": list(clauses)}}


def filter_clauses(criteria: Criteria) -> list[dict]:
    f = criteria.filters
    clauses = []
    if f.buurt:
        clauses.append(_either(_term("buurt_codes", f.buurt), _term("citywide", True)))
    if f.wijk:
        clauses.append(_either(_term("wijk_codes", f.wijk), _term("citywide", True)))
    if f.needs:
        clauses.append({"terms": {"needs": list(f.needs)}})
    if f.target_groups:
        clauses.append({"terms": {"target_groups": list(f.target_groups)}})
    for flag, field in ((f.free, "free"), (f.walk_in, "walk_in"), (f.wheelchair, "wheelchair")):
        if flag:
            clauses.append(_term(field, True))
    if f.day is not None:
        clauses.append(_term("days", f.day))
    if f.speaks:
        clauses.append(_term("languages", f.speaks))
    return clauses


def _constant(field: str, code: str, weight: float) -> dict:
    return {"constant_score": {"filter": _term(field, code), "boost": weight}}


def relevance_query(criteria: Criteria) -> dict:
    found, related = ranking.split_needs(criteria.needs)
    should = [
        _constant("needs", code, weight / len(codes))
        for codes, weight in ((found, ranking.NEED_WEIGHT), (related, ranking.RELATED_WEIGHT))
        for code in codes
    ]
    should += [
        _constant("target_groups", code, ranking.GROUP_WEIGHT / len(criteria.groups))
        for code in criteria.groups
    ]
    if criteria.terms:
        should.append(
            {
                "multi_match": {
                    "query": " ".join(criteria.terms),
                    "fields": TEXT_FIELDS,
                    # No fuzziness: search.understanding already reads typing mistakes as
                    # the known word and sends both. Fuzzy matching over every language's
                    # fields cost 70 to 200 ms a search at 10,000 offers (bench/README.md).
                    "boost": ranking.TEXT_WEIGHT * TEXT_SCALE,
                }
            }
        )
    filters = filter_clauses(criteria)
    if not should:
        # Nothing to rank by: every offer that passes the filters fits as well (1, as in
        # ranking.Scorer), so nearness and freshness still order them. A bare
        # ``bool(filter=...)`` would score 0, and 0 times anything is 0.
        return {"constant_score": {"filter": {"bool": {"filter": filters}}, "boost": 1.0}}
    return {"bool": {"should": should, "minimum_should_match": 1, "filter": filters}}


def nearness_query(query: dict, location) -> dict:
    if location is None:
        return query
    functions = []
    if location.buurt is not None:
        functions.append(
            {"filter": _term("buurt_codes", location.buurt.code), "weight": ranking.SAME_BUURT}
        )
    functions.append({"filter": _term("citywide", True), "weight": ranking.CITYWIDE})
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
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "first",
            "boost_mode": "multiply",
        }
    }


def staleness_query(query: dict) -> dict:
    """Offers not checked for more than a year count ``ranking.STALE`` times as much."""
    stale = {"range": {"last_verified": {"lt": f"now-{freshness.STALE_AFTER_DAYS}d/d"}}}
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": stale, "weight": ranking.STALE}],
            "score_mode": "first",
            "boost_mode": "multiply",
        }
    }


def search_body(criteria: Criteria) -> dict:
    query = nearness_query(relevance_query(criteria), criteria.location)
    return {
        "query": staleness_query(query),
        "sort": ["_score", "title.sort", "_doc"],
        "track_total_hits": True,
        "aggs": {
            name: {"terms": {"field": field, "size": 100}} for name, field in FACET_FIELDS.items()
        },
        "from": criteria.offset,
        "size": criteria.per_page,
    }


def found(response: dict) -> Found:
    """The ids on the page, the total and the facets from the engine's answer."""
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
