"""Every page type renders as an accessible page: lang, one h1, landmarks, a skip link."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buurten.models import BuurtPage, StedelijkPage, WijkPage
from home.models import StandardPage, ThemaPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def assert_accessible_page(html: str):
    assert re.search(r'<html[^>]* lang="nl"', html)
    assert len(re.findall(r"<h1[\s>]", html)) == 1, "exactly one h1"
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html, f"missing {landmark}"
    skip = re.search(r'<a[^>]+href="#inhoud"[^>]*>', html)
    assert skip, "skip link to the main content"
    assert html.index(skip.group(0)) < html.index("<header"), "skip link comes first"
    assert 'id="inhoud"' in html
    # Alternates for search engines are absolute (hreflang wants that); browsers load none.
    requested = re.sub(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">', "", html)
    assert not re.search(r'(src|href)="(https?:)?//', requested), "no third-party requests"


def page_urls():
    return [
        lambda: "/",
        lambda: WijkPage.objects.get(slug="noordoost").url,
        lambda: BuurtPage.objects.get(title="Oog in Al").url,
        lambda: StedelijkPage.objects.get().url,
        lambda: ThemaPage.objects.get(slug="mantelzorg").url,
        lambda: StandardPage.objects.get(slug="privacy").url,
        lambda: StandardPage.objects.get(slug="thema").url,
    ]


@pytest.mark.parametrize(
    "url_of",
    page_urls(),
    ids=["home", "wijk", "buurt", "stedelijk", "thema", "standard", "thema-index"],
)
def test_page_renders_accessibly(client, url_of):
    response = client.get(url_of())
    assert response.status_code == 200
    assert_accessible_page(response.content.decode())


def test_home_page_has_search_need_tiles_postcode_form_and_phone(client):
    html = client.get("/").content.decode()
    assert "Waar zoekt u hulp bij?" in html
    assert 'name="q"' in html
    assert "Ik voel me alleen" in html and 'href="/thema/eenzaamheid/"' in html
    assert "Vul uw postcode in" in html
    assert 'href="tel:14030"' in html and "14 030" in html


def test_wijk_page_lists_its_buurten(client):
    wijk = WijkPage.objects.get(slug="noordoost")
    html = client.get(wijk.url).content.decode()
    for buurt in BuurtPage.objects.child_of(wijk):
        assert f'href="{buurt.url}"' in html


def test_buurt_page_names_its_wijk(client):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    html = client.get(buurt.url).content.decode()
    assert "West" in html and 'href="/west/"' in html


def test_buurt_page_queries_are_bounded(client, django_assert_max_num_queries):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    client.get(buurt.url)  # warm the site root cache
    with CaptureQueriesContext(connection) as first:
        client.get(buurt.url)
    other = BuurtPage.objects.get(title__startswith="Voordorp")
    with CaptureQueriesContext(connection) as second:
        client.get(other.url)
    assert len(first) <= 20
    assert len(second) == len(first)


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "14 030" in html


def test_an_address_finds_its_page_in_few_queries_and_only_along_the_tree(client):
    """The home page looks up every page on the way in one query (home/routing.py): the
    offer opens, a wrong part anywhere in the address is a 404, and so is a page that is not
    published."""
    offer = make_offer(title="Soep op dinsdag")
    client.get(offer.url)
    with CaptureQueriesContext(connection) as routed:
        assert client.get(offer.url).status_code == 200
    pages = [q for q in routed.captured_queries if 'FROM "wagtailcore_page"' in q["sql"]]
    assert len(pages) <= 4
    buurt = offer.get_parent()
    wijk = buurt.get_parent()
    assert client.get(f"/{wijk.slug}/bestaat-niet/{offer.slug}/").status_code == 404
    assert client.get(f"/{buurt.slug}/{offer.slug}/").status_code == 404  # skips the wijk
    assert client.get(f"{offer.url}verder/").status_code == 404
    offer.unpublish()
    assert client.get(offer.url).status_code == 404
