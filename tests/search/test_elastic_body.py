"""The Elasticsearch backend without a server: the index it would create and the searches it
would send. (tests/contract runs the real thing when ELASTICSEARCH_URL is set.)"""

import pytest

from aanbod.models import Hulpvraag
from search.backends import elastic
from search.forms import SearchForm
from search.understanding import interpret

pytestmark = pytest.mark.django_db


def criteria(**params):
    form = SearchForm(params)
    assert form.is_valid(), form.errors
    return form.criteria(interpret(params.get("q", ""), "nl"))


def test_synonyms_come_from_the_needs():
    rules = elastic.synonym_rules(Hulpvraag.objects.all())
    assert any(r.startswith("eenzaamheid, eenzaam, alleen") for r in rules)
    need = Hulpvraag.objects.get(code="eenzaamheid")
    need.synonyms = "kwebbelen, <b>html</b>"
    rules = elastic.synonym_rules([need])
    assert rules == ["eenzaamheid, kwebbelen, b html b"]


def test_index_has_a_dutch_analyzer_synonyms_and_a_geo_point():
    body = elastic.index_body(["eenzaamheid, eenzaam"])
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["buurtwijzer_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["buurtwijzer_hulpvragen"]["synonyms"] == ["eenzaamheid, eenzaam"]
    assert "ouderen" in analysis["filter"]["buurtwijzer_keep"]["keywords"]
    # Synonyms at search time only: editing a need needs no re-analysis of every offer.
    assert "buurtwijzer_hulpvragen" not in analysis["analyzer"]["buurtwijzer_nl"]["filter"]
    assert "buurtwijzer_hulpvragen" in analysis["analyzer"]["buurtwijzer_nl_zoeken"]["filter"]
    properties = body["mappings"]["properties"]
    assert properties["location"] == {"type": "geo_point"}
    assert properties["summary"]["search_analyzer"] == "buurtwijzer_nl_zoeken"
    assert properties["needs"] == {"type": "keyword"}


def without_staleness(body) -> dict:
    """The query inside the outer layer that ranks offers not checked for a year lower."""
    outer = body["query"]["function_score"]
    assert outer["functions"] == [
        {"filter": {"range": {"last_verified": {"lt": "now-365d/d"}}}, "weight": 0.8}
    ]
    assert outer["boost_mode"] == "multiply"
    return outer["query"]


def test_search_ranks_needs_text_and_nearness_and_counts_facets():
    body = elastic.search_body(criteria(q="ik voel me alleen", postcode="3533EH")).to_dict()
    score = without_staleness(body)["function_score"]
    assert score["boost_mode"] == "multiply" and score["score_mode"] == "first"
    assert score["functions"][0] == {
        "filter": {"term": {"buurt_codes": "BU03440112"}},
        "weight": 1.0,
    }
    should = score["query"]["bool"]["should"]
    assert should[0]["constant_score"]["filter"] == {"term": {"needs": "eenzaamheid"}}
    assert should[-1]["multi_match"]["query"] == "voel alleen"
    assert should[-1]["multi_match"]["fuzziness"] == "AUTO"
    assert set(body["aggs"]) == {"hulpvraag", "wijk", "doelgroep"}
    assert (body["from"], body["size"]) == (0, 20)


def test_filters_become_filter_clauses():
    body = elastic.search_body(
        criteria(
            gratis="true",
            inloop="true",
            rolstoel="true",
            dag="wo",
            spreekt="ar",
            buurt="BU03440112",
            pagina="3",
        )
    ).to_dict()
    # A buurt is also a place to be near to.
    filters = without_staleness(body)["function_score"]["query"]["bool"]["filter"]
    assert {"term": {"free": True}} in filters and {"term": {"days": 2}} in filters
    assert {"term": {"languages": "ar"}} in filters
    assert {
        "bool": {"should": [{"term": {"buurt_codes": "BU03440112"}}, {"term": {"citywide": True}}]}
    } in filters
    assert body["from"] == 40


class FakeTransport:
    """Stands in for the server: records what the real client sends, answers like ES 8."""

    def __init__(self, backend):
        self.sent = []
        backend.client.perform_request = self.perform_request

    def perform_request(self, method, path, *, params=None, headers=None, body=None, **kwargs):
        from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig, ObjectApiResponse

        self.sent.append((method, path, body))
        answer = {
            "hits": {"total": {"value": 1}, "hits": [{"_id": "7"}]},
            "aggregations": {
                name: {"buckets": [{"key": "x", "doc_count": 1}, {"key": "", "doc_count": 2}]}
                for name in ("hulpvraag", "wijk", "doelgroep")
            },
        }
        meta = ApiResponseMeta(
            200, "1.1", HttpHeaders(), 0.0, NodeConfig("http", "localhost", 9200)
        )
        return ObjectApiResponse(body=answer, meta=meta)


def test_the_client_sends_the_search_and_reads_the_answer():
    backend = elastic.ElasticsearchBackend("http://127.0.0.1:9200", "buurtwijzer-aanbod")
    transport = FakeTransport(backend)
    found = backend.search(criteria(q="eenzaam", pagina="2"))
    method, path, body = transport.sent[0]
    assert (method, path) == ("POST", "/buurtwijzer-aanbod/_search")
    assert body["from"] == 20 and "aggs" in body and body["track_total_hits"] is True
    assert found.ids == [7] and found.total == 1
    assert found.facets["wijk"] == {
        "x": 1
    }  # the empty key of offers for the whole city is left out


def test_the_client_creates_the_index():
    backend = elastic.ElasticsearchBackend("http://127.0.0.1:9200", "buurtwijzer-aanbod")
    transport = FakeTransport(backend)
    backend._create_index()
    method, path, body = transport.sent[0]
    assert method == "PUT" and path.startswith("/buurtwijzer-aanbod-")
    assert body["mappings"]["properties"]["location"] == {"type": "geo_point"}
