"""The public site in six languages: Dutch without a prefix, the others under /en/, /ar/, ...;
the right lang and dir, alternates for search engines, a switcher that stays on the page."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from buurten.models import BuurtPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = ["en", "ar", "tr", "pl", "uk"]


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


@pytest.mark.parametrize("language", ["nl", *OTHER_LANGUAGES])
def test_every_page_type_is_served_in_every_language(client, language):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    offer = make_offer(buurt, title="Koffie-ochtend", slug="koffie")
    prefix = "" if language == "nl" else f"/{language}"
    for path in ("/", buurt.url, offer.url, "/thema/eenzaamheid/", "/zoeken/?q=koffie"):
        response = client.get(prefix + path)
        assert response.status_code == 200, prefix + path
        tag = html_tag(response.content.decode())
        assert f'lang="{language}"' in tag
        assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in tag


def test_arabic_pages_run_right_to_left(client):
    tag = html_tag(client.get("/ar/").content.decode())
    assert 'lang="ar"' in tag and 'dir="rtl"' in tag


def test_links_on_a_page_stay_in_its_language(client):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    with translation.override("ar"):
        buurt_url = buurt.url
    assert buurt_url.startswith("/ar/")
    html = client.get(buurt_url).content.decode()
    assert 'href="/ar/thema/' in html or 'href="/ar/west/"' in html


def test_dutch_address_stays_dutch_whatever_the_browser_asks(client):
    """No redirect by browser language: a Dutch link shared with an Arabic-speaking neighbour
    opens in Dutch, and the switcher is one click away. The URL alone decides."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.8")
    assert response.status_code == 200
    assert 'lang="nl"' in html_tag(response.content.decode())
    assert "Set-Cookie" not in str(response.headers) or "django_language" not in str(
        response.cookies
    )


def test_every_page_has_hreflang_alternates_and_x_default(client):
    buurt_url = BuurtPage.objects.get(title="Oog in Al").url
    html = client.get("/en" + buurt_url).content.decode()
    alternates = {
        lang: href
        for href, lang in re.findall(
            r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html
        )
    }
    assert alternates["nl"] == f"http://testserver{buurt_url}"
    assert alternates["x-default"] == alternates["nl"]
    for language in OTHER_LANGUAGES:
        assert alternates[language] == f"http://testserver/{language}{buurt_url}"
    assert len(alternates) == len(settings.LANGUAGES) + 1


def test_switcher_names_each_language_in_itself_and_stays_on_the_page(client):
    html = client.get("/zoeken/?q=alleen&wijk=west").content.decode()
    nav = re.search(r'<nav class="bw-languages".*?</nav>', html, re.S).group(0)
    for code, name in [
        ("en", "English"),
        ("ar", "العربية"),
        ("tr", "Türkçe"),
        ("pl", "Polski"),
        ("uk", "Українська"),
    ]:
        link = re.search(rf'<a [^>]*href="([^"]+)"[^>]*lang="{code}"[^>]*>{name}</a>', nav)
        assert link, code
        assert link.group(1) == f"/{code}/zoeken/?q=alleen&amp;wijk=west"
    assert re.search(
        r'href="/zoeken/\?q=alleen&amp;wijk=west"[^>]*aria-current="true"[^>]*>Nederlands<', nav
    )
    arabic = client.get("/ar/zoeken/?q=alleen").content.decode()
    assert 'href="/zoeken/?q=alleen"' in arabic


def test_translated_buurt_page_queries_are_bounded(client):
    """The Arabic buurt page costs no more queries for many offers than for one (with one,
    it also shows offers of the neighbouring buurten)."""
    buurt = BuurtPage.objects.get(title="Oog in Al")
    other = BuurtPage.objects.get(title__startswith="Voordorp")
    make_offer(buurt, summary_ar="قهوة مع الجيران")
    for n in range(6):
        make_offer(other, needs=("ontmoeting", "eenzaamheid"), summary_ar=f"نشاط {n}")
    one_url, many_url = "/ar" + buurt.url, "/ar" + other.url
    client.get(one_url)  # warm the site root cache
    with CaptureQueriesContext(connection) as one:
        assert client.get(one_url).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert client.get(many_url).status_code == 200
    assert len(one) <= 20
    assert len(many) <= len(one)


@pytest.mark.parametrize(
    ("language", "query"),
    [("en", "lonely"), ("ar", "وحيد"), ("tr", "yalnız"), ("pl", "samotny"), ("uk", "самотній")],
)
def test_search_page_understands_and_answers_in_its_language(
    client, translated_needs, language, query
):
    make_offer(title="Open huiskamer", needs=("eenzaamheid",), title_en="Open living room")
    html = client.get(f"/{language}/zoeken/", {"q": query}).content.decode()
    assert translated_needs["eenzaamheid"][language]["phrasing"] in html
    if language == "en":
        assert ">Open living room</a>" in html
    else:
        assert 'lang="nl" dir="ltr">Open huiskamer</a>' in html
