"""Privacy: no request to another site, no cookies for residents, no IP addresses in the
logs, and a privacy statement that says so in plain Dutch."""

import io
import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, override_settings
from django.urls import reverse

from home.models import StandardPage
from inrichting.pages import EARLIER_SEED_TEXTS, STANDARD_PAGES, ensure_standard_pages
from security.log_privacy import RedactAddresses
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

# Attributes that make a browser fetch something (or send a form) on its own.
FETCHING = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*?\b(?:src|data|poster)=\"([^\"]*)\""
    r"|<link\b[^>]*?\bhref=\"([^\"]*)\""
    r"|\bsrcset=\"([^\"]*)\""
    r"|<form\b[^>]*?\baction=\"([^\"]*)\""
    r"|url\(\s*['\"]?([^'\")]+)",
    re.IGNORECASE,
)


def _public_urls(home):
    offer = make_offer(
        title="Soepmiddag",
        website="https://www.example.org/soep",
        plekken=[{"name": "Buurthuis", "address": "Kanaalstraat 1", "postcode": "3531 CJ"}],
    )
    return [
        "/",
        "/?postcode=3531CJ",
        offer.url,
        offer.get_parent().url,
        offer.get_parent().get_parent().url,
        reverse("zoeken") + "?q=soep",
        *[page.url for page in StandardPage.objects.live()],
        "/bestaat-niet/",
    ]


def _other_hosts(html: str) -> list[str]:
    found = []
    for match in FETCHING.finditer(html):
        for value in filter(None, match.groups()):
            for url in value.split(","):
                url = url.strip().split(" ")[0]
                host = urlsplit(url).netloc
                if url.startswith("//") or (host and host != "testserver"):
                    found.append(url)
    return found


def test_no_page_makes_the_browser_contact_another_site(home):
    client = Client()
    for url in _public_urls(home):
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        assert _other_hosts(html) == [], url
        # ... and the Content-Security-Policy would stop it if one slipped in.
        assert "default-src 'self'" in response["Content-Security-Policy"]


def test_the_stylesheets_load_nothing_from_elsewhere():
    for name in ["css/buurtwijzer.css", "css/print.css"]:
        css = Path(finders.find(name)).read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), name
        assert "@import" not in css or not re.search(r"@import\s+['\"]?(https?:)?//", css)


def test_residents_get_no_cookies(home):
    client = Client()
    for url in _public_urls(home):
        response = client.get(url, follow=True)
        assert not response.cookies, (url, response.cookies)
    assert not client.cookies


def _console_output(run) -> str:
    """What the site's own console handler (settings.LOGGING) writes while ``run`` runs."""
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactAddresses) for f in handler.filters)
    ]
    assert handlers, "the console log handler with the address filter is configured"
    stream = io.StringIO()
    # Swap the stream directly: setStream() would flush the old one, which pytest may have
    # closed already.
    old = [handler.stream for handler in handlers]
    for handler in handlers:
        handler.stream = stream
    try:
        run()
    finally:
        for handler, previous in zip(handlers, old, strict=True):
            handler.stream = previous
    return stream.getvalue()


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_no_visitor_address_in_the_logs(home):
    address, forwarded = "203.0.113.77", "198.51.100.23"
    offer = make_offer()
    client = Client(REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded)

    def requests():
        client.get("/bestaat-niet/")  # 404 warning
        client.get(reverse("zoeken"), {"q": "x" * 500})  # 400 warning
        client.post(  # 403 warning
            reverse("redactie:melding", args=[offer.pk]),
            {"message": "hallo"},
            HTTP_ORIGIN="https://kwaad.example",
        )
        client.get("/", HTTP_HOST=f"{address}:8000")  # DisallowedHost names the host
        logging.getLogger("aanbod").warning("Verzoek van %s", forwarded)  # a careless line

    output = _console_output(requests)
    assert "Not Found" in output and "Forbidden" in output  # the lines are there
    assert address not in output
    assert forwarded not in output
    assert "[adres]" in output


def test_the_privacy_statement_says_it_in_plain_dutch(home, client):
    page = StandardPage.objects.get(slug="privacy")
    text = client.get(page.url).content.decode()
    for words in [
        "U krijgt van ons geen cookies",
        "laadt niets van andere websites",
        "als u zelf om de kaart vraagt",
        "IP-adres",
        "komt niet in onze logboeken",
        "alleen wat u typt",
    ]:
        assert words in text, words


def test_setup_site_updates_an_untouched_old_privacy_page_and_keeps_an_edited_one(home):
    page = StandardPage.objects.get(slug="privacy")
    old_intro, old_body = EARLIER_SEED_TEXTS["privacy"][0]
    page.intro, page.body = old_intro, old_body
    page.save_revision().publish()

    ensure_standard_pages(home)
    page.refresh_from_db()
    new = next(data for data in STANDARD_PAGES if data["slug"] == "privacy")
    assert page.body == new["body"]
    revisions = page.revisions.count()
    ensure_standard_pages(home)  # again: nothing changes
    assert page.revisions.count() == revisions

    page.body = "<p>Onze eigen tekst.</p>"
    page.save_revision().publish()
    ensure_standard_pages(home)
    page.refresh_from_db()
    assert page.body == "<p>Onze eigen tekst.</p>"


def test_no_analytics_or_tracking_settings():
    assert not any("analytics" in app or "tracking" in app for app in settings.INSTALLED_APPS)
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
