"""The search page on the demo content: what a page with 20 results weighs, and what it
still holds (issue 19: under 35 KB of HTML, nothing a resident needs lost)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("search-demo-page")]

SEARCH = {"q": "ik voel me alleen"}


@pytest.fixture
def results(demo_offers, client):
    response = client.get(reverse("zoeken"), SEARCH)
    assert response.status_code == 200
    return response


def test_a_search_with_20_results_is_under_35_kb_of_html(results):
    assert len(results.context["outcome"].results) == 20
    assert len(results.content) < 35_000, len(results.content)


def test_every_result_keeps_what_a_resident_needs(results):
    soup = BeautifulSoup(results.content, "html.parser")
    cards = soup.select("ol.bw-cards > li.bw-card")
    assert len(cards) == 20
    for card in cards:
        title = card.find("h3").get_text(strip=True)
        assert card.find("h3").find("a")["href"].startswith("/"), title
        facts = card.select_one(".bw-card__facts").get_text(" ", strip=True)
        assert "Kosten:" in facts, title
        # The button's name is "Bewaar" and the card's title.
        button = card.find("button", attrs={"name": "bij"})
        assert button.get_text(strip=True) == "Bewaar", title
        assert button["aria-labelledby"].split() == [button["id"], card.find("h3")["id"]]
    # One form for all "Bewaar" buttons; it returns to this search.
    form = soup.select_one("form.bw-bewaar-lijst")
    assert len(form.select("button[name=bij]")) == 20
    assert form.find("input", attrs={"name": "terug"})["value"] == "/zoeken/?q=ik+voel+me+alleen"
