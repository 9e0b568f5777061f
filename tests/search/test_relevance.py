"""The relevance set (search/relevance/queries.json: graded queries in six languages and
every kind of question) on the demo content, through the API, must stay above floors set
from measurement; and the failures a walkthrough found stay fixed.

The demo content is loaded once for this module (``demo_offers`` in conftest.py) and
evaluated once; every test reads that."""

import pytest
from django.test import Client
from django.urls import reverse

from aanbod.models import AanbodPage
from search.relevance.evaluate import evaluate
from tests.aanbod.test_pairs import titles_in_results

# One worker runs the whole module (make's legs use --dist loadgroup): the demo is loaded once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("relevance-demo")]

# Measured on 236 queries (`python manage.py search_relevance`, SQLite, search/README.md).
# Floors a few points below; raise them when search gets better, never lower them.
FLOORS = {
    "all": {"ndcg_at_5": 0.89, "success_at_1": 0.91},
    "nl": {"ndcg_at_5": 0.87, "success_at_1": 0.90},
    "en": {"ndcg_at_5": 0.90, "success_at_1": 0.90},
    "ar": {"ndcg_at_5": 0.90, "success_at_1": 0.90},
    "tr": {"ndcg_at_5": 0.90, "success_at_1": 0.85},
    "pl": {"ndcg_at_5": 0.90, "success_at_1": 0.85},
    "uk": {"ndcg_at_5": 0.90, "success_at_1": 0.85},
    "story": {"ndcg_at_5": 0.78, "success_at_1": 0.83},
    "postcode": {"ndcg_at_5": 1.0, "success_at_1": 1.0},
    "no-answer": {"ndcg_at_5": 1.0, "success_at_1": 1.0},
}


@pytest.fixture(scope="module")
def demo(demo_offers):
    """The evaluation of the relevance set on the demo content, once."""
    return evaluate(Client(HTTP_HOST="localhost"))


@pytest.fixture
def ask(demo, client):
    def ask(q, **params):
        return client.get("/api/v1/zoeken", {"q": q, **params}).json()

    return ask


def ids(answer, n=None):
    return [r["hsds_id"] for r in answer["results"]][:n]


@pytest.mark.parametrize("part", FLOORS)
def test_relevance_floors(demo, part):
    report = demo if part == "all" else {**demo.by("language"), **demo.by("kind")}[part]
    misses = [s.query["q"] for s in report.scores if s.success < 1]
    assert len(demo.scores) >= 200 and report.scores
    for measure, floor in FLOORS[part].items():
        assert getattr(report, measure) >= floor, (part, measure, misses)


def test_no_answer_questions_are_handled(demo):
    assert demo.no_answer_handled >= 0.9
    assert len(demo.by("language")) == 6


@pytest.mark.parametrize("q", ["geldzaken", "hulp met geldzaken"])
def test_a_dutch_compound_finds_the_money_offers(ask, q):
    assert ids(ask(q), 1) == ["demo-0017"]  # Geldmaatjes: hulp bij schulden


@pytest.mark.parametrize("q", ["ديون", "الديون", "مساعدة في الديون", "بالديون"])
def test_arabic_with_the_article_finds_what_the_bare_word_finds(ask, q):
    bare = ids(ask("ديون", taal="ar"), 5)
    assert set(ids(ask(q, taal="ar"), 5)) == set(bare) and bare


def test_coffee_with_neighbours_is_a_meeting_place_not_moving_help(ask):
    answer = ask("koffie drinken met buren")
    assert [n["code"] for n in answer["interpreted_needs"]][0] == "ontmoeting"
    first = answer["results"][0]
    assert "ontmoeting" in [n["code"] for n in first["needs"]]
    assert "demo-0049" not in ids(answer, 5)  # Verhuishulp door buren


def test_offers_made_for_loneliness_come_before_general_meeting_places(ask):
    # Bezoekmaatje and Praatlijn are made for loneliness; the buurthuizen also serve it.
    top = ids(ask("ik ben eenzaam"), 3)
    assert "demo-0034" in top


def test_a_break_from_caring_puts_respite_care_first(ask):
    first = ask("even pauze van de zorg voor mijn moeder")["results"][0]
    assert "respijtzorg" in [n["code"] for n in first["needs"]]
    assert first["hsds_id"] in {"demo-0068", "demo-0072"}  # respite is what they are for


def test_nearer_first_among_equal_fits(ask):
    results = ask("taalcafé", postcode="3532AB")["results"]
    taalcafes = [r["distance_m"] for r in results if r["title"].startswith("Taalcafé")]
    assert len(taalcafes) == 3 and taalcafes == sorted(taalcafes)


@pytest.mark.parametrize(
    ("q", "language"),
    [("parkeervergunning", "nl"), ("tennisles", "nl"), ("driving licence", "en")],
)
def test_a_question_the_site_has_no_answer_to_gets_marked_fallbacks(ask, q, language):
    answer = ask(q, taal=language)
    assert answer["fallback"] is True
    assert answer["results"] == [] and answer["total"] == 0
    fallbacks = [r["hsds_id"] for r in answer["fallbacks"]]
    assert "demo-0071" in fallbacks  # Bel 14 030 voor vragen aan de gemeente
    assert all("informatie-advies" in [n["code"] for n in r["needs"]] for r in answer["fallbacks"])


def test_a_question_with_an_answer_is_no_fallback(ask):
    answer = ask("schulden")
    assert answer["fallback"] is False and answer["fallbacks"] == []


def test_equal_fits_are_ordered_by_their_title_in_the_visitors_language(ask):
    # Only a filter: every money offer fits as well, and none has a place to measure from.
    for language, first in (("en", "demo-0009"), ("nl", "demo-0017")):  # Food bank, Geldmaatjes
        answer = ask("", hulpvraag="geldzaken", taal=language)
        titles = [r["title"].casefold() for r in answer["results"]]
        assert titles == sorted(titles) and ids(answer, 1) == [first], language


def test_the_demo_pair_is_shown_together_in_the_search(demo, client):
    """The demo's carer and cared-for offers (tests/aanbod/test_pairs.py for pairs in general)
    follow each other in the results, the second marked."""
    carer = AanbodPage.objects.get(source_id="demo-0033")
    assert carer.paired_offer.source_id == "demo-0068"
    html = client.get(reverse("zoeken"), {"q": "respijtzorg"}).content.decode()
    found = titles_in_results(html)
    assert abs(found.index(carer.title) - found.index(carer.paired_offer.title)) == 1, found
    assert found.count(carer.title) == 1 and found.count(carer.paired_offer.title) == 1
    assert "bw-card--samen" in html
