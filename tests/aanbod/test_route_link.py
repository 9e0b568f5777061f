"""An offer page links to a journey planner with the place's address (issue 17): a plain
link, shown only for a place with an address."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def route_links(client, offer, prefix=""):
    soup = BeautifulSoup(client.get(prefix + offer.url).content, "html.parser")
    return soup.select("a.bw-route")


def test_an_offer_with_an_address_links_to_a_route_planner(client):
    offer = make_offer(
        title="Taalcafé De Leeuw",
        plekken=[{"name": "Buurthuis De Leeuw", "address": "Kanaalweg 10", "postcode": "3526KL"}],
    )
    links = route_links(client, offer)
    assert len(links) == 1
    link = links[0]
    assert "Plan uw route" in link.get_text() and "Buurthuis De Leeuw" in link.get_text()
    url = urlsplit(link["href"])
    assert (url.scheme, url.netloc, url.path) == ("https", "www.openstreetmap.org", "/directions")
    assert parse_qs(url.query)["to"] == ["Kanaalweg 10, 3526 KL Utrecht"]
    assert "noreferrer" in link["rel"]
    # The planner is not asked for anything before the click: no script, frame or image of it.
    html = client.get(offer.url).content.decode()
    assert html.count("openstreetmap.org/directions") == 1


def test_the_link_is_in_the_visitors_language(client):
    offer = make_offer(plekken=[{"address": "Kanaalweg 10", "postcode": "3526KL"}])
    soup = BeautifulSoup(client.get("/ar" + offer.url).content, "html.parser")
    link = soup.select_one("a.bw-route")
    assert link is not None and "Plan uw route" not in link.get_text()
    assert "openstreetmap.org/directions" in link["href"]


def test_no_route_link_without_an_address(client):
    offer = make_offer(title="Telefooncirkel")
    html = client.get(offer.url).content.decode()
    assert "openstreetmap.org/directions" not in html and "Plan uw route" not in html
