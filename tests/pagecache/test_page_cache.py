"""The full-page cache: anonymous visitors get stored pages, editors never do, and publishing,
unpublishing, moving or deleting an offer shows at once on every page that lists it."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from buurten.models import BuurtPage
from tests.factories import make_offer
from tests.services import redis_running

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def _twice(client, url):
    first, second = client.get(url), client.get(url)
    return first, second


def test_anonymous_visitors_get_the_stored_page_without_cookies(client, home):
    offer = make_offer(title="Soepmiddag")
    for url in ["/", offer.url, offer.get_parent().url, reverse("zoeken") + "?q=soep"]:
        first, second = _twice(client, url)
        assert first["X-Page-Cache"] == "miss", url
        assert second["X-Page-Cache"] == "hit", url
        assert first.content == second.content
        assert not first.cookies and not second.cookies
        assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
        assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
        assert second.has_header("Last-Modified")
    assert "Klopt er iets niet?" in client.get(offer.url).content.decode()


def test_conditional_get_answers_304(client, home):
    first = client.get("/")
    etag = first["ETag"]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    again = client.get("/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_each_query_and_path_has_its_own_entry(client, home):
    make_offer(title="Soepmiddag")
    soep = client.get(reverse("zoeken") + "?q=soep").content
    taal = client.get(reverse("zoeken") + "?q=taalcafe").content
    assert soep != taal


def test_logged_in_editors_never_get_a_stored_page(client, home, django_user_model):
    client.get("/")  # stored for residents
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.org", "x" * 16))
    response = client.get("/")
    assert not response.has_header("X-Page-Cache")
    assert "private" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(client, home):
    client.get("/")
    client.cookies["messages"] = "iets"
    assert not client.get("/").has_header("X-Page-Cache")


def test_publishing_shows_at_once_on_the_offer_buurt_and_search_pages(client, home):
    offer = make_offer(title="Soepmiddag")
    buurt = offer.get_parent().specific
    search = reverse("zoeken") + "?q=soep"
    for url in [offer.url, buurt.url, search]:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    offer.title = "Soepmiddag met muziek"
    offer.save_revision().publish()
    for url in [offer.url, buurt.url, search]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Soepmiddag met muziek" in response.content.decode(), url


def test_unpublishing_and_deleting_take_the_offer_off_every_page(client, home):
    offer = make_offer(title="Soepmiddag")
    buurt_url = offer.get_parent().url
    assert "Soepmiddag" in client.get(buurt_url).content.decode()
    client.get(offer.url)

    offer.unpublish()
    assert client.get(offer.url).status_code == 404
    assert "Soepmiddag" not in client.get(buurt_url).content.decode()

    other = make_offer(title="Breiclub")
    assert "Breiclub" in client.get(buurt_url).content.decode()
    url = other.url
    other.delete()
    assert client.get(url).status_code == 404
    assert "Breiclub" not in client.get(buurt_url).content.decode()


def test_moving_an_offer_shows_it_under_its_new_buurt(client, home):
    offer = make_offer(title="Soepmiddag")
    old_buurt = offer.get_parent().specific
    new_buurt = BuurtPage.objects.exclude(pk=old_buurt.pk).first()
    old_url = offer.url
    client.get(old_url)
    client.get(new_buurt.url)

    offer.move(new_buurt, pos="last-child")
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the stored page
    assert moved.status_code == 301
    assert moved["Location"] == offer.specific_class.objects.get(pk=offer.pk).url
    assert "Soepmiddag" in client.get(new_buurt.url).content.decode()


@pytest.mark.skipif(not redis_running(), reason="Redis is not running on 127.0.0.1:6379")
def test_the_cache_works_on_redis_as_in_production(client, home):
    redis_cache = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "buurtwijzer-test",
        }
    }
    with override_settings(CACHES=redis_cache):
        caches["default"].clear()
        offer = make_offer(title="Soepmiddag")
        assert client.get(offer.url)["X-Page-Cache"] == "miss"
        assert client.get(offer.url)["X-Page-Cache"] == "hit"
        offer.title = "Soepmiddag met muziek"
        offer.save_revision().publish()
        response = client.get(offer.url)
        assert response["X-Page-Cache"] == "miss"
        assert "Soepmiddag met muziek" in response.content.decode()
        caches["default"].clear()


def test_a_search_from_the_cache_still_counts_for_the_overview(client, home):
    """The overview's search demand counts every search, also one answered from the cache."""
    from overzicht.models import Zoekvraag

    make_offer(title="Soepmiddag", needs=("eenzaamheid",))
    url = reverse("zoeken") + "?q=eenzaam"
    first, second = _twice(client, url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    counted = Zoekvraag.objects.get(need_code="eenzaamheid")
    assert (counted.searches, counted.found_nothing) == (2, 0)


def test_unknown_query_parameters_neither_fill_the_cache_nor_force_a_render(client, home):
    assert client.get("/")["X-Page-Cache"] == "miss"
    for query in ["?utm_source=nieuwsbrief", "?x=1a2b3c", "?x=9z8y7x&utm_medium=mail"]:
        assert client.get("/" + query)["X-Page-Cache"] == "hit", query
    search = reverse("zoeken")
    client.get(search + "?q=soep&gratis=1")
    assert client.get(search + "?gratis=1&q=soep&fbclid=abc")["X-Page-Cache"] == "hit"
    assert client.get(search + "?q=taal")["X-Page-Cache"] == "miss"


def test_every_search_parameter_is_part_of_the_cache_key():
    from pagecache.settings import QUERY_PARAMETERS
    from search.forms import SearchForm

    assert set(SearchForm.base_fields) <= set(QUERY_PARAMETERS)
