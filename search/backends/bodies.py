"""What a search engine (OpenSearch, or Elasticsearch 8) gets: the index's settings and
mappings, one document per searchable offer, the body of a search, and how its answer
becomes a ``Found``. Plain dicts, no client: the OpenSearch and the Elasticsearch backend
both send exactly these, so the two cannot drift apart.

The index has a Dutch analyzer (ASCII folding, Dutch stop words and stemmer); the words are
searched as they are typed, with no synonyms, and each word of four letters or more also as
the start of a word, as the database backend does (``search.fulltext``): which offers have
the words in their text is then the same on every backend. The needs' own words count as
needs (``search.understanding``), not again as text. The needs' labels are in each
document, so a change to a need builds a new index and moves the alias to it
(``search.backends.engine``).

Each translation of an offer's title, summary and body is indexed with its language's
analyzer: English, Arabic and Turkish are built like the engine's own ``english``,
``arabic`` and ``turkish`` analyzers, plus ASCII folding (``search.text`` takes the accents
off what a resident types, so the index does too). The engine has no Polish or Ukrainian
analyzer (see search-node/README.md): those texts are folded as ``search.text.fold`` folds
the query (lower case, no accents) and then only lower-cased, without stemming.

Ranking follows ``search.ranking`` with the same numbers: the query chooses the results
and scores 1 when the words are found in the text, 0 when not; one painless script
(``SCORE_SCRIPT``) works out the fit from the offer's needs, main needs and target groups
as ``ranking.Scorer.relevance`` does, rounds it down to a step, and multiplies by nearness
and staleness. Equal scores are ordered by fit (``FIT_SORT_SCRIPT``), distance, the title
in the visitor's language (``sort_title.<lang>``) and id; how well the words match (BM25)
orders equal fits and equal nearness through a bounded tiebreak in the score
(``TEXT_TIEBREAK``). Facets are aggregations.
"""

import datetime

from django.utils.html import strip_tags

from aanbod import freshness, when
from aanbod.models import AanbodPage, Hulpvraag
from utrecht.neighbourhoods import buurt_by_code

from .. import facts as offer_facts
from .. import fulltext, ranking, understanding, vocabulary
from ..criteria import Criteria
from ..text import fold, kept_words
from .base import FACETS, Found

FACET_FIELDS = {"hulpvraag": "needs", "wijk": "home_wijk", "doelgroep": "target_groups"}

# ranking.Scorer in painless, with the same numbers (``script_params``). ``_score`` is the
# BM25 of the words in the offer's text, 0 when they are not found (``relevance_query``).
FUNCTIONS = """
double fit(def doc, Map p, boolean text) {
  def needs = doc['needs'];
  // An index made before main_needs was in the mapping: every need counts fully.
  def main = doc.containsKey('main_needs') ? doc['main_needs'] : needs;
  double s = 0.0;
  for (int i = 0; i < p.found.size(); ++i) {
    String code = p.found.get(i);
    if (needs.contains(code)) {
      s += p.weights.get(i) * (main.contains(code) ? 1.0 : p.side);
    }
  }
  double f = p.total > 0 ? p.need * (s / p.total) : 0.0;
  if (p.related.size() > 0) {
    int n = 0;
    for (String code : p.related) { if (needs.contains(code)) { n++; } }
    f += p.related_weight * ((double) n / p.related.size());
  }
  if (p.groups.size() > 0) {
    def groups = doc['target_groups'];
    int n = 0;
    for (String code : p.groups) { if (groups.contains(code)) { n++; } }
    f += p.group_weight * ((double) n / p.groups.size());
  }
  if (text) { f += p.text_weight; }
  return Math.floor(f / p.step + 1e-9) * p.step;
}
double nearness(def doc, Map p) {
  if (!p.located) { return 1.0; }
  if (p.buurt != '' && doc['buurt_codes'].contains(p.buurt)) { return p.same; }
  if (doc['citywide'].size() > 0 && doc['citywide'].value) { return p.citywide; }
  def points = doc['location'];
  if (points.size() == 0) { return p.min; }
  double best = Double.POSITIVE_INFINITY;
  for (int i = 0; i < points.size(); ++i) {
    def point = points.get(i);
    double d = Math.hypot((point.getLon() - p.lon) * p.kx, (point.getLat() - p.lat) * p.ky);
    best = Math.min(best, d);
  }
  return p.min + (p.max - p.min) * Math.exp(-best / p.scale);
}
double staleness(def doc, Map p) {
  def checked = doc['last_verified'];
  if (checked.size() == 0) { return 1.0; }
  return checked.value.toInstant().toEpochMilli() < p.stale_before ? p.stale : 1.0;
}
"""
# score = fit x nearness x staleness (fit 1 when nothing is asked, as in sort_key), plus
# less than ``TEXT_TIEBREAK`` for how well the words match (``_score`` is the text's BM25,
# 0 when the words are not found): within equal fit and nearness the better match comes
# first, as in the database backend. It is too small to pass a nearer offer more than a few
# metres closer, and too small to change the fit that ``FIT_SORT_SCRIPT`` reads back.
TEXT_TIEBREAK = 1e-4
SCORE_SCRIPT = (
    FUNCTIONS
    + """
boolean text = _score > 0;
double f = params.asks ? fit(doc, params, text) : 1.0;
double strength = text ? params.tiebreak * _score / (1.0 + _score) : 0.0;
return f * nearness(doc, params) * staleness(doc, params) + strength;
"""
)
# The fit back from the score (the engine keeps the score, not the fit): equal scores are
# ordered by fit first. The score is a float, the steps are 0.5 apart: rounding is exact.
FIT_SORT_SCRIPT = (
    FUNCTIONS
    + """
if (!params.asks) { return 0.0; }
double n = nearness(doc, params) * staleness(doc, params);
return Math.round(_score / n / params.step) * params.step;
"""
)
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
# Equal fits are ordered by the title in the visitor's language (``sort_title.en``: the
# English title, or the Dutch one when there is none; casefolded, as search.catalogue).
SORT_LANGUAGES = ("nl", *LANGUAGE_ANALYZERS)
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


def _analysis() -> dict:
    def custom(*filters):
        return {"type": "custom", "tokenizer": "standard", "filter": list(filters)}

    return {
        "filter": {
            "buurtwijzer_stemmer": {"type": "stemmer", "language": "dutch"},
            # Words the stemmer must leave alone ("ouderen" is not "ouders"), as in search.text.
            "buurtwijzer_keep": {"type": "keyword_marker", "keywords": sorted(kept_words("nl"))},
            "buurtwijzer_stop": {"type": "stop", "stopwords": "_dutch_"},
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


def index_body(replicas: int = 0) -> dict:
    """Settings and mappings of the offers index (``replicas``: copies on other nodes)."""
    # The words as the resident typed them, analysed as the text is: no synonyms at search
    # time. The needs' words already count as needs (search.understanding); expanding "wandelen"
    # to every word of "bewegen" found the text of every sports offer, and the database
    # backend, which searches the words only, found other offers (search/README.md).
    dutch = {"type": "text", "analyzer": "buurtwijzer_nl"}
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
            "analysis": _analysis(),
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
                "sort_title": {"properties": dict.fromkeys(SORT_LANGUAGES, keyword)},
                "offer_id": {"type": "integer"},
                "needs": keyword,
                # What the offer is made for (search.catalogue.main_needs); all its needs
                # when its title and summary name none, so that they all count fully.
                "main_needs": keyword,
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


def _sort_titles(offer) -> dict[str, str]:
    dutch = offer.title.casefold()
    return {
        "nl": dutch,
        **{
            language: (getattr(offer, f"title_{language}", "") or "").casefold() or dutch
            for language in LANGUAGE_ANALYZERS
        },
    }


def documents(queryset):
    """(id, document) for each offer in ``queryset`` (call with Dutch active)."""
    labels = {n.code: f"{n.label} {n.phrasing}" for n in Hulpvraag.objects.all()}
    facts = offer_facts.facts(queryset)
    word_needs = vocabulary.current().word_needs
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
                "sort_title": _sort_titles(offer),
                "offer_id": offer.pk,
                "needs": sorted(facts.needs[offer.pk]),
                "main_needs": sorted(
                    understanding.main_needs(
                        f"{offer.title} {offer.summary}", facts.needs[offer.pk], word_needs
                    )
                    or facts.needs[offer.pk]
                ),
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


def _asks(criteria: Criteria) -> list[dict]:
    """What makes an offer a result at all: any asked need (found or related), any named
    target group, or the words in its text (as ``database._matching``)."""
    asks = []
    if codes := [n.code for n in criteria.needs]:
        asks.append({"terms": {"needs": list(dict.fromkeys(codes))}})
    if criteria.groups:
        asks.append({"terms": {"target_groups": list(criteria.groups)}})
    if criteria.terms:
        asks.append(text_query(criteria))
    return asks


def text_query(criteria: Criteria) -> dict:
    words = {
        "multi_match": {
            "query": " ".join(criteria.terms),
            "fields": TEXT_FIELDS,
            # No fuzziness: search.understanding already reads typing mistakes as the known
            # word and sends both. Fuzzy matching over every language's fields cost 70 to
            # 200 ms a search at 10,000 offers (bench/README.md).
        }
    }
    # Each word of at least ``fulltext.MIN_PREFIX`` letters also as the start of a word, as
    # the database backend searches it ("koffie" finds "koffieochtend"). Words are letters
    # and digits only (search.text), so they are safe in a query string.
    prefixes = [f"{term}*" for term in criteria.terms if len(term) >= fulltext.MIN_PREFIX]
    if not prefixes:
        return words
    starts = {
        "query_string": {
            "query": " ".join(prefixes),
            "fields": TEXT_FIELDS,
            "analyze_wildcard": True,
            "default_operator": "or",
        }
    }
    return {"bool": {"should": [words, starts], "minimum_should_match": 1}}


def relevance_query(criteria: Criteria) -> dict:
    """The offers that are results, scored by how well the words match their text (0 when
    not found): ``SCORE_SCRIPT`` counts the words by whether they are found, and how well
    only to order equal fits (``ranking``); the rest of the fit comes from the needs and
    groups."""
    filters = filter_clauses(criteria)
    if asks := _asks(criteria):
        filters.append({"bool": {"should": asks, "minimum_should_match": 1}})
    query = {"bool": {"filter": filters}}
    if criteria.terms:
        query["bool"]["should"] = [text_query(criteria)]
    return query


def script_params(criteria: Criteria, today: datetime.date | None = None) -> dict:
    """Everything ``SCORE_SCRIPT`` and ``FIT_SORT_SCRIPT`` need, worked out once per search
    by ``ranking.Scorer`` itself (the same weights, in the same order)."""
    scorer = ranking.Scorer(criteria)
    location = criteria.location
    today = today or datetime.date.today()
    stale_before = freshness.stale_before(today)
    params = {
        "asks": scorer.asks,
        "found": list(scorer.found),
        "weights": list(scorer.found.values()),
        "total": sum(scorer.found.values()),
        "related": list(dict.fromkeys(scorer.related)),
        "groups": list(dict.fromkeys(scorer.groups)),
        "need": ranking.NEED_WEIGHT,
        "side": ranking.SIDE_NEED,
        "related_weight": ranking.RELATED_WEIGHT,
        "group_weight": ranking.GROUP_WEIGHT,
        "text_weight": ranking.TEXT_WEIGHT,
        "tiebreak": TEXT_TIEBREAK,
        "step": ranking.FIT_STEP,
        "stale": ranking.STALE,
        # Midnight UTC, as the engine stores a date without a time.
        "stale_before": int(
            datetime.datetime.combine(stale_before, datetime.time(), datetime.UTC).timestamp()
            * 1000
        ),
        "located": location is not None,
        "buurt": location.buurt.code if location is not None and location.buurt else "",
        "same": ranking.SAME_BUURT,
        "citywide": ranking.CITYWIDE,
        "max": ranking.NEAR_MAX,
        "min": ranking.NEAR_MIN,
        "scale": ranking.NEAR_SCALE_M,
    }
    if location is not None:
        params.update(lat=location.lat, lon=location.lon, kx=scorer.kx, ky=scorer.ky)
    return params


def script(source: str, params: dict) -> dict:
    return {"source": source, "lang": "painless", "params": params}


def scored_query(criteria: Criteria, params: dict) -> dict:
    """``ranking.Scorer.sort_key``'s score: fit (in steps) x nearness x staleness."""
    return {
        "function_score": {
            "query": relevance_query(criteria),
            "functions": [{"script_score": {"script": script(SCORE_SCRIPT, params)}}],
            "boost_mode": "replace",
        }
    }


def sort_clauses(criteria: Criteria, params: dict) -> list:
    """Equal scores by fit, then distance, then the title in the visitor's language, then
    id (``ranking.Scorer.sort_key``; the engines have no text match strength step)."""
    sort = [
        "_score",
        {
            "_script": {
                "type": "number",
                "order": "desc",
                "script": script(FIT_SORT_SCRIPT, params),
            }
        },
    ]
    location = criteria.location
    if location is not None:
        sort.append(
            {
                "_geo_distance": {
                    "location": {"lat": location.lat, "lon": location.lon},
                    "order": "asc",
                    "unit": "m",
                    "mode": "min",
                    "distance_type": "plane",  # a flat map, as ranking.Scorer.distance
                }
            }
        )
    language = criteria.language if criteria.language in SORT_LANGUAGES else "nl"
    # ``unmapped_type``: an index made before these fields still answers (until
    # ``search_index`` builds a new one).
    sort += [
        {f"sort_title.{language}": {"order": "asc", "unmapped_type": "keyword"}},
        {"offer_id": {"order": "asc", "unmapped_type": "integer"}},
    ]
    return sort


def search_body(criteria: Criteria) -> dict:
    params = script_params(criteria)
    return {
        "query": scored_query(criteria, params),
        "sort": sort_clauses(criteria, params),
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
