"""Issue 18 point 4: the checks panel groups its findings by rule and by sentence, the worst
first, with how many, and puts the plainer word next to the officialese one; an empty new offer
gets no verdict; after submitting, the B1 warning is shown once."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from buurten.models import BuurtPage
from redactie.roles import buurt_group_name
from tests.factories import make_offer, person
from tests.redactie.test_roles import _post_data

pytestmark = pytest.mark.django_db

OFFICIAL = (
    "Indien u vragen heeft, kunt u ons bellen. "
    "Indien u wilt, kunt u teneinde kennis te maken langskomen. "
    "Wij verstrekken informatie aan iedereen die langskomt en vragen heeft over geld, over "
    "werk, over wonen, over de buurt, over zorg, over school en over alle andere dingen."
)


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def edit_html(client, offer) -> str:
    return client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()


def panel(html: str) -> str:
    start = html.index('<div class="bw-checks" data-bw-checks')
    return html[start : html.index("data-bw-checks-status", start)]


def test_findings_are_grouped_by_rule_and_sentence_worst_first_with_counts(admin_client):
    offer = make_offer(summary=OFFICIAL)
    html = panel(edit_html(admin_client, offer))

    groups = re.findall(
        r'<details class="bw-checks__group[^"]*" data-kind="([^"]+)" data-count="(\d+)"', html
    )
    kinds = [kind for kind, _count in groups]
    assert len(kinds) == len(set(kinds))  # one group per rule in the field
    assert kinds[0] == "sentence-too-long"  # "Moet beter" before "Kan beter"
    counts = dict(groups)
    assert counts["officialese"] == "4"  # Indien (twice), teneinde, verstrekken
    official = html[re.search(r'<details[^>]+data-kind="officialese"', html).start() :]
    official = official[: official.index("</details>")]
    # Each sentence once, with its words marked and the plainer word next to them.
    assert text(official).count("kunt u ons bellen") == 1
    assert "<mark>Indien</mark> <ins" in official
    assert re.search(r"<mark>teneinde</mark> <ins[^>]*>.*?</span>om</ins>", official, re.S)
    assert "(4×)" in text(official)
    overview = re.findall(r"data-bw-checks-overview>(.*?)</ul>", html, re.S)[0]
    assert text(overview).startswith("Moet beter: Zin te lang (1×)")


def test_an_empty_new_offer_gets_no_verdict(client, places_editor):
    buurt, editor = places_editor
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["aanbod", "aanbodpage", buurt.pk])
    html = panel(client.get(url).content.decode())
    assert "Lege kop" not in html
    assert "Goed leesbaar" not in html and "boven B1" not in html
    assert "Nog geen tekst" in text(html)


def test_after_submitting_the_b1_warning_is_shown_once(client, places_editor):
    """Wagtail autosaves the draft while the editor types (a JSON request); that is no reason
    for a warning, or it shows up again after submitting."""
    buurt, editor = places_editor
    offer = make_offer(buurt, summary="Elke week koffie met buren.")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[offer.pk])
    autosave = client.post(url, _post_data(offer, summary=OFFICIAL), HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200 and autosave.json()["success"]

    data = _post_data(offer, summary=OFFICIAL)
    data["action-submit"] = "1"
    response = client.post(url, data, follow=True)

    shown = text(response.content.decode())
    assert "ter goedkeuring ingediend" in shown
    assert shown.count("De tekst is boven B1") == 1


@pytest.fixture
def places_editor():
    buurt = BuurtPage.objects.get(title="Oog in Al")
    return buurt, person("bewoner", Group.objects.get(name=buurt_group_name(buurt)))
