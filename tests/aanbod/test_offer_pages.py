"""What residents see of an offer, and where offers appear."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbod.models import AanbodPage
from buurten.models import BuurtPage, WijkPage
from tests.factories import make_offer, make_organisatie

pytestmark = pytest.mark.django_db
T = datetime.time


def text_of(response) -> str:
    html = response.content.decode()
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def full_offer():
    return make_offer(
        title="Buurtkamer De Leeuw",
        summary="Een huiskamer voor de buurt. U drinkt koffie en praat met buren.",
        body="<p>Er is altijd iemand die u welkom heet.</p>",
        needs=("ontmoeting", "eenzaamheid"),
        groups=("ouderen",),
        kind=AanbodPage.Kind.ONTMOETINGSPLEK,
        organisatie=make_organisatie(name="Stichting Buurtkamers"),
        cost=AanbodPage.Cost.BEDRAG,
        cost_amount="2.50",
        cost_note="Met U-pas gratis",
        registration=AanbodPage.Registration.AANMELDEN,
        registration_note="Bel Fatima om u aan te melden.",
        referral="Het buurtteam belt ons. Een verwijsbrief is niet nodig.",
        eligibility="Voor mensen vanaf 55 jaar.",
        contact_name="Fatima",
        contact_role="coördinator",
        contact_phone="06 12345678",
        contact_email="fatima@example.org",
        phone="030 123 4567",
        email="info@example.org",
        website="https://example.org/buurtkamer",
        languages=["nl", "ar", "so"],
        rolstoel=True,
        rolstoel_note="Ingang zonder drempel",
        ringleiding=True,
        tijden=[
            {
                "weekday": 1,
                "opens_at": T(14),
                "closes_at": T(16, 30),
                "note": "Niet in de schoolvakanties",
            },
            {"weekday": 4, "opens_at": T(21), "closes_at": T(1), "past_midnight": True},
            {"date": datetime.date(2026, 12, 12), "opens_at": T(10), "closes_at": T(13)},
        ],
        plekken=[{"name": "Buurthuis De Leeuw", "address": "Kanaalweg 10", "postcode": "3533ab"}],
        last_verified=datetime.date(2026, 10, 1),
    )


def test_offer_page_shows_every_field_in_words(client, full_offer):
    response = client.get(full_offer.url)
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert text.index("Een huiskamer voor de buurt") < text.index("Wanneer")  # summary first
    for expected in [
        "Elke dinsdag, 14.00 tot 16.30 uur. Niet in de schoolvakanties",
        "Elke vrijdag, 21.00 tot 1.00 uur ('s nachts)",
        "12 december 2026",
        "Buurthuis De Leeuw",
        "Kanaalweg 10",
        "3533 AB Utrecht",
        "€ 2,50. Met U-pas gratis",
        "Eerst aanmelden",
        "Bel Fatima om u aan te melden.",
        "Voor mensen vanaf 55 jaar.",
        "Vraag naar Fatima (coördinator)",
        "Toegankelijk met een rolstoel: Ingang zonder drempel",
        "Ringleiding voor mensen met een hoortoestel",
        "Wij spreken: Nederlands, Arabisch, Somalisch",
        "Laatst gecontroleerd op 1 oktober 2026",
        "Informatie van Stichting Buurtkamers",
        "Het buurtteam belt ons",
        "Er is altijd iemand die u welkom heet.",
    ]:
        assert expected in text, expected
    assert 'href="tel:+31612345678"' in html
    assert 'href="tel:+31301234567"' in html
    assert 'href="mailto:fatima@example.org"' in html
    assert 'href="/thema/eenzaamheid/"' in html
    assert "Deze informatie is misschien niet meer juist" not in text


def test_place_gets_its_buurt_from_the_postcode(full_offer):
    place = full_offer.plekken.get()
    assert place.postcode == "3533 AB"
    assert place.buurt is not None and place.buurt_code.startswith("BU034401")  # West


def test_offer_not_checked_for_a_year_warns_the_reader(client):
    offer = make_offer(last_verified=datetime.date(2020, 1, 1))
    assert "Deze informatie is misschien niet meer juist" in text_of(client.get(offer.url))


def test_ended_offer_keeps_its_page_and_points_to_alternatives(client):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    ended = make_offer(
        buurt, title="Oude soos", needs=("ontmoeting",), status=AanbodPage.Status.BEEINDIGD
    )
    alternative = make_offer(buurt, title="Nieuwe soos", needs=("ontmoeting",))
    response = client.get(ended.url)
    assert response.status_code == 200
    text = text_of(response)
    assert "Dit aanbod is gestopt" in text
    assert f'href="{alternative.url}"' in response.content.decode()
    buurt_html = client.get(buurt.url).content.decode()
    assert "Nieuwe soos" in buurt_html and "Oude soos" not in buurt_html


def test_buurt_page_groups_offers_by_need_and_includes_offers_that_also_serve_it(client):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    neighbour = BuurtPage.objects.get(title="Halve Maan-Zuid")
    here = make_offer(buurt, title="Taalcafé Oog in Al", needs=("taal",))
    there = make_offer(
        neighbour, title="Wandelclub Halve Maan", needs=("bewegen",), also_serves=[buurt]
    )
    elsewhere = make_offer(BuurtPage.objects.get(title__startswith="Voordorp"), title="Tuinenpark")
    draft = make_offer(buurt, title="Nog niet klaar", publish=False)
    html = client.get(buurt.url).content.decode()
    assert here.title in html and there.title in html
    assert elsewhere.title not in html and draft.title not in html
    assert html.index("Nederlands leren of oefenen") < html.index(here.title)
    assert html.index("Sporten en bewegen") < html.index(there.title)


def test_buurt_page_puts_todays_activities_first(client, time_machine_tuesday):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    make_offer(
        buurt,
        title="Alleen op maandag",
        tijden=[{"weekday": 0, "opens_at": T(10), "closes_at": T(12)}],
    )
    make_offer(
        buurt, title="Dinsdagmiddag", tijden=[{"weekday": 1, "opens_at": T(14), "closes_at": T(16)}]
    )
    html = client.get(buurt.url).content.decode()
    today_section = html[html.index('id="dag-2026-11-24"') : html.index('id="dag-2026-11-30"')]
    assert "Dinsdagmiddag" in today_section and "Alleen op maandag" not in today_section
    week = html[html.index('id="vandaag-kop"') : html.index('id="aanbod-kop"')]
    assert week.index("Dinsdagmiddag") < week.index("Alleen op maandag")  # next Monday


def test_wijk_page_shows_offers_of_all_its_buurten(client):
    wijk = WijkPage.objects.get(slug="west")
    make_offer(BuurtPage.objects.get(title="Oog in Al"), title="Koffie in Oog in Al")
    make_offer(BuurtPage.objects.get(title="Lombok-West"), title="Koffie in Lombok")
    make_offer(BuurtPage.objects.get(title__startswith="Voordorp"), title="Koffie in Voordorp")
    html = client.get(wijk.url).content.decode()
    assert "Koffie in Oog in Al" in html and "Koffie in Lombok" in html
    assert "Koffie in Voordorp" not in html


def test_theme_page_filters_by_wijk_and_keeps_citywide_offers(client):
    make_offer(
        BuurtPage.objects.get(title="Oog in Al"), title="Mantelzorgcafé West", needs=("mantelzorg",)
    )
    make_offer(
        BuurtPage.objects.get(title__startswith="Voordorp"),
        title="Mantelzorgcafé Noordoost",
        needs=("mantelzorg",),
    )
    make_offer("stad", title="Mantelzorglijn", needs=("mantelzorg",))
    make_offer(BuurtPage.objects.get(title="Oog in Al"), title="Taalcafé", needs=("taal",))
    url = "/thema/mantelzorg/"
    all_html = client.get(url).content.decode()
    assert all(
        t in all_html for t in ["Mantelzorgcafé West", "Mantelzorgcafé Noordoost", "Mantelzorglijn"]
    )
    assert "Taalcafé" not in all_html
    west = client.get(url, {"wijk": "west"}).content.decode()
    assert "Mantelzorgcafé West" in west and "Mantelzorglijn" in west
    assert "Mantelzorgcafé Noordoost" not in west
    unknown = client.get(url, {"wijk": "<script>"})
    assert unknown.status_code == 200
    assert "Die wijk kennen we niet" in unknown.content.decode()


def test_buurt_page_asks_as_many_questions_with_one_offer_as_with_twenty(client):
    """Twenty offers, one on each weekday in turn, with two needs and a place each: nothing
    on the page is looked up per offer (more offers only cost time to make here)."""
    buurt = BuurtPage.objects.get(title="Oog in Al")
    make_offer(
        buurt,
        tijden=[{"weekday": 2, "opens_at": T(9), "closes_at": T(11)}],
        plekken=[{"address": "Kanaalweg 1", "postcode": "3533 AB"}],
    )
    client.get(buurt.url)
    with CaptureQueriesContext(connection) as one:
        client.get(buurt.url)
    for i in range(19):
        make_offer(
            buurt,
            needs=("ontmoeting", "taal"),
            tijden=[{"weekday": i % 7, "opens_at": T(9), "closes_at": T(11)}],
            plekken=[{"address": f"Kanaalweg {i}", "postcode": "3533 AB"}],
        )
    client.get(buurt.url)  # publishing made each process build its frame anew (home.frame)
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(buurt.url)
    assert response.content.decode().count('class="bw-card"') >= 20
    # Not more (one offer also shows the neighbouring buurten's offers: a few questions more).
    assert len(twenty) <= len(one), [q["sql"][:120] for q in twenty.captured_queries]


def test_demo_offers_are_marked_as_demo_in_the_admin(admin_client):
    demo = make_offer(title="Verzonnen buurthuis", is_demo=True)
    real = make_offer(title="Echt buurthuis")
    listing = admin_client.get(f"/admin/pages/{demo.get_parent().pk}/").content.decode()
    assert "Verzonnen buurthuis (voorbeeld)" in listing
    assert "Echt buurthuis (voorbeeld)" not in listing and "Echt buurthuis" in listing
    assert real.get_admin_display_title() == "Echt buurthuis"


def test_editor_fields_follow_the_order_of_the_offer_page(admin_client, full_offer):
    """Editors fill in the offer in the order residents read it."""
    editor = admin_client.get(f"/admin/pages/{full_offer.pk}/edit/").content.decode()
    page = admin_client.get(full_offer.url).content.decode()
    editor_order = [
        "id_summary",
        "tijden-FORMS",
        "plekken-FORMS",
        "id_cost",
        "id_registration",
        "id_contact_name",
        "id_rolstoel",
        "id_body",
        "id_referral",
    ]
    page_order = [
        'id="wanneer-kop"',
        'id="waar-kop"',
        'id="kosten-kop"',
        'id="aanmelden-kop"',
        'id="contact-kop"',
        'id="toegankelijk-kop"',
        'id="meer-kop"',
        'id="verwijzen-kop"',
    ]
    positions = [editor.index(marker) for marker in editor_order]
    assert positions == sorted(positions)
    page_positions = [page.index(marker) for marker in page_order]
    assert page_positions == sorted(page_positions)
