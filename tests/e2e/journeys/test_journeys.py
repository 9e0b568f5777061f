"""Journeys of residents and professionals in a real browser, at a phone's width and a
desktop's, with axe at every step. Screenshots go to tests/e2e/screenshots/journeys/ (not in
git), to look at."""

from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import make_offer

from ..conftest import assert_no_violations

SCREENSHOTS = Path(__file__).parents[1] / "screenshots" / "journeys"
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def _context(browser, viewport, *, javascript=True, locale="nl-NL"):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, locale=locale)
    context.set_default_timeout(15_000)
    context.scripts_off = not javascript
    return context


def _scripts_off(page) -> bool:
    return getattr(page.context, "scripts_off", False)


def _step(page, name):
    """Axe, then a screenshot of the whole page. Axe is a script: for a page seen without
    JavaScript it runs on the same address in a page of the same size that runs scripts."""
    if _scripts_off(page):
        checker = page.context.browser.new_page(viewport=page.viewport_size)
        try:
            checker.goto(page.url)
            assert_no_violations(checker)
        finally:
            checker.close()
    else:
        assert_no_violations(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def _offers():
    return (
        make_offer(
            title="Taalcafé De Leeuw", summary="Nederlands oefenen met buren.", needs=("taal",)
        ),
        make_offer(title="Taalles in de bieb", summary="Les in kleine groepjes.", needs=("taal",)),
        make_offer(
            title="Spreekuur geldzaken",
            summary="Hulp bij rekeningen en schulden.",
            needs=("geldzaken",),
        ),
    )


@pytest.mark.parametrize("viewport", [PHONE], ids=["375"])
def test_arabic_resident_without_javascript(browser, live_server, viewport):
    """Bug 1: the home page searches in the visitor's language. Bug 6: without JavaScript
    "Bewaar" on an offer page opened from the search adds to the list; an offer on the list
    says so instead of offering "Bewaar" again. Bug 9: "الديون" (with the article) is money.
    At a phone's width only: test_full_journeys.py walks the Arabic journey without
    JavaScript at both widths; what this test adds is a list that already holds an offer."""
    cafe, les, geld = _offers()
    context = _context(browser, viewport, javascript=False, locale="ar")
    page = context.new_page()
    width = viewport["width"]
    try:
        page.goto(live_server.url + "/ar/")
        _step(page, f"ar-home-{width}")
        page.locator("#id_q").fill("الديون")
        page.locator("form[role=search] button[type=submit]").click()
        page.wait_for_url("**/ar/zoeken/?q=*")
        assert page.locator(f"#resultaat-{geld.pk}").count() == 1
        _step(page, f"ar-zoeken-{width}")

        page.goto(f"{live_server.url}/ar{reverse('zoeken')}?q=taal&lijst={cafe.pk}")
        card = page.locator("ol.bw-cards > li").filter(has=page.locator(f"#resultaat-{cafe.pk}"))
        assert card.get_by_role("button").count() == 0  # on the list already: no "Bewaar"
        assert card.get_by_role("link", name="(1)").count() == 1
        page.locator(f"#resultaat-{les.pk} a").click()
        page.wait_for_url(f"**/{les.slug}/?lijst={cafe.pk}&terug=*")
        _step(page, f"ar-aanbod-{width}")
        page.locator(".bw-bewaar button").click()
        # Saved from an offer opened from a search: back to that search, the list counts two.
        page.wait_for_url(f"**/ar/zoeken/?q=taal&lijst={cafe.pk}%2C{les.pk}*")
        assert page.locator(".bw-nav__teller").inner_text().strip() == "(2)"
        page.locator("a.bw-nav__lijst").click()
        page.wait_for_url(f"**/lijst/?ids={cafe.pk},{les.pk}")
        assert page.locator(f"h2:has-text('{cafe.title}'), h3:has-text('{cafe.title}')").count()
        _step(page, f"ar-lijst-{width}")
    finally:
        context.close()


def test_with_javascript_every_card_shows_the_new_count(browser, live_server):
    """Bug 6: after saving a second result, the first card says "Op uw lijst (2)" too."""
    cafe, les, _geld = _offers()
    context = _context(browser, PHONE)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{reverse('zoeken')}?q=taal")
        page.get_by_role("button", name=f"Bewaar {cafe.title}").click()
        page.get_by_role("button", name=f"Bewaar {les.title}").click()
        first = page.locator(f".bw-bewaar[data-id='{cafe.pk}'] .bw-bewaar__status")
        assert first.inner_text().strip() == "Op uw lijst (2)"
        _step(page, "zoeken-bewaard-375")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_practical_filters_are_checkboxes_like_the_others(browser, live_server, viewport):
    """Bug 8: "Alleen gratis", "Zonder aanmelden", "Toegankelijk met een rolstoel" are small
    checkboxes with their label beside them, like the need checkboxes."""
    context = _context(browser, viewport)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{reverse('zoeken')}?q=taal")
        page.locator("details.bw-filters > summary").click()
        _step(page, f"zoeken-filters-open-{viewport['width']}")
        need = page.locator("input[name=hulpvraag]").first.bounding_box()
        for name in ("gratis", "inloop", "rolstoel"):
            box = page.locator(f"input[name={name}]").bounding_box()
            label = page.locator(f"label[for=id_{name}]").bounding_box()
            assert (round(box["width"]), round(box["height"])) == (
                round(need["width"]),
                round(need["height"]),
            ), name
            assert abs(label["y"] - box["y"]) < box["height"], f"{name}: label not beside it"
    finally:
        context.close()


# Where on the screen a piece of text is drawn: the left edge of its first occurrence.
_X_OF = """([root, text]) => {
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(walker.currentNode, at);
    range.setEnd(walker.currentNode, at + text.length);
    return range.getBoundingClientRect().left;
  }
  return null;
}"""


def test_arabic_sheet_keeps_dutch_text_and_addresses_left_to_right(browser, live_server):
    """Bug 9: on an Arabic page a Dutch address reads "3561 CA Utrecht", not "CA Utrecht 3561",
    and a Dutch summary on the A4 sheet runs left to right (its full stop at the end). The
    sheet's QR code leads to the site (bug 2)."""
    from tests.lijst.qr_decode import decode, svgs

    offer = make_offer(
        title="Taalcafé De Leeuw",
        summary="Nederlands oefenen met buren.",
        plekken=[{"name": "Buurthuis", "address": "Leeuwstraat 1", "postcode": "3561 CA"}],
    )
    context = _context(browser, PHONE, locale="ar")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/ar{reverse('lijst:sheet')}?ids={offer.pk}")
        summary = page.locator(".bw-blad__wat")
        assert summary.evaluate("p => getComputedStyle(p).direction") == "ltr"
        where = ".bw-blad__feiten"
        assert page.evaluate(_X_OF, [where, "3561"]) < page.evaluate(_X_OF, [where, "Utrecht"])
        [url] = [decode(svg) for svg in svgs(page.content())]
        assert url.startswith(live_server.url + "/")
        _step(page, "ar-blad-375")

        page.goto(f"{live_server.url}/ar{offer.url}")
        where = "address.bw-address"
        assert page.evaluate(_X_OF, [where, "3561"]) < page.evaluate(_X_OF, [where, "Utrecht"])
    finally:
        context.close()


def test_home_page_title_and_tiles(page):
    """Bug 10: the home page's title says the site's name once, and no tile title is broken
    in the middle of a word ("cliëntondersteunin / g") at a desktop's width."""
    page.goto(page.base_url + "/")
    assert page.title() == "Buurtwijzer Utrecht"
    broken = page.evaluate(
        """() => [...document.querySelectorAll('.bw-tile__title')].flatMap(title => {
          const node = title.firstChild, words = [];
          for (const match of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) words.push(match[0]);
          }
          return words;
        })"""
    )
    assert broken == []


def test_an_offer_prints_on_two_sheets_without_todays_status(page):
    """Bug 10: printing an offer page gave three sheets, the last with only the footer, and
    printed "Vandaag open", which is no longer true tomorrow."""
    import re

    from ..pages import full_offer

    offer = full_offer()
    page.goto(page.base_url + offer.url)
    page.emulate_media(media="print")
    assert page.locator(".bw-today").first.is_hidden()
    # The photo loads lazily: load it first, so the sheets are counted with it, as on paper.
    page.evaluate(
        "Promise.all([...document.images].map(i => { i.loading = 'eager';"
        " return i.decode().catch(() => null); }))"
    )
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2


def test_a5_card_keeps_the_qr_address_clear_of_the_facts(browser, live_server):
    """Bug 5: on the A5 card the address under the QR code ran over the "Wanneer" text."""
    import datetime

    offer = make_offer(
        title="Jongerenhonk Schepenbuurt",
        slug="jongerenhonk-schepenbuurt-cartesiusweg-en-omgeving",  # a long address under the QR
        summary=(
            "Jongeren van 12 tot 18 jaar kunnen twee avonden per week terecht in de "
            "Jongerenhonk. Om te chillen, te gamen, muziek te maken of te praten met een "
            "jongerenwerker."
        ),
        tijden=[
            {"weekday": 2, "opens_at": datetime.time(19), "closes_at": datetime.time(22)},
            {"weekday": 5, "opens_at": datetime.time(19), "closes_at": datetime.time(22)},
        ],
        plekken=[
            {
                "name": "Jongerenhonk Schepenbuurt",
                "address": "Cartesiusweg 88",
                "postcode": "3534 BD",
            }
        ],
        contact_name="Mehmet",
        contact_role="jongerenwerker",
        contact_phone="06 1987 4402",
        contact_email="mehmet.buurtwerk@example.org",
        phone="030 294 6630",
        email="buurtwerk@example.org",
    )
    # The A5 page's width inside its margins: 148 mm - 2 x 1 cm = 128 mm = 484 CSS px.
    context = _context(browser, {"width": 484, "height": 700})
    page = context.new_page()
    try:
        page.goto(live_server.url + reverse("lijst:card", args=[offer.pk]))
        page.emulate_media(media="print")
        overlaps = page.evaluate(
            """() => {
              const url = document.querySelector('.bw-blad__url').getBoundingClientRect();
              return [...document.querySelectorAll('.bw-blad__feiten > *')].filter(el => {
                const r = el.getBoundingClientRect();
                return r.left < url.right && url.left < r.right && r.top < url.bottom && url.top < r.bottom;
              }).map(el => el.textContent.trim().slice(0, 30));
            }"""
        )
        assert overlaps == []
        _step(page, "kaart-a5")
    finally:
        context.close()
