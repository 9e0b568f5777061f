"""On a phone (375 px): the header leaves most of the first screen to the content, the
overview's table fits with its caption whole, and the sheet shows one way to print."""

import os

import pytest
from django.urls import reverse

from tests.factories import make_offer

PHONE = {"width": 375, "height": 667}
SHOTS = os.environ.get("BW_SHOTS")  # a folder: save what the tests saw, to look at


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def phone(browser, live_server):
    def open_page(javascript=True):
        context = browser.new_context(
            viewport=PHONE, locale="nl-NL", java_script_enabled=javascript, is_mobile=True
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url
        opened.append(context)
        return page

    opened = []
    yield open_page
    for context in opened:
        context.close()


@pytest.mark.parametrize("prefix", ["", "/en", "/ar", "/tr", "/pl", "/uk"])
def test_the_header_takes_at_most_a_quarter_of_a_phone_screen(phone, prefix):
    """In every language, also in a wide font (this machine's is DejaVu Sans): the other five
    languages on one line, the menu on one row, "Mijn lijst" beside the name."""
    page = phone()
    page.goto(page.base_url + prefix + "/")
    height = page.locator("header.bw-header").bounding_box()["height"]
    print(f"header at 375 px, {prefix or 'nl'}: {height:.0f} px")
    shot(page, f"home-375{prefix.replace('/', '-')}")
    assert height <= PHONE["height"] / 4, f"{height:.0f} px"
    # Every language reachable: the current one for screen readers, the other five on one line.
    assert page.locator("nav.bw-languages").get_by_role("link").count() == 6
    others = page.locator(".bw-languages__link:not([aria-current])")
    tops = {round(others.nth(i).bounding_box()["y"]) for i in range(others.count())}
    assert others.count() == 5 and len(tops) == 1, tops
    box = page.locator("a.bw-nav__lijst").bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_overview_fits_a_phone_with_its_caption_whole(phone, prefix):
    page = phone()
    page.goto(page.base_url + prefix + reverse("overzicht:stad"))
    shot(page, f"overzicht-375{prefix.replace('/', '-')}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    caption = page.locator("#overzicht-titel")
    box = caption.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # The caption's text is not cut off: it wraps inside the screen instead.
    assert caption.evaluate("c => c.scrollWidth <= c.clientWidth + 1")
    region = page.locator(".bw-overzicht").bounding_box()
    assert region["x"] >= 0 and region["x"] + region["width"] <= PHONE["width"]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_needs_stay_in_view_while_a_wijks_table_scrolls(phone, prefix):
    """A wijk's buurten do not fit a phone: scrolled to its last buurt, the table still shows
    which need each row is about, at the start of the line (the right in Arabic)."""
    page = phone()
    page.goto(page.base_url + prefix + reverse("overzicht:stad"))
    page.locator(".bw-overzicht__tabel thead a").first.click()
    region = page.locator(".bw-overzicht")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "this wijk's table fits"
    region.evaluate(
        "r => r.scrollTo({left: getComputedStyle(r).direction === 'rtl' ? -r.scrollWidth : r.scrollWidth})"
    )
    page.wait_for_function("() => Math.abs(document.querySelector('.bw-overzicht').scrollLeft) > 0")
    region.evaluate("r => window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY)")
    shot(page, f"overzicht-wijk-375{prefix.replace('/', '-')}")
    box = region.bounding_box()
    need = page.locator(".bw-overzicht__tabel tbody th").first
    need_box = need.bounding_box()
    assert (
        box["x"] <= need_box["x"] and need_box["x"] + need_box["width"] <= box["x"] + box["width"]
    )
    # Nothing is drawn over it: the need's own cell is what the screen shows at its middle.
    middle = (need_box["x"] + need_box["width"] / 2, need_box["y"] + need_box["height"] / 2)
    assert need.evaluate("(th, [x, y]) => th.contains(document.elementFromPoint(x, y))", middle)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_sheet_shows_one_way_to_print(phone, javascript):
    offer = make_offer(title="Taalcafé")
    page = phone(javascript=javascript)
    page.goto(f"{page.base_url}{reverse('lijst:sheet')}?ids={offer.pk}")
    shot(page, f"blad-375-js{int(javascript)}")
    button, tip = page.locator(".bw-blad__print"), page.locator(".bw-blad__tip")
    if javascript:
        button.wait_for()
        assert button.is_visible() and tip.is_hidden()
    else:
        assert tip.is_visible() and button.is_hidden()
