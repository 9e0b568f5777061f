"""The addresses on buurt pages and search results; the map only as an offer."""

import pytest
from django.urls import reverse

from buurten.models import BuurtPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db
TILES = "https://tegels.example.test/{z}/{x}/{y}.png"


@pytest.fixture
def offer():
    return make_offer(
        BuurtPage.objects.get(title="Oog in Al"),
        title="Buurthuis aan het kanaal",
        plekken=[
            {
                "name": "Buurthuis De Kade",
                "address": "Kanaalweg 10",
                "postcode": "3526KL",
                "latitude": 52.0849,
                "longitude": 5.0952,
            }
        ],
    )


def test_without_the_setting_only_the_addresses(client, offer, settings):
    settings.BUURTWIJZER_MAP_TILES_URL = ""
    html = client.get(offer.get_parent().url).content.decode()
    assert "Buurthuis De Kade, Kanaalweg 10, 3526 KL Utrecht" in html
    assert "Toon kaart" not in html and "kaart.js" not in html and "tegels" not in html


def test_with_the_setting_a_hidden_button_and_nothing_loaded(client, offer, settings):
    settings.BUURTWIJZER_MAP_TILES_URL = TILES
    for url in (offer.get_parent().url, f"{reverse('zoeken')}?q=buurthuis"):
        html = client.get(url).content.decode()
        assert "Kanaalweg 10" in html
        button = html[html.index("bw-kaart-knop") - 80 : html.index("Toon kaart")]
        assert " hidden>" in button  # shown by kaart.js only
        assert 'data-lat="52.084900"' in html
        assert "leaflet.js" not in html.split("data-leaflet-js")[0]  # no <script> for Leaflet
        assert "<img" not in html.split("bw-kaart-blok")[1]
