"""The map loads nothing from a third party until the visitor presses "Toon kaart"."""

import base64
from urllib.parse import urlsplit

from buurten.models import BuurtPage
from tests.factories import make_offer

TILES_HOST = "tegels.example.test"
# a 1x1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def _buurt_with_offers():
    buurt = BuurtPage.objects.get(title="Oog in Al")
    for n, (lat, lon) in enumerate([(52.0849, 5.0952), (52.0870, 5.0990)]):
        make_offer(
            buurt,
            title=f"Buurthuis {n}",
            plekken=[
                {
                    "address": f"Kanaalweg {n + 1}",
                    "postcode": "3526KL",
                    "latitude": lat,
                    "longitude": lon,
                }
            ],
        )
    return buurt


def test_no_third_party_request_before_toon_kaart(page, settings):
    settings.BUURTWIJZER_MAP_TILES_URL = f"https://{TILES_HOST}/{{z}}/{{x}}/{{y}}.png"
    buurt = _buurt_with_offers()
    own_host = urlsplit(page.base_url).netloc
    requests = []

    def route(route):
        url = route.request.url
        requests.append(url)
        host = urlsplit(url).netloc
        if host == TILES_HOST:
            route.fulfill(status=200, content_type="image/png", body=PNG)
        elif host == own_host or url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    page.context.route("**/*", route)
    page.goto(page.base_url + buurt.url)
    button = page.get_by_role("button", name="Toon kaart")
    button.wait_for()  # kaart.js shows it
    assert page.get_by_text("Kanaalweg 1, 3526 KL Utrecht").is_visible()
    page.wait_for_load_state("networkidle")
    third_party = [u for u in requests if urlsplit(u).netloc not in (own_host, "")]
    assert third_party == []
    assert not any("leaflet" in u for u in requests), "Leaflet loads only on request"

    button.click()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    tiles = [u for u in requests if urlsplit(u).netloc == TILES_HOST]
    assert tiles and all(u.endswith(".png") for u in tiles)
    assert any(u.startswith(page.base_url + "/static/kaart/leaflet/leaflet.js") for u in requests)
    assert page.locator(".leaflet-marker-icon").count() == 2
    assert [u for u in requests if urlsplit(u).netloc not in (own_host, TILES_HOST, "")] == []


def test_without_javascript_only_the_addresses(browser, live_server, settings):
    settings.BUURTWIJZER_MAP_TILES_URL = f"https://{TILES_HOST}/{{z}}/{{x}}/{{y}}.png"
    buurt = _buurt_with_offers()
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(live_server.url + buurt.url)
        assert page.get_by_text("Kanaalweg 2, 3526 KL Utrecht").is_visible()
        assert not page.get_by_role("button", name="Toon kaart").is_visible()
    finally:
        context.close()
