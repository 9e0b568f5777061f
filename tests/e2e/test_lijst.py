"""Mijn lijst in a real browser: with JavaScript the list lives in localStorage; without it,
"Bewaar" and the links build the list in the address."""

from django.urls import reverse

from tests.factories import make_offer

from .conftest import assert_no_violations


def _offers():
    return (
        make_offer(title="Taalcafé De Leeuw", summary="Nederlands oefenen met buren."),
        make_offer(title="Samen eten in Oog in Al", needs=("eten",)),
    )


def test_list_with_javascript_lives_in_the_browser(page):
    first, second = _offers()
    page.goto(page.base_url + first.url)
    page.get_by_role("button", name="Bewaar Taalcafé De Leeuw").click()
    page.get_by_role("status").filter(has_text="Op uw lijst (1)").wait_for()
    assert page.url == page.base_url + first.url  # stayed on the page
    page.goto(page.base_url + second.url)
    page.get_by_role("button", name="Bewaar Samen eten in Oog in Al").click()
    page.get_by_role("status").filter(has_text="Op uw lijst (2)").wait_for()
    stored = page.evaluate("localStorage.getItem('buurtwijzer-lijst')")
    assert stored == f'["{first.pk}","{second.pk}"]'

    page.goto(page.base_url + reverse("lijst:shortlist"))
    page.wait_for_url(f"**/lijst/?ids={first.pk},{second.pk}")
    assert page.get_by_role("heading", name="Taalcafé De Leeuw").is_visible()
    assert page.get_by_role("heading", name="Samen eten in Oog in Al").is_visible()
    assert_no_violations(page)

    page.get_by_role("link", name="Haal van de lijst (Taalcafé De Leeuw)").click()
    page.wait_for_url(f"**/lijst/?ids={second.pk}")
    assert page.evaluate("localStorage.getItem('buurtwijzer-lijst')") == f'["{second.pk}"]'
    assert {c["name"] for c in page.context.cookies()} <= {"csrftoken"}  # only the feedback form's

    page.get_by_role("link", name="Verwijsblad afdrukken (A4)").click()
    page.get_by_role("button", name="Afdrukken").wait_for()  # shown by lijst.js
    assert page.locator("svg[role=img]").count() == 1


def test_list_without_javascript_lives_in_the_address(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        first, second = _offers()
        page.goto(live_server.url + first.url)
        page.get_by_role("button", name="Bewaar Taalcafé De Leeuw").click()
        page.wait_for_url(f"**/lijst/?ids={first.pk}")
        assert page.get_by_role("heading", name="Taalcafé De Leeuw").is_visible()

        page.get_by_role("link", name="Zoek meer aanbod voor deze lijst").click()
        page.get_by_role("button", name="Bewaar Samen eten in Oog in Al").click()
        # Back on the same search, the words kept, the new count on the card and in the header.
        page.wait_for_url(f"**/zoeken/?**lijst={first.pk}%2C{second.pk}#resultaat-{second.pk}")
        assert page.get_by_role("link", name="Op uw lijst (2)").count() == 2  # both cards
        page.get_by_role("link", name="Mijn lijst (2)").click()
        page.wait_for_url(f"**/lijst/?ids={first.pk},{second.pk}")
        assert page.get_by_role("heading", name="Samen eten in Oog in Al").is_visible()
        assert page.get_by_role("heading", name="Taalcafé De Leeuw").is_visible()
        share = page.get_by_role("textbox", name="Link naar deze lijst").input_value()
        assert share == f"{live_server.url}{reverse('lijst:shortlist')}?ids={first.pk},{second.pk}"
        assert page.get_by_role("button", name="Afdrukken").count() == 0
    finally:
        context.close()


def test_sheet_card_and_overview_pass_axe(page):
    first, second = _offers()
    for path in (
        f"{reverse('lijst:sheet')}?ids={first.pk},{second.pk}",
        reverse("lijst:card", args=[first.pk]),
        reverse("overzicht:stad"),
        reverse("overzicht:wijk", args=["west"]),
    ):
        page.goto(page.base_url + path)
        assert_no_violations(page)


def test_the_summary_follows_a_short_title_on_the_sheet(page):
    """The QR code beside a short title and summary leaves its slack below the summary, not
    between the title and the summary (it was about 40 px there)."""
    offer = make_offer(title="Koffie", summary="Elke week koffie met buren.")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{page.base_url}{reverse('lijst:sheet')}?ids={offer.pk}")
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        title = page.get_by_role("heading", name="Koffie").bounding_box()
        summary = page.get_by_text("Elke week koffie met buren.").bounding_box()
        gap = summary["y"] - (title["y"] + title["height"])
        assert 0 <= gap <= 12, f"{media}: {gap:.0f} px between the title and the summary"
