"""Publishing an offer empties only the cached pages that show it: the other offers and the
other buurten stay stored (the mixed load lost half its throughput to every publish)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from aanbod.models import Organisatie
from buurten.models import BuurtPage
from pagecache import invalidation
from tests.factories import make_offer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def two_buurten():
    here = BuurtPage.objects.get(title="Oog in Al")
    elsewhere = BuurtPage.objects.exclude(path__startswith=here.get_parent().path).first()
    return here, elsewhere


def _states(client, urls) -> list[str]:
    return [client.get(url)["X-Page-Cache"] for url in urls]


def test_publishing_an_offer_keeps_other_offers_and_buurten_cached(client, home, two_buurten):
    here, elsewhere = two_buurten
    offer = make_offer(here, title="Soepmiddag")
    neighbour = make_offer(here, title="Breiclub")
    far = make_offer(elsewhere, title="Moestuin")
    kept = [neighbour.url, far.url, elsewhere.url]
    emptied = [offer.url, here.url, here.get_parent().url, "/", reverse("zoeken") + "?q=soep"]
    for url in kept + emptied:
        client.get(url)
    assert set(_states(client, kept + emptied)) == {"hit"}

    offer.title = "Soepmiddag met muziek"
    offer.save_revision().publish()

    assert _states(client, kept) == ["hit"] * len(kept)
    for url in emptied:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
    assert "Soepmiddag met muziek" in client.get(here.url).content.decode()


def test_a_buurt_the_offer_no_longer_serves_is_updated(client, home, two_buurten):
    here, elsewhere = two_buurten
    offer = make_offer(here, title="Soepmiddag", also_serves=[elsewhere])
    assert "Soepmiddag" in client.get(elsewhere.url).content.decode()
    assert client.get(elsewhere.url)["X-Page-Cache"] == "hit"

    offer.also_serves = []
    offer.save_revision().publish()

    assert "Soepmiddag" not in client.get(elsewhere.url).content.decode()


def test_an_offer_page_shows_its_partners_new_title(client, home, two_buurten):
    here, elsewhere = two_buurten
    partner = make_offer(elsewhere, title="Taalmaatje")
    offer = make_offer(here, title="Taalcafé", paired_offer=partner)
    assert "Taalmaatje" in client.get(offer.url).content.decode()
    assert "Taalcafé" in client.get(partner.url).content.decode()  # named by the other

    partner.title = "Taalmaatje Utrecht"
    partner.save_revision().publish()
    assert "Taalmaatje Utrecht" in client.get(offer.url).content.decode()

    offer.paired_offer = None
    offer.save_revision().publish()
    assert "Taalcafé" not in client.get(partner.url).content.decode()


def test_an_organisation_changed_empties_every_page(client, home, two_buurten):
    here, _elsewhere = two_buurten
    organisatie = Organisatie.objects.create(name="Buurtteam West")
    offer = make_offer(here, organisatie=organisatie)
    client.get(offer.url)
    organisatie.name = "Buurtteam Utrecht West"
    organisatie.save()
    response = client.get(offer.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Buurtteam Utrecht West" in response.content.decode()


def test_a_version_the_cache_lost_makes_its_pages_outdated(client, home):
    offer = make_offer(title="Soepmiddag")
    client.get(offer.url)
    assert client.get(offer.url)["X-Page-Cache"] == "hit"
    cache.delete(f"pagecache:version:{invalidation.page_scope(offer.pk)}")  # evicted
    assert client.get(offer.url)["X-Page-Cache"] == "miss"
