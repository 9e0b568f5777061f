"""Mijn lijst: the list in the address, the A4 referral sheet with QR codes, sharing, the A5
card. Nothing about the visitor is stored."""

import datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from aanbod.models import AanbodPage
from tests.factories import make_offer

from .qr_decode import decode, svgs

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_offers():
    first = make_offer(
        title="Taalcafé De Leeuw",
        summary="Nederlands oefenen met buren, bij een kop koffie.",
        tijden=[{"weekday": 1, "opens_at": datetime.time(14), "closes_at": datetime.time(16)}],
        plekken=[{"name": "Buurthuis De Leeuw", "address": "Leeuwstraat 1", "postcode": "3531AB"}],
        registration=AanbodPage.Registration.AANMELDEN,
        registration_note="Bel Fatima.",
        contact_name="Fatima",
        contact_phone="030 123 4567",
        cost=AanbodPage.Cost.BEDRAG,
        cost_amount=2,
    )
    second = make_offer(title="Samen eten in Oog in Al", needs=("eten",))
    return first, second


def lijst_url(*ids, name="lijst:shortlist"):
    return f"{reverse(name)}?ids={','.join(str(i) for i in ids)}"


def test_list_shows_offers_in_order_with_share_links(client, two_offers):
    first, second = two_offers
    response = client.get(lijst_url(second.pk, first.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Samen eten in Oog in Al") < html.index("Taalcafé De Leeuw")
    share = f"http://testserver{reverse('lijst:shortlist')}?ids={second.pk},{first.pk}"
    assert response.context["share_url"] == share
    mail = urlsplit(response.context["mailto"])
    assert mail.scheme == "mailto"
    body = parse_qs(mail.query)["body"][0]
    assert "Taalcafé De Leeuw" in body and first.get_full_url() in body and share in body
    sms = response.context["sms"]
    assert sms.startswith("sms:?body=") and share in unquote(sms)
    assert f'href="{share}"' in html
    assert not response.cookies, "an anonymous visitor gets no cookie"


def test_bewaar_without_javascript_adds_and_removes_through_the_address(client, two_offers):
    first, second = two_offers
    response = client.get(reverse("lijst:shortlist"), {"bij": first.pk})
    assert response.status_code == 302
    assert response["Location"] == lijst_url(first.pk)
    response = client.get(reverse("lijst:shortlist"), {"ids": first.pk, "bij": second.pk})
    assert response["Location"] == lijst_url(first.pk, second.pk)
    response = client.get(
        reverse("lijst:shortlist"), {"ids": f"{first.pk},{second.pk}", "weg": first.pk}
    )
    assert response["Location"] == lijst_url(second.pk)


@pytest.mark.parametrize(
    "ids",
    [
        "abc",
        "1;DROP TABLE",
        "<script>alert(1)</script>",
        "0",
        "-5",
        "9" * 40,
        ",".join(["1"] * 400),
        "1e9",
    ],
)
def test_bad_ids_get_a_clear_message_not_an_error(client, ids):
    response = client.get(reverse("lijst:shortlist"), {"ids": ids})
    assert response.status_code == 400
    assert "<script>alert" not in response.content.decode()
    assert response.context["error"]
    response = client.get(reverse("lijst:sheet"), {"ids": ids})
    assert response.status_code == 400


def test_too_many_offers_is_refused(client):
    ids = ",".join(str(n) for n in range(1, 32))
    response = client.get(reverse("lijst:shortlist"), {"ids": ids})
    assert response.status_code == 400
    assert "hoogstens 30" in response.context["error"]


def test_unknown_and_unpublished_offers_are_counted_not_shown(client, two_offers):
    first, _second = two_offers
    hidden = make_offer(title="Nog niet gepubliceerd", publish=False)
    response = client.get(lijst_url(first.pk, hidden.pk, 999999))
    assert response.status_code == 200
    assert "Nog niet gepubliceerd" not in response.content.decode()
    assert response.context["missing"] == 2


def test_print_sheet_has_every_fact_and_a_qr_code_to_each_page(client, two_offers):
    first, second = two_offers
    response = client.get(lijst_url(first.pk, second.pk, name="lijst:sheet"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Taalcafé De Leeuw",
        "Nederlands oefenen met buren",
        "Elke dinsdag, 14.00 tot 16.00 uur",
        "Buurthuis De Leeuw, Leeuwstraat 1, 3531 AB Utrecht",
        "€ 2,00",
        "Eerst aanmelden. Bel Fatima.",
        "Vraag naar Fatima",
        "030 123 4567",
        "Samen eten in Oog in Al",
    ):
        assert text in html, text
    assert 'lang="nl"' in html
    assert "blad.css" in html and "<script>" not in html
    codes = svgs(html)
    assert len(codes) == 2
    assert [decode(svg) for svg in codes] == [first.get_full_url(), second.get_full_url()]


def test_print_sheet_queries_are_bounded(client, django_assert_max_num_queries):
    offers = [make_offer(title=f"Aanbod {n}") for n in range(8)]
    url = lijst_url(*(o.pk for o in offers), name="lijst:sheet")
    client.get(url)  # warm the site root cache
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.content.decode().count("<svg") == 8


def test_a5_card_from_the_offer_page(client, two_offers):
    first, _second = two_offers
    page = client.get(first.url).content.decode()
    card_url = reverse("lijst:card", args=[first.pk])
    assert f'href="{card_url}"' in page
    assert f'name="bij" value="{first.pk}"' in page  # the "Bewaar" form
    card = client.get(card_url)
    assert card.status_code == 200
    html = card.content.decode()
    assert "bw-blad--a5" in html and "Vraag naar Fatima" in html
    assert decode(svgs(html)[0]) == first.get_full_url()
    assert client.get(reverse("lijst:card", args=[999999])).status_code == 404


def test_offer_page_stays_within_budget_with_the_list_button(client):
    """The page budget (docs/architecture.md): HTML + CSS of an offer page under 60 KB (every field filled in)."""
    from tests.e2e.pages import full_offer

    offer = full_offer()
    response = client.get(offer.url)
    html = response.content.decode()
    assert 'name="bij"' in html and "Kaartje afdrukken (A5)" in html and "agenda.ics" in html
    css = (settings.BASE_DIR / "home" / "static" / "css" / "buurtwijzer.css").stat().st_size
    assert len(response.content) + css < 60_000
    assert set(response.cookies) <= {"csrftoken"}  # the feedback form's CSRF, nothing else


def test_print_sheet_says_third_thursday(client):
    cafe = make_offer(
        title="Mantelzorgcafé West",
        tijden=[
            {
                "weekday": 3,
                "repeat": "maand-3",
                "opens_at": datetime.time(19, 30),
                "closes_at": datetime.time(21, 30),
            }
        ],
    )
    html = client.get(lijst_url(cafe.pk, name="lijst:sheet")).content.decode()
    assert "Elke derde donderdag van de maand, 19.30 tot 21.30 uur" in html
    assert "Elke donderdag" not in html
    shortlist = client.get(lijst_url(cafe.pk)).content.decode()
    assert "Elke derde donderdag van de maand" in shortlist


def test_the_arabic_sheet_keeps_the_phone_number_left_to_right(client, two_offers):
    """On an Arabic sheet "14 030" would read "030 14" and wrap apart."""
    first, second = two_offers
    response = client.get("/ar" + lijst_url(first.pk, second.pk, name="lijst:sheet"))
    html = response.content.decode()
    footer = html.split('class="bw-blad__voet"', 1)[1].split("</p>", 1)[0]
    assert "اتصل بالرقم" in footer and '<bdi dir="ltr">14 030</bdi>' in footer


def test_bewaar_on_a_search_result_returns_to_the_same_search(client, two_offers):
    first, second = two_offers
    search = "/zoeken/?q=taalles&lijst=" + str(second.pk)
    response = client.get(
        reverse("lijst:shortlist"), {"ids": second.pk, "bij": first.pk, "terug": search}
    )
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == "/zoeken/"
    assert parse_qs(target.query) == {"q": ["taalles"], "lijst": [f"{second.pk},{first.pk}"]}
    assert target.fragment == f"resultaat-{first.pk}"
    # Only an address on this site: anything else goes to the list as before.
    for elsewhere in ("https://example.com/zoeken/", "//example.com/", "javascript:alert(1)"):
        response = client.get(reverse("lijst:shortlist"), {"bij": first.pk, "terug": elsewhere})
        assert response["Location"] == lijst_url(first.pk)


def test_the_search_result_bewaar_form_carries_the_search(client, two_offers):
    soup_html = client.get("/zoeken/", {"q": "koffie"}).content.decode()
    assert 'name="terug" value="/zoeken/?q=koffie"' in soup_html


def test_mijn_lijst_in_the_header_counts_without_javascript(client, two_offers):
    first, second = two_offers
    header = 'class="bw-nav__teller"> (2)</span>'
    assert header in client.get(lijst_url(first.pk, second.pk)).content.decode()
    html = client.get(first.url, {"lijst": f"{first.pk},{second.pk}"}).content.decode()
    assert header in html
    assert f'href="{lijst_url(first.pk, second.pk)}"' in html
    assert 'class="bw-nav__teller"></span>' in client.get("/zoeken/").content.decode()


def test_offer_page_has_a_breadcrumb_and_a_way_back_to_the_results(client, two_offers):
    first, _second = two_offers
    search = "/zoeken/?q=koffie"
    result = BeautifulSoup(client.get(search).content, "html.parser")
    link = result.find("a", string="Taalcafé De Leeuw")["href"]
    assert parse_qs(urlsplit(link).query)["terug"] == [search]
    offer = BeautifulSoup(client.get(link).content, "html.parser")
    crumbs = offer.select("nav.utrecht-breadcrumb-nav a")
    assert [a.get_text(strip=True) for a in crumbs][0] == "Home"
    assert len(crumbs) >= 2 and first.get_parent().title in [a.get_text() for a in crumbs]
    back = offer.select_one("p.bw-terug a")
    assert "Terug naar de zoekresultaten" in back.get_text()
    assert back["href"] == search
    # Without JavaScript, "Bewaar" on that page also returns to the results.
    assert offer.find("input", attrs={"name": "terug"})["value"] == search
    # Only this site's search page: another address gives no back link.
    for elsewhere in ("https://example.com/", "/lijst/", "//example.com/zoeken/"):
        html = client.get(first.url, {"terug": elsewhere}).content.decode()
        assert "Terug naar de zoekresultaten" not in html
