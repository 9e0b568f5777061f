"""A buurt page with few offers also shows what is in the buurten next to it, in the same wijk,
nearest first, marked as elsewhere (issue 17)."""

import pytest
from bs4 import BeautifulSoup

from buurten.models import BuurtPage, WijkPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def nearby_section(client, buurt, prefix=""):
    soup = BeautifulSoup(client.get(prefix + buurt.url).content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": "dichtbij-kop"})


def by_distance(buurt):
    others = BuurtPage.objects.sibling_of(buurt, inclusive=False).live()
    return sorted(others, key=buurt._distance)


def test_few_offers_nearest_buurten_of_the_wijk_first_marked_as_elsewhere(client):
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    siblings = by_distance(oog_in_al)
    nearest, farthest = siblings[0], siblings[-1]
    make_offer(oog_in_al, title="Koffie in Oog in Al")
    make_offer(farthest, title="Aaa ver weg")
    make_offer(nearest, title="Zzz dichtbij")
    make_offer(BuurtPage.objects.get(title__startswith="Voordorp"), title="In een andere wijk")
    section = nearby_section(client, oog_in_al)
    assert section is not None
    titles = [h.get_text(strip=True) for h in section.select(".bw-card__title")]
    assert titles == ["Zzz dichtbij", "Aaa ver weg"]  # by distance, not by title
    marks = [p.get_text(" ", strip=True) for p in section.select(".bw-card__dichtbij")]
    assert marks == [f"Buurt ernaast: {nearest.title}", f"Buurt ernaast: {farthest.title}"]
    assert section.find("a", href=WijkPage.objects.get(slug="west").url)
    # The buurt's own offer stays in its own section, once.
    html = client.get(oog_in_al.url).content.decode()
    assert html.count(">Koffie in Oog in Al<") == 1 and "Koffie in Oog in Al" not in str(section)


def test_a_buurt_with_enough_offers_shows_only_its_own(client):
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    for n in range(3):
        make_offer(oog_in_al, title=f"Eigen aanbod {n}")
    make_offer(by_distance(oog_in_al)[0], title="Dichtbij")
    assert nearby_section(client, oog_in_al) is None


def test_at_most_four_nearby_and_in_the_visitors_language(client):
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    nearest = by_distance(oog_in_al)[0]
    for n in range(6):
        make_offer(nearest, title=f"Dichtbij {n}")
    section = nearby_section(client, oog_in_al, prefix="/ar")
    assert len(section.select(".bw-card")) == 4
    assert "Buurt ernaast" not in section.get_text()
