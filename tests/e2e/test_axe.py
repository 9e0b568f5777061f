"""Every page type in a real browser, checked by axe-core with the WCAG 2.1 A and AA rules:
zero violations."""

import pytest

from aanbod.models import AanbodPage
from buurten.models import BuurtPage, StedelijkPage, WijkPage
from home.models import StandardPage, ThemaPage
from tests.factories import make_offer

from .conftest import assert_no_violations, axe_violations, needs_search
from .pages import full_offer


def test_axe_finds_a_known_violation(page):
    """The harness itself: a page with an image without alt text must fail."""
    page.set_content(
        '<html lang="nl"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>'
    )
    assert "image-alt" in [v["id"] for v in axe_violations(page)]


def offer_url():
    return full_offer().url


def ended_offer_url():
    make_offer(title="Nog open", summary="Koffie voor buren.")
    return make_offer(title="Gestopt", status=AanbodPage.Status.BEEINDIGD).url


def buurt_url():
    make_offer(title="Soep op dinsdag")
    make_offer(title="Taalcafé", needs=("taal",), groups=("nieuwkomers",))
    return BuurtPage.objects.get(title="Oog in Al").url


PAGES = {
    "home": lambda: "/",
    "wijk": lambda: WijkPage.objects.get(slug="west").url,
    "buurt": buurt_url,
    "stedelijk": lambda: (make_offer("stad", title="Praatlijn"), StedelijkPage.objects.get().url)[
        1
    ],
    "thema": lambda: (
        make_offer(needs=("mantelzorg",)),
        ThemaPage.objects.get(slug="mantelzorg").url,
    )[1],
    "standaard": lambda: StandardPage.objects.get(slug="toegankelijkheid").url,
    "aanbod-alle-velden": offer_url,
    "aanbod-gestopt": ended_offer_url,
    "niet-gevonden": lambda: "/bestaat-niet/",
}


@pytest.mark.parametrize("kind", PAGES)
def test_page_type_has_no_axe_violations(page, kind):
    page.goto(page.base_url + PAGES[kind]())
    assert_no_violations(page)


def test_form_with_errors_has_no_axe_violations(page):
    page.goto(page.base_url + "/?postcode=abc")
    assert page.locator(
        "[aria-invalid=true], .utrecht-form-field-error-message, .bw-error-summary"
    ).count()
    assert_no_violations(page)


@needs_search
def test_search_results_have_no_axe_violations(page):
    make_offer(title="Koffie-ochtend", summary="Koffie drinken met buren.")
    response = page.goto(f"{page.base_url}/zoeken/?q=koffie")
    assert response.status == 200
    assert "Koffie-ochtend" in page.content()
    assert_no_violations(page)


@needs_search
def test_search_without_results_has_no_axe_violations(page):
    response = page.goto(f"{page.base_url}/zoeken/?q=xyzzyqwerty")
    assert response.status == 200
    assert_no_violations(page)


def test_arabic_offer_page_with_dutch_fallback_has_no_axe_violations(page):
    """Right to left, with parts in Dutch (lang="nl" dir="ltr") and the notice."""
    offer = full_offer()
    offer.title_ar = "صباح القهوة"
    offer.save_revision().publish()
    url = "/ar" + offer.url
    response = page.goto(page.base_url + url)
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".bw-fallback-notice").count() >= 1
    assert_no_violations(page)


def test_language_switcher_keeps_the_page_in_the_browser(page):
    url = WijkPage.objects.get(slug="west").url
    page.goto(page.base_url + url)
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar{url}")
    assert page.locator("html").get_attribute("lang") == "ar"
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(f"**{url}")
    assert page.locator("html").get_attribute("lang") == "nl"
