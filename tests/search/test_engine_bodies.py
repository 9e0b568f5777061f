"""What the OpenSearch and Elasticsearch backends send, without a server: the index they
create and the searches they send (search.backends.bodies). tests/contract runs the same
against the real node."""

import dataclasses

import pytest
from django.conf import settings

from search.backends import bodies
from search.forms import SearchForm
from search.understanding import interpret

pytestmark = pytest.mark.django_db


def criteria(**params):
    form = SearchForm(params)
    assert form.is_valid(), form.errors
    return form.criteria(interpret(params.get("q", ""), "nl"))


def test_index_has_a_dutch_analyzer_and_a_geo_point():
    body = bodies.index_body()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["buurtwijzer_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert "ouderen" in analysis["filter"]["buurtwijzer_keep"]["keywords"]
    properties = body["mappings"]["properties"]
    assert properties["location"] == {"type": "geo_point"}
    assert properties["needs"] == {"type": "keyword"}


def test_the_words_are_searched_as_typed_not_widened_to_their_need():
    # The database backend searches the words themselves; the needs count as needs. A
    # synonym filter at search time made "wandelen" find every offer that says "fietsen".
    body = bodies.index_body()
    analysis = body["settings"]["analysis"]
    assert not any(f.get("type", "").startswith("synonym") for f in analysis["filter"].values())
    assert "search_analyzer" not in body["mappings"]["properties"]["summary"]


def test_long_words_are_also_searched_as_the_start_of_a_word():
    # As the database backend: "koffie" finds "koffieochtend"; words shorter than
    # fulltext.MIN_PREFIX only as themselves.
    query = bodies.text_query(dataclasses.replace(criteria(q="koffie"), terms=("tv", "koffie")))
    words, starts = query["bool"]["should"]
    assert words["multi_match"]["query"] == "tv koffie"
    assert starts["query_string"]["query"] == "koffie*"
    assert "multi_match" in bodies.text_query(dataclasses.replace(criteria(q="tv"), terms=("tv",)))


def scored(body) -> tuple[dict, dict]:
    """(the query that chooses the results, the params of the script that scores them)."""
    score = body["query"]["function_score"]
    assert score["boost_mode"] == "replace"
    (function,) = score["functions"]
    assert function["script_score"]["script"]["source"] == bodies.SCORE_SCRIPT
    return score["query"], function["script_score"]["script"]["params"]


def test_search_ranks_needs_text_and_nearness_and_counts_facets():
    body = bodies.search_body(criteria(q="ik voel me alleen", postcode="3533EH"))
    query, params = scored(body)
    # The words' match score reaches the script, which counts them by whether they are
    # found and uses how well only to order equal fits (a bounded tiebreak).
    (text,) = query["bool"]["should"]
    words, starts = text["bool"]["should"]
    assert words["multi_match"]["query"] == "voel alleen"
    assert "fuzziness" not in words["multi_match"]
    assert starts["query_string"]["query"] == "voel* alleen*"
    assert 0 < params["tiebreak"] < 0.001
    asks = query["bool"]["filter"][-1]["bool"]
    assert asks["minimum_should_match"] == 1
    assert {"terms": {"needs": ["eenzaamheid"]}} in asks["should"]
    # The needs and their weights, main and side, steps and nearness as in search.ranking.
    assert params["found"] == ["eenzaamheid"] and params["weights"] == [1.0]
    assert (params["side"], params["step"]) == (0.7, 0.5)
    assert params["buurt"] == "BU03440112" and params["located"]
    # Equal scores: fit, distance, the title in the visitor's language, id.
    assert body["sort"][0] == "_score"
    assert body["sort"][1]["_script"]["script"]["source"] == bodies.FIT_SORT_SCRIPT
    assert "_geo_distance" in body["sort"][2]
    assert [next(iter(s)) for s in body["sort"][3:]] == ["sort_title.nl", "offer_id"]
    assert set(body["aggs"]) == {"hulpvraag", "wijk", "doelgroep"}
    assert (body["from"], body["size"]) == (0, 20)


def test_ties_follow_the_visitors_language():
    body = bodies.search_body(criteria(q="lonely", taal="ar"))
    assert any("sort_title.ar" in s for s in body["sort"][1:])
    properties = bodies.index_body()["mappings"]["properties"]
    assert set(properties["sort_title"]["properties"]) == {c for c, _ in settings.LANGUAGES}
    assert properties["main_needs"] == {"type": "keyword"}


def test_filters_become_filter_clauses():
    body = bodies.search_body(
        criteria(
            gratis="true",
            inloop="true",
            rolstoel="true",
            dag="wo",
            spreekt="ar",
            buurt="BU03440112",
            pagina="3",
        )
    )
    # A buurt is also a place to be near to; with nothing to rank by, every offer fits as well.
    query, params = scored(body)
    assert not params["asks"] and "should" not in query["bool"]
    filters = query["bool"]["filter"]
    assert {"term": {"free": True}} in filters and {"term": {"days": 2}} in filters
    assert {"term": {"languages": "ar"}} in filters
    assert {
        "bool": {"should": [{"term": {"buurt_codes": "BU03440112"}}, {"term": {"citywide": True}}]}
    } in filters
    assert body["from"] == 40


def test_a_search_with_only_filters_still_ranks_by_freshness():
    body = bodies.search_body(criteria(hulpvraag=["ontmoeting"]))
    query, params = scored(body)
    assert query == {"bool": {"filter": [{"terms": {"needs": ["ontmoeting"]}}]}}
    assert not params["asks"] and params["stale"] == 0.8
    assert "staleness(doc, params)" in bodies.SCORE_SCRIPT


def test_every_site_language_has_its_own_analyzed_texts():
    languages = {code for code, _ in settings.LANGUAGES} - {"nl"}
    assert set(bodies.LANGUAGE_ANALYZERS) == languages
    body = bodies.index_body()
    properties = body["mappings"]["properties"]
    analyzers = body["settings"]["analysis"]["analyzer"]
    for language, analyzer in bodies.LANGUAGE_ANALYZERS.items():
        for name in ("title", "summary", "body"):
            assert properties[f"{name}_{language}"]["analyzer"] == analyzer
        assert analyzer in analyzers
        assert f"body_{language}" in bodies.TEXT_FIELDS
    assert "buurtwijzer_en_stemmer" in analyzers["buurtwijzer_en"]["filter"]


def test_replicas_come_from_the_settings():
    assert bodies.index_body(replicas=2)["settings"]["number_of_replicas"] == 2
