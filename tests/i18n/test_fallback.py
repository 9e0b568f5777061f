"""A field without a translation shows the Dutch text, marked lang="nl" dir="ltr", with a
short notice in the visitor's language. Never an empty page."""

import re

import pytest

from buurten.models import BuurtPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

NOTICE = "Deze informatie is alleen in het Nederlands."
NOTICE_EN = "This information is only available in Dutch."
NOTICE_AR = "هذه المعلومات متوفرة باللغة الهولندية فقط."


@pytest.fixture
def offer():
    return make_offer(
        BuurtPage.objects.get(title="Oog in Al"),
        title="Koffie-ochtend",
        title_en="Coffee morning",
        summary="Elke week koffie drinken met buren.",
        summary_en="Coffee with neighbours every week.",
        body="<p>Neem gerust iemand mee.</p>",
        tijden=[
            {"weekday": 1, "opens_at": "10:00", "closes_at": "12:00", "note": "Behalve in de zomer"}
        ],
    )


def test_translated_fields_show_in_the_visitors_language_without_a_notice(client, offer):
    html = client.get("/en" + offer.url).content.decode()
    assert re.search(r'<h1 class="utrecht-heading-1">Coffee morning</h1>', html)
    assert re.search(
        r'<p class="utrecht-paragraph utrecht-paragraph--lead">Coffee with neighbours', html
    )


def test_untranslated_body_is_dutch_marked_as_such_with_a_notice(client, offer):
    html = client.get("/en" + offer.url).content.decode()
    assert re.search(
        r'<div class="bw-richtext" lang="nl" dir="ltr"><p>Neem gerust iemand mee.</p></div>', html
    )
    assert html.count(NOTICE_EN) >= 1  # the notice in the visitor's language (locale/en)
    assert re.search(r'<span lang="nl" dir="ltr">Behalve in de zomer</span>', html)


def test_arabic_page_shows_dutch_fallback_left_to_right_inside_right_to_left(client, offer):
    html = client.get("/ar" + offer.url).content.decode()
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert re.search(r'<h1 class="utrecht-heading-1" lang="nl" dir="ltr">Koffie-ochtend</h1>', html)
    lead = re.search(
        r'<p class="utrecht-paragraph utrecht-paragraph--lead" lang="nl" dir="ltr">Elke week koffie drinken met buren.</p>\s*<p class="bw-fallback-notice">([^<]+)</p>',
        html,
    )
    assert lead, "the summary falls back to Dutch, followed by the notice"
    # The notice itself is in the page's language: it carries no lang of its own.
    assert lead.group(1) == NOTICE_AR and 'class="bw-fallback-notice" lang' not in html


def test_dutch_page_has_no_notice(client, offer):
    html = client.get(offer.url).content.decode()
    assert NOTICE not in html
    assert (
        'lang="nl" dir="ltr">'
        not in html.split("<body", 1)[1].split('<nav class="bw-languages"')[0]
    )


def test_every_language_gets_a_full_page(client, offer):
    url = offer.url
    for language in ("tr", "pl", "uk"):
        html = client.get(f"/{language}{url}").content.decode()
        assert "Koffie-ochtend" in html and "Elke week koffie drinken met buren." in html
