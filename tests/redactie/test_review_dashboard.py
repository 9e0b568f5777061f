"""Issue 18: the coordinator's dashboard lists the offers waiting for their review, each with
the result of its checks (language level, accessibility errors) and a link to the review;
editors and the coordinators of another wijk do not see them."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from buurten.models import WijkPage
from redactie.roles import buurt_group_name, wijk_group_name
from tests.factories import make_offer, person
from tests.redactie.language_scan import problems, visible_text
from tests.redactie.test_roles import _post_data

pytestmark = pytest.mark.django_db

OFFICIAL = "Indien u reeds participeert, dient u zich teneinde verstrekking middels het formulier te melden."
PLAIN = "Elke dinsdag drinken buren samen koffie. Iedereen is welkom."
VAGUE_LINK = '<p><a href="/x">klik hier</a></p>'


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def submit(parent, title, user):
    offer = make_offer(parent, title=title, summary=OFFICIAL, body=VAGUE_LINK, publish=False)
    offer.save_revision(user=user)
    offer.get_workflow().start(offer, user)
    return offer


def review_panel(client, user) -> str | None:
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = re.search(r'id="wacht-op-uw-beoordeling-section".*?</section>', html, re.S)
    return panel.group(0) if panel else None


@pytest.fixture
def submitted(places, editor):
    other = person("voordorper", Group.objects.get(name=buurt_group_name(places["voordorp"])))
    return {
        "own": submit(places["oog_in_al"], "Taalcafé Oog in Al", editor),
        "elsewhere": submit(places["voordorp"], "Taalcafé Voordorp", other),
    }


def test_the_coordinator_sees_the_offer_of_their_wijk_with_its_checks(
    client, coordinator, submitted
):
    panel = review_panel(client, coordinator)
    assert panel, "no panel 'Wacht op uw beoordeling'"
    shown = text(panel)
    assert "Wacht op uw beoordeling" in shown
    assert "Taalcafé Oog in Al" in shown and "Taalcafé Voordorp" not in shown
    row = re.search(rf'data-review-page="{submitted["own"].pk}".*?</tr>', panel, re.S).group(0)
    assert "boven B1" in text(row)
    errors = submitted["own"].controle.toegankelijkheid_fouten
    assert errors >= 1 and f"{errors} fout" in text(row)
    assert reverse("wagtailadmin_pages:edit", args=[submitted["own"].pk]) in row
    # Wagtail's own panel with the same pages (without the checks) is gone.
    assert "awaiting-review" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_and_another_wijks_coordinator_do_not_see_it(client, editor, submitted):
    assert review_panel(client, editor) is None
    noordoost = WijkPage.objects.get(slug="noordoost")
    other = person("coordinator-noordoost", Group.objects.get(name=wijk_group_name(noordoost)))
    panel = review_panel(client, other)
    assert panel and "Taalcafé Oog in Al" not in text(panel)
    assert "Taalcafé Voordorp" in text(panel)


def test_after_approving_the_coordinator_reads_that_the_offer_is_online(
    client, coordinator, editor, places
):
    offer = make_offer(places["oog_in_al"], title="Koffie op dinsdag", summary=PLAIN, publish=False)
    offer.save_revision(user=editor)
    offer.get_workflow().start(offer, editor)  # the checks pass; the coordinator approves
    client.force_login(coordinator)
    data = {
        **_post_data(offer),
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": "{}",
    }
    url = reverse("wagtailadmin_pages:edit", args=[offer.pk])
    shown = visible_text(client.post(url, data, follow=True).content.decode())

    offer.refresh_from_db()
    assert offer.live
    assert "U heeft 'Koffie op dinsdag' goedgekeurd. De pagina staat nu op de website." in shown
    assert "is gewijzigd" not in shown
    assert not problems(shown), problems(shown)  # the listing: "1-1 van 1 pagina", "online"
