"""Every public page asks the database a fixed, small number of questions, in Dutch and in
Arabic, and the number does not grow with the offers on the page (issue 19): a page that
asked once per offer would be fast with five offers and slow with a hundred."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from buurten.models import BuurtPage
from home.models import ThemaPage
from tests.factories import make_offer

# The most questions each page may ask (measured 3 December 2026, with room for one more;
# home, buurt, wijk, offer and theme again after issue 19: the frame per process, routing,
# the restricted sections per process).
# The buurt here has two offers, so it also shows its neighbours' offers (issue 17): 8
# questions for its own, 4 for the neighbouring buurten and their offers' needs, times and places.
LIMITS = {"home": 4, "buurt": 10, "wijk": 11, "offer": 9, "theme": 12, "search": 18, "list": 10}
TIMES = [{"weekday": 1, "opens_at": datetime.time(10), "closes_at": datetime.time(12)}]
PLACES = [
    {
        "name": "Buurthuis",
        "address": "Kanaalweg 1",
        "postcode": "3533 HP",
        "latitude": 52.08,
        "longitude": 5.09,
    }
]


def _urls(offers, prefix: str) -> dict[str, str]:
    with translation.override("nl"):
        urls = _dutch_urls(offers)
    return {name: prefix + url for name, url in urls.items()}


def _dutch_urls(offers) -> dict[str, str]:
    first = offers[0]
    return {
        "home": "/",
        "buurt": first.get_parent().url,
        "wijk": first.get_parent().get_parent().url,
        "offer": first.url,
        "theme": ThemaPage.objects.live().get(hulpvraag__code="ontmoeting").url,
        "search": "/zoeken/?q=koffie",
        "list": "/lijst/?ids=" + ",".join(str(o.pk) for o in offers),
    }


def _count(client, url: str) -> int:
    client.get(url)  # the site root, the vocabulary and the catalogue are kept per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_each_page_asks_a_fixed_number_of_questions(client, language):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    offers = [make_offer(buurt, tijden=TIMES, plekken=PLACES) for _ in range(2)]
    prefix = "" if language == "nl" else "/ar"
    few = {name: _count(client, url) for name, url in _urls(offers, prefix).items()}
    with translation.override("nl"):  # the editor's language, whatever the last page was
        offers += [make_offer(buurt, tijden=TIMES, plekken=PLACES) for _ in range(6)]
    more = {name: _count(client, url) for name, url in _urls(offers, prefix).items()}
    for name, limit in LIMITS.items():
        assert few[name] <= limit, (name, few[name])
        # Never more with more offers (a buurt with few shows its neighbours' offers too).
        assert more[name] <= few[name], (name, "grows with the offers", few[name], more[name])


def _other_language_columns(sql: str, language: str) -> set[str]:
    """The translation columns in ``sql`` of a language that is neither ``language`` nor Dutch
    (``"summary_en"``, ``"title_uk"``)."""
    others = [code for code in ("en", "ar", "tr", "pl", "uk") if code != language]
    return set(re.findall(rf'"(\w+_(?:{"|".join(others)}))"', sql))


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_each_page_reads_only_its_own_language_and_dutch(client, language):
    """An offer has six columns per translated field; a page reads two of them (bench/README.md:
    building and reading the other four was much of a page's time)."""
    buurt = BuurtPage.objects.get(title="Oog in Al")
    offers = [make_offer(buurt, tijden=TIMES, plekken=PLACES) for _ in range(2)]
    prefix = "" if language == "nl" else "/ar"
    for name, url in _urls(offers, prefix).items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        read = set().union(*(_other_language_columns(q["sql"], language) for q in queries))
        assert not read, (
            name,
            sorted(read)[:8],
            [q["sql"][:300] for q in queries if _other_language_columns(q["sql"], language)],
        )


def test_the_api_answers_in_another_language_without_a_question_per_offer(client):
    """A partner asking ``taal=ar`` gets the offers read in Arabic and Dutch at once, not one
    more question per offer for each Arabic text."""
    buurt = BuurtPage.objects.get(title="Oog in Al")
    for _ in range(4):
        make_offer(buurt, tijden=TIMES, plekken=PLACES)
    counts = {}
    for language in ("nl", "ar"):
        parameters = {"q": "koffie", "taal": language}
        client.get("/api/v1/zoeken", parameters)
        with CaptureQueriesContext(connection) as queries:
            answer = client.get("/api/v1/zoeken", parameters).json()
        assert len(answer["results"]) == 4, language
        counts[language] = len(queries)
    assert counts["ar"] <= counts["nl"], counts
