"""Carer and cared-for together: a paired offer shows on both pages and right after its
partner in the search results, marked."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanbod.models import AanbodPage
from search import catalogue, related, vocabulary
from tests.factories import make_offer

pytestmark = pytest.mark.django_db
T = datetime.time


@pytest.fixture(autouse=True)
def fresh_search_memory():
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()
    yield
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()


@pytest.fixture
def pair():
    activity = make_offer(
        title="Dagactiviteit Het Atelier",
        summary="Schilderen en kletsen voor mensen met geheugenproblemen.",
        needs=("activering",),
        tijden=[{"weekday": 0, "opens_at": T(13), "closes_at": T(16)}],
    )
    carer = make_offer(
        title="Adempauze voor mantelzorgers",
        summary="Even vrij van de zorg: een kop koffie met andere mantelzorgers.",
        needs=("respijtzorg", "mantelzorg"),
        kind=AanbodPage.Kind.RESPIJTZORG,
        paired_offer=activity,
        tijden=[{"weekday": 0, "opens_at": T(13), "closes_at": T(15)}],
    )
    return carer, activity


def titles_in_results(html: str) -> list[str]:
    return re.findall(r'id="resultaat-\d+"><a class="utrecht-link" href="[^"]+">([^<]+)</a>', html)


def test_both_offer_pages_show_the_pair(client, pair):
    carer, activity = pair
    html = client.get(carer.url).content.decode()
    assert "Samen met uw naaste" in html
    assert f'href="{activity.url}"' in html and "activiteit voor uw naaste" in html
    html = client.get(activity.url).content.decode()
    assert f'href="{carer.url}"' in html and "iets voor de mantelzorger" in html


def test_an_ended_partner_is_not_shown(client, pair):
    carer, activity = pair
    activity.status = AanbodPage.Status.BEEINDIGD
    activity.save_revision().publish()
    assert "Samen met uw naaste" not in client.get(carer.url).content.decode()


def test_search_for_respite_shows_the_partner_right_after_marked(client, pair):
    carer, activity = pair
    html = client.get(reverse("zoeken"), {"q": "even vrij van de zorg"}).content.decode()
    found = titles_in_results(html)
    assert carer.title in found
    assert found[found.index(carer.title) + 1] == activity.title
    after = html[html.index(f'id="resultaat-{carer.pk}"') :]
    assert "bw-card--samen" in after and "Samen: voor uw naaste" in after
    assert "Op hetzelfde moment als Adempauze voor mantelzorgers" in after


def test_the_partner_stands_once(client, pair):
    carer, activity = pair
    activity.needs = list(carer.needs.all())
    activity.save_revision().publish()
    catalogue.forget()
    html = client.get(reverse("zoeken"), {"q": "respijtzorg"}).content.decode()
    found = titles_in_results(html)
    assert found.count(activity.title) == 1 and found.count(carer.title) == 1
    assert abs(found.index(carer.title) - found.index(activity.title)) == 1, found


def test_an_offer_cannot_pair_with_itself(pair):
    carer, _activity = pair
    carer.paired_offer = carer
    with pytest.raises(ValidationError) as raised:
        carer.full_clean()
    assert "paired_offer" in raised.value.message_dict
