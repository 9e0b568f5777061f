"""/zoeken/: a GET form that works without JavaScript, shows how the question was read, the
filters, the count, pages, and never a dead end."""

import datetime
import re
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup

from buurten.models import BuurtPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

URL = "/zoeken/"


def page(client, status=200, **params):
    response = client.get(URL, params)
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def text_of(soup):
    return " ".join(soup.get_text(" ").split())


def result_titles(soup):
    return [a.get_text(strip=True) for a in soup.select("ol.bw-cards .bw-card__title a")]


def make_offers(count):
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    return [
        make_offer(oog_in_al, title=f"Koffie-ochtend {n:02d}", needs=("eenzaamheid", "ontmoeting"))
        for n in range(count)
    ]


@pytest.fixture
def offers(db):
    """Enough for two pages."""
    return make_offers(22)


@pytest.fixture
def few(db):
    return make_offers(3)


def test_empty_page_is_a_form(client):
    soup = page(client)
    form = soup.find("form", attrs={"role": "search"})
    assert form["method"] == "get"
    assert form.find("input", attrs={"name": "q"})["list"] == "bw-hulpvragen"
    assert (
        soup.find("label", attrs={"for": "id_q"}).get_text(strip=True) == "Waar zoekt u hulp bij?"
    )
    # Need autocomplete without JavaScript: the browser offers the needs as you type.
    options = [o["value"] for o in soup.select("datalist#bw-hulpvragen option")]
    assert "Ik voel me alleen" in options
    assert not soup.select("ol.bw-cards")


def test_the_home_page_search_leads_here(client):
    home = BeautifulSoup(client.get("/").content, "html.parser")
    form = home.find("form", attrs={"role": "search"})
    assert form["action"] == URL and form.find("input")["name"] == "q"


def test_results_with_interpretation_count_and_pages(client, offers):
    soup = page(client, q="ik voel me alleen")
    chips = soup.select("ul.bw-chips[aria-labelledby=uitleg-kop] li")
    assert chips[0].get_text(" ", strip=True).startswith("Ik voel me alleen")
    assert "22 plekken en activiteiten gevonden" in text_of(soup)
    assert len(result_titles(soup)) == 20
    assert "Bladzijde 1 van 2" in text_of(soup)
    next_link = soup.find("a", attrs={"rel": "next"})["href"]
    second = page(client, **{k: v[0] for k, v in parse_qs(urlparse(next_link).query).items()})
    assert len(result_titles(second)) == 2
    assert not set(result_titles(second)) & set(result_titles(soup))
    assert second.select_one("ol.bw-cards")["start"] == "21"


def test_a_chip_can_be_removed(client, few):
    soup = page(client, q="eenzaam")
    remove = soup.select("ul.bw-chips[aria-labelledby=uitleg-kop] li a")[0]
    assert "Niet zoeken naar: Ik voel me alleen" in remove.get_text(" ", strip=True)
    params = parse_qs(urlparse(remove["href"]).query)
    assert params["zonder"] == ["eenzaamheid"]
    again = page(client, **params)
    chips = [
        c.get_text(" ", strip=True)
        for c in again.select("ul.bw-chips[aria-labelledby=uitleg-kop] li")
    ]
    assert not any(c.startswith("Ik voel me alleen") for c in chips)
    # The removal stays when the resident sends the form again.
    assert again.find("input", attrs={"type": "hidden", "name": "zonder"})["value"] == "eenzaamheid"


def test_spelling_correction_is_shown(client, few):
    assert "U schreef 'eenzaamhijd'. Wij zochten naar 'eenzaamheid'." in text_of(
        page(client, q="eenzaamhijd")
    )


def test_filters_are_form_controls(client, few):
    soup = page(client, q="eenzaam", gratis="on", dag="di")
    # After "Toon wat past" the results come first; the chosen filters are summed up above them.
    details = soup.find("details", class_="bw-filters")
    assert not details.has_attr("open")
    assert soup.find("input", attrs={"name": "gratis"}).has_attr("checked")
    assert soup.find("select", attrs={"name": "dag"}).find("option", selected=True)["value"] == "di"
    for name in ("wijk", "buurt", "hulpvraag", "doelgroep", "inloop", "rolstoel", "spreekt"):
        assert soup.find(attrs={"name": name}) is not None, name


def test_facets_link_to_a_narrower_search(client, few):
    soup = page(client, q="eenzaam")
    link = soup.select_one("ul.bw-chips[aria-labelledby=verfijn-wijk] a")
    assert link.get_text(strip=True) == "West (3)"
    assert parse_qs(urlparse(link["href"]).query)["wijk"] == ["WK034401"]


def test_nothing_found_is_no_dead_end(client, few):
    make_offer("stad", title="Praatlijn", needs=("eenzaamheid",))
    soup = page(client, q="eenzaam", spreekt="so")
    assert "0 plekken en activiteiten gevonden" in text_of(soup)
    assert "Praatlijn" in text_of(soup)  # for the whole city
    assert soup.select("ul.bw-chips[aria-labelledby=andere-onderwerpen] a")
    assert soup.find("a", href="tel:14030")


def test_a_question_the_site_has_no_answer_to_says_so_and_where_to_ask(client, few):
    make_offer("stad", title="Bel 14 030 voor vragen aan de gemeente", needs=("informatie-advies",))
    soup = page(client, q="parkeervergunning")
    assert "Hiervoor hebben we geen aanbod in de buurt." in text_of(soup)
    assert "Hier kunt u uw vraag stellen" in text_of(soup)
    assert "Bel 14 030 voor vragen aan de gemeente" in text_of(soup)
    assert not soup.select("ol.bw-cards")  # nothing shown as if it fitted


def test_nothing_understood(client, few):
    soup = page(client, q="ik zoek hulp")
    assert "We weten nog niet waar u hulp bij zoekt" in text_of(soup)
    links = soup.select("ul.bw-chips[aria-labelledby=andere-onderwerpen] a")
    assert "hulpvraag=" in links[0]["href"]


def test_postcode_orders_and_is_explained(client, few):
    soup = page(client, q="eenzaam", postcode="3533eh")
    assert "Wat dicht bij postcode 3533 EH (buurt Oog in Al) is, staat bovenaan." in text_of(soup)


def test_a_wrong_postcode_gets_a_clear_message(client):
    soup = page(client, status=400, q="eenzaam", postcode="9999 ZZ")
    summary = soup.select_one(".bw-error-summary")
    link = summary.find("a")
    assert link["href"] == "#id_postcode"
    assert "ligt niet in de gemeente Utrecht" in link.get_text()
    assert soup.find("input", attrs={"name": "postcode"})["aria-invalid"] == "true"
    assert soup.find("input", attrs={"name": "q"})["value"] == "eenzaam"  # kept


@pytest.mark.parametrize(
    "q",
    ["<script>alert(1)</script>", "\x00eenzaam", "‮eenzaam", "🙂" * 50, "' OR 1=1 --"],
)
def test_hostile_input_is_escaped_never_a_500(client, few, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_a_huge_query_is_a_400(client):
    response = client.get(URL, {"q": "x" * 100_000})
    assert response.status_code == 400
    assert "te lang" in response.content.decode()


def test_only_get(client):
    assert client.post(URL, {"q": "eenzaam"}).status_code == 405


def test_bounded_queries(client, offers, django_assert_max_num_queries):
    client.get(URL, {"q": "eenzaam"})  # warm the vocabulary and caches
    with django_assert_max_num_queries(30):
        response = client.get(URL, {"q": "eenzaam", "postcode": "3533EH", "gratis": "on"})
    assert len(re.findall(rb'class="bw-card"', response.content)) == 20


def test_the_day_filter_finds_the_monthly_cafe_on_thursday(client, time_machine_tuesday):
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    needs = ("eenzaamheid", "ontmoeting")
    T = datetime.time
    cafe = {"weekday": 3, "repeat": "maand-3", "opens_at": T(19, 30), "closes_at": T(21, 30)}
    make_offer(oog_in_al, title="Mantelzorgcafé West", needs=needs, tijden=[cafe])
    tuesday = {"weekday": 1, "opens_at": T(10), "closes_at": T(12)}
    make_offer(oog_in_al, title="Dinsdagkoffie", needs=needs, tijden=[tuesday])
    thursday = page(client, q="eenzaam", dag="do")
    assert result_titles(thursday) == ["Mantelzorgcafé West"]
    assert result_titles(page(client, q="eenzaam", dag="di")) == ["Dinsdagkoffie"]


def test_practical_filters_come_first_and_needs_are_folded(client, few):
    panel = page(client).find("details", class_="bw-filters")
    names = [c["name"] for c in panel.select("input[name], select[name]")]
    assert names[:4] == ["gratis", "inloop", "rolstoel", "dag"]
    folded = panel.find("details", class_="bw-filters__meer")
    assert not folded.has_attr("open")
    assert folded.find(attrs={"name": "hulpvraag"}) and folded.find(attrs={"name": "doelgroep"})


def test_each_active_filter_can_be_removed_with_a_plain_link(client, few):
    soup = page(client, q="eenzaam", gratis="on", dag="di", hulpvraag=["eenzaamheid", "ontmoeting"])
    chips = soup.select("ul.bw-chips[aria-labelledby=filters-kop] li")
    texts = [" ".join(c.get_text(" ").split()) for c in chips]
    assert any(t.startswith("Alleen gratis") for t in texts), texts
    assert any(t.startswith("Op welke dag: dinsdag") for t in texts), texts
    links = {t.split(" ✕")[0]: c.a["href"] for t, c in zip(texts, chips, strict=True)}
    without_free = parse_qs(urlparse(links["Alleen gratis"]).query)
    assert "gratis" not in without_free and without_free["q"] == ["eenzaam"]
    need = next(k for k in links if k.startswith("Onderwerp"))
    assert len(parse_qs(urlparse(links[need]).query)["hulpvraag"]) == 1
    # Following a link: that filter is gone, the words and other filters stay.
    again = page(client, **without_free)
    assert not again.find("input", attrs={"name": "gratis"}).has_attr("checked")
    assert again.find("input", attrs={"name": "q"})["value"] == "eenzaam"
