"""The A4 sheet says what a resident can do: the right way to make an appointment, the
registration note in their language, and the referrer's name and note (never stored)."""

from datetime import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def sheet(client, *offers, prefix="", **params):
    ids = ",".join(str(o.pk) for o in offers)
    with translation.override("nl"):  # an earlier request may leave its language active
        url = prefix + reverse("lijst:sheet")
    return client.get(url, {"ids": ids, **params})


def when_text(client, offer) -> str:
    soup = BeautifulSoup(sheet(client, offer).content, "html.parser")
    facts = soup.select_one(f"article[aria-labelledby=blad-{offer.pk}] dl")
    return facts.find("dt", string="Wanneer").find_next_sibling("dd").get_text(" ", strip=True)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"phone": "030 123 4567", "email": "info@example.org"}, "Bel of mail voor een afspraak."),
        ({"contact_phone": "030 123 4567"}, "Geen vaste tijden. Bel voor een afspraak."),
        ({"email": "info@example.org"}, "Geen vaste tijden. Mail voor een afspraak."),
        ({"website": "https://example.org"}, "Kijk op de website via de QR-code."),
        ({}, "Geen vaste tijden."),
    ],
)
def test_without_times_the_sheet_names_only_ways_of_contact_the_offer_has(client, fields, expected):
    offer = make_offer(title="Spreekuur zonder tijden", **fields)
    text = when_text(client, offer)
    assert text.endswith(expected), text
    if "phone" not in fields and "contact_phone" not in fields:
        assert "Bel" not in text
    if "email" not in fields:
        assert "mail" not in text


def test_the_registration_note_is_in_the_residents_language(client):
    offer = make_offer(
        title="Taalcafé",
        registration_note="Bel Fatima.",
        registration_note_ar="اتصل بفاطمة.",
    )
    other = make_offer(title="Koffie", registration_note="Bel Karim.")
    html = sheet(client, offer, prefix="/ar").content.decode()
    assert "اتصل بفاطمة." in html and "Bel Fatima." not in html
    # No translation: the Dutch note, marked as Dutch (read left to right inside Arabic).
    soup = BeautifulSoup(sheet(client, other, prefix="/ar").content, "html.parser")
    note = soup.find(string="Bel Karim.").parent
    assert note.get("lang") == "nl" and note.get("dir") == "ltr"


def test_the_referrers_name_and_note_are_printed_escaped_short_and_not_stored(client):
    offer = make_offer(title="Taalcafé")
    plain = sheet(client, offer)
    assert "private" not in plain.get("Cache-Control", "")
    response = sheet(
        client,
        offer,
        van="Sanne de Vries, buurtteam West<script>alert(1)</script>",
        notitie="Dinsdag om 14.00 uur.\nVraag naar Fatima. " + "x" * 2000,
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    box = soup.select_one(".bw-blad__van")
    assert "Sanne de Vries, buurtteam West" in box.get_text()
    note = box.select_one(".bw-blad__notitie")
    assert note.get_text("|").startswith("Dinsdag om 14.00 uur.|Vraag naar Fatima.")
    assert len(note.get_text()) <= 400
    assert len(box.get_text()) < 600


def test_a_stored_sheet_is_not_served_for_one_with_a_name(client):
    offer = make_offer(title="Taalcafé")
    cache.clear()
    try:
        with override_settings(BUURTWIJZER_PAGE_CACHE=True):
            sheet(client, offer)
            assert sheet(client, offer)["X-Page-Cache"] == "hit"
            named = sheet(client, offer, van="Sanne")
            assert "Sanne" in named.content.decode()
            assert named.get("X-Page-Cache") != "hit"
            again = sheet(client, offer, van="Sanne")
            assert again.get("X-Page-Cache") != "hit"  # never stored
    finally:
        cache.clear()


def test_the_list_page_has_a_form_for_the_name_and_note(client):
    first = make_offer(title="Taalcafé")
    second = make_offer(title="Koffie")
    html = client.get(reverse("lijst:shortlist"), {"ids": f"{first.pk},{second.pk}"}).content
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", action=reverse("lijst:sheet"))
    assert form is not None and form.get("method") == "get"
    assert form.find("input", attrs={"name": "ids"})["value"] == f"{first.pk},{second.pk}"
    name = form.find("input", attrs={"name": "van"})
    assert soup.find("label", attrs={"for": name["id"]}) and name["maxlength"] == "80"
    note = form.find("textarea", attrs={"name": "notitie"})
    assert soup.find("label", attrs={"for": note["id"]}) and note["maxlength"] == "400"


def _every(days, opens=8, closes=17):
    return [
        {"weekday": day, "opens_at": time(opens, 30), "closes_at": time(closes)} for day in days
    ]


@pytest.mark.parametrize(
    "tijden, expected",
    [
        (_every(range(5)), "Maandag tot en met vrijdag, 8.30 tot 17.00 uur"),
        (_every(range(7)), "Elke dag, 8.30 tot 17.00 uur"),
        (
            _every([0, 1]),
            "Elke maandag, 8.30 tot 17.00 uur Elke dinsdag, 8.30 tot 17.00 uur",
        ),
        (
            _every(range(3)) + _every([4], closes=12),
            "Maandag tot en met woensdag, 8.30 tot 17.00 uur Elke vrijdag, 8.30 tot 12.00 uur",
        ),
    ],
)
def test_weekdays_with_the_same_hours_are_one_line(client, tijden, expected):
    """As people write opening hours: 'Maandag tot en met vrijdag', not five lines."""
    offer = make_offer(title="Spreekuur op werkdagen", tijden=tijden)
    assert when_text(client, offer) == expected
    page = client.get(offer.url).content.decode()
    assert expected.split(" Elke ")[0] in " ".join(
        BeautifulSoup(page, "html.parser").get_text(" ").split()
    )


def contact_text(client, offer) -> str:
    soup = BeautifulSoup(sheet(client, offer).content, "html.parser")
    facts = soup.select_one(f"article[aria-labelledby=blad-{offer.pk}] dl")
    return (
        facts.find("dt", string="Eerste contact").find_next_sibling("dd").get_text(" ", strip=True)
    )


def test_the_first_contact_gives_each_phone_number_and_address_once(client):
    """The contact person's number is the offer's number on most offers: printed once."""
    same = make_offer(
        title="Schuldhulp",
        contact_name="Anja",
        contact_phone="030 123 4567",
        phone="030 123 4567",
        contact_email="anja@example.org",
        email="anja@example.org",
    )
    text = contact_text(client, same)
    assert text.count("030 123 4567") == 1 and text.count("anja@example.org") == 1, text
    assert text.startswith("Vraag naar Anja"), text

    other = make_offer(
        title="Taalhulp",
        contact_name="Karim",
        contact_phone="06 1234 5678",
        phone="030 765 4321",
        email="info@example.org",
    )
    text = contact_text(client, other)
    assert "06 1234 5678" in text and "Telefoon: 030 765 4321" in text, text
    assert "E-mail: info@example.org" in text, text
