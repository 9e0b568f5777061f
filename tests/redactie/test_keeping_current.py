"""Issue 18 point 5: "Klopt nog" as a visible button on the edit page, a bulk action for
several offers, and the coordinator's dashboard with the overdue offers and open reports of
their wijk."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from redactie.models import Melding
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2025, 1, 10)


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def klopt_nog_url(offer):
    return reverse("redactie_klopt_nog", args=[offer.pk])


def test_klopt_nog_is_a_visible_button_in_the_edit_header_not_in_the_menu(client, editor, places):
    offer = places["own"]
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()

    nav = re.search(r'<nav aria-label="Acties" id="w-slim-header-buttons".*?</nav>', html, re.S)
    assert nav
    dropdown = nav.group(0).find('data-controller="w-dropdown')
    button = nav.group(0).find(f'href="{klopt_nog_url(offer)}"')
    assert button >= 0 and (dropdown < 0 or button < dropdown)
    assert html.count(f'href="{klopt_nog_url(offer)}"') == 1  # not in the "..." menu too


def bulk_url(offers, parent):
    ids = "&".join(f"id={offer.pk}" for offer in offers)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "klopt-nog"])
    explorer = reverse("wagtailadmin_explore", args=[parent.pk])
    return f"{url}?{ids}&childOf={parent.pk}&next={explorer}"


def test_the_bulk_action_confirms_several_offers_and_leaves_the_others(client, editor, places):
    buurt = places["oog_in_al"]
    first = make_offer(buurt, title="Breicafé", last_verified=LONG_AGO)
    second = make_offer(buurt, title="Moestuin", last_verified=LONG_AGO)
    other = make_offer(places["lombok"], title="Lombok", last_verified=LONG_AGO)  # not theirs
    client.force_login(editor)
    explorer = client.get(reverse("wagtailadmin_explore", args=[buurt.pk])).content.decode()
    assert "klopt-nog" in explorer  # the action is offered in the listing's bulk bar

    url = bulk_url([first, second, other], buurt)
    question = text(client.get(url).content.decode())
    assert "Breicafé" in question and "Moestuin" in question
    assert "kunt u hier niet op vandaag zetten" in question

    response = client.post(url, follow=True)

    today = timezone.localdate()
    for offer in (first, second):
        offer.refresh_from_db()
        assert offer.last_verified == today
    other.refresh_from_db()
    assert other.last_verified != today
    assert "2 pagina's zijn gecontroleerd" in text(response.content.decode())


def test_the_coordinators_dashboard_lists_overdue_offers_and_open_reports_of_their_wijk(
    client, coordinator, places
):
    make_offer(places["lombok"], title="Oude moestuin", last_verified=LONG_AGO)
    make_offer(places["voordorp"], title="Oud in Noordoost", last_verified=LONG_AGO)
    Melding.objects.create(page=places["own"], message="De tijden kloppen niet meer.")
    Melding.objects.create(page=places["elsewhere"], message="Ander adres in Noordoost.")
    Melding.objects.create(page=places["same_wijk"], message="Al gedaan.", afgehandeld=True)
    client.force_login(coordinator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    panel = re.search(r'id="in-uw-wijk-section".*?</section>', html, re.S)
    assert panel, "no panel 'In uw wijk'"
    shown = text(panel.group(0))
    assert "Oude moestuin" in shown and "Oud in Noordoost" not in shown
    assert "De tijden kloppen niet meer." in shown
    assert "Ander adres in Noordoost" not in shown and "Al gedaan" not in shown
    assert "Open meldingen van bezoekers (1)" in shown


def test_a_buurt_editor_has_no_wijk_panel(client, editor):
    client.force_login(editor)
    assert "in-uw-wijk" not in client.get(reverse("wagtailadmin_home")).content.decode()
