"""End-to-end check of the search node from Python.

    .venv/bin/python search-node/smoke_test.py                  # elasticsearch 8 client (via the plugin)
    /tmp/osvenv/bin/python search-node/smoke_test.py opensearch # opensearch-py, no plugin needed

Uses throw-away indices named smoke-*; removes them at the end. URL from SEARCH_NODE_URL
(default http://127.0.0.1:$SEARCH_NODE_PORT, port 9200).
"""

import os
import sys
import time

FLAVOUR = sys.argv[1] if len(sys.argv) > 1 else "elasticsearch"
URL = os.environ.get(
    "SEARCH_NODE_URL", f"http://127.0.0.1:{os.environ.get('SEARCH_NODE_PORT', '9200')}"
)

if FLAVOUR == "elasticsearch":
    from elasticsearch import Elasticsearch, helpers

    es = Elasticsearch(URL, request_timeout=30)
else:
    from opensearchpy import OpenSearch, helpers

    es = OpenSearch(URL, timeout=30)

ok = True


def check(name, fn, optional=False):
    global ok
    t0 = time.perf_counter()
    try:
        detail = fn()
        print(
            f"  ok   {name} ({(time.perf_counter() - t0) * 1000:.0f} ms){': ' + str(detail) if detail else ''}"
        )
    except Exception as exc:  # report and go on
        ok = ok and optional
        print(f"  {'n/a ' if optional else 'FAIL'} {name}: {type(exc).__name__}: {str(exc)[:200]}")


SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "analysis": {
        "filter": {
            "nl_stop": {"type": "stop", "stopwords": "_dutch_"},
            "nl_keep": {"type": "keyword_marker", "keywords": ["ouderen"]},
            "nl_stemmer": {"type": "stemmer", "language": "dutch"},
            "nl_synonyms": {
                "type": "synonym_graph",
                "synonyms": ["eenzaam, alleen, eenzaamheid"],
                "lenient": True,
            },
        },
        "analyzer": {
            "nl": {
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "nl_stop", "nl_keep", "nl_stemmer"],
            },
            "nl_search": {
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "nl_synonyms", "nl_keep", "nl_stemmer"],
            },
        },
    },
}
MAPPINGS = {
    "properties": {
        "title": {"type": "text", "analyzer": "nl", "search_analyzer": "nl_search"},
        "body": {"type": "text", "analyzer": "dutch"},
        "wijk": {"type": "keyword"},
        "location": {"type": "geo_point"},
    }
}
DOCS = [
    {
        "title": "Koffieochtend tegen eenzaamheid",
        "body": "Samen koffie drinken met buren",
        "wijk": "Oost",
        "location": {"lat": 52.09, "lon": 5.14},
    },
    {
        "title": "Maaltijd voor ouderen",
        "body": "Samen eten in het buurthuis",
        "wijk": "Oost",
        "location": {"lat": 52.08, "lon": 5.13},
    },
    {
        "title": "Wandelgroep",
        "body": "Wandelen tegen het alleen zijn",
        "wijk": "West",
        "location": {"lat": 52.10, "lon": 5.08},
    },
]
NEARNESS = (
    "if (doc['location'].size() == 0) { return params.min; }"
    " double d = doc['location'].arcDistance(params.lat, params.lon);"
    " return params.min + (params.max - params.min) * Math.exp(-d / params.scale);"
)


def create(name):
    if FLAVOUR == "elasticsearch":
        es.indices.create(index=name, settings=SETTINGS, mappings=MAPPINGS)
    else:
        es.indices.create(index=name, body={"settings": SETTINGS, "mappings": MAPPINGS})


def search(index, body):
    if FLAVOUR == "elasticsearch":
        return es.search(index=index, **body)
    return es.search(index=index, body=body)


def analyze(index=None, **body):
    if FLAVOUR == "elasticsearch":
        return es.indices.analyze(index=index, **body)
    return es.indices.analyze(index=index, body=body)


def run():
    print(f"{FLAVOUR} client against {URL}")
    for name in ("smoke-1", "smoke-2"):
        es.indices.delete(
            index=name, ignore_unavailable=True
        ) if FLAVOUR == "elasticsearch" else es.indices.delete(index=name, ignore=[404])

    check(
        "info()",
        lambda: (
            lambda i: (
                f"{i['version'].get('distribution', 'elasticsearch')} {i['version']['number']}"
            )
        )(es.info()),
    )
    check(
        "indices.create (custom dutch analyzer + synonym_graph + keyword_marker)",
        lambda: create("smoke-1"),
    )
    check(
        "index one doc",
        lambda: (
            es.index(index="smoke-1", id="1", document=DOCS[0], refresh=True)["result"]
            if FLAVOUR == "elasticsearch"
            else es.index(index="smoke-1", id="1", body=DOCS[0], refresh=True)["result"]
        ),
    )
    check(
        "helpers.bulk (ndjson)",
        lambda: helpers.bulk(
            es,
            ({"_index": "smoke-1", "_id": str(i), "_source": d} for i, d in enumerate(DOCS, 1)),
            refresh=True,
        ),
    )

    def synonyms():
        hits = search("smoke-1", {"query": {"match": {"title": "alleen"}}})["hits"]["hits"]
        assert [h["_id"] for h in hits] == ["1"], hits
        return "'alleen' finds 'eenzaamheid'"

    check("search with synonym_graph at search time", synonyms)

    def custom_analyzer():
        r = analyze(index="smoke-1", analyzer="nl", text="De ouderen wandelingen")
        return [t["token"] for t in r["tokens"]]

    check("indices.analyze (custom analyzer, keyword_marker keeps 'ouderen')", custom_analyzer)

    def script_score():
        body = {
            "query": {
                "function_score": {
                    "query": {"match": {"body": "samen"}},
                    "functions": [
                        {
                            "script_score": {
                                "script": {
                                    "source": NEARNESS,
                                    "params": {
                                        "lat": 52.09,
                                        "lon": 5.14,
                                        "min": 0.2,
                                        "max": 1.0,
                                        "scale": 2000.0,
                                    },
                                }
                            }
                        }
                    ],
                    "boost_mode": "multiply",
                }
            }
        }
        hits = search("smoke-1", body)["hits"]["hits"]
        assert hits and hits[0]["_id"] == "1", hits
        return [(h["_id"], round(h["_score"], 3)) for h in hits]

    check("function_score + painless script_score (arcDistance)", script_score)

    def terms_agg():
        r = search("smoke-1", {"size": 0, "aggs": {"wijk": {"terms": {"field": "wijk"}}}})
        return {b["key"]: b["doc_count"] for b in r["aggregations"]["wijk"]["buckets"]}

    check("terms aggregation", terms_agg)

    def alias_swap():
        create("smoke-2")
        es.indices.put_alias(index="smoke-1", name="smoke")
        actions = [
            {"remove": {"index": "smoke-1", "alias": "smoke"}},
            {"add": {"index": "smoke-2", "alias": "smoke"}},
        ]
        if FLAVOUR == "elasticsearch":
            es.indices.update_aliases(actions=actions)
        else:
            es.indices.update_aliases(body={"actions": actions})
        return list(es.indices.get_alias(name="smoke").keys())

    check("alias swap (update_aliases)", alias_swap)

    for analyzer in ("dutch", "english", "arabic", "turkish", "polish", "ukrainian"):

        def one(a=analyzer):
            r = analyze(
                analyzer=a,
                text={
                    "dutch": "fietsen",
                    "english": "running",
                    "arabic": "المكتبات",
                    "turkish": "kitaplar",
                    "polish": "książki",
                    "ukrainian": "книжки",
                }[a],
            )
            return [t["token"] for t in r["tokens"]]

        # polish/ukrainian need analysis-stempel/-ukrainian, which are not on Maven Central
        check(f"analyzer '{analyzer}'", one, optional=analyzer in ("polish", "ukrainian"))

    for name in ("smoke-1", "smoke-2"):
        es.indices.delete(index=name)
    print("all ok" if ok else "SOME CHECKS FAILED")


run()
sys.exit(0 if ok else 1)
