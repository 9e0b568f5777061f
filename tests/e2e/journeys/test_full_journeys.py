"""The three journeys from start to end, as residents and professionals make them, with axe
at every step and a screenshot of every step (tests/e2e/journeys/screenshots/, not in git):

- a resident: home page, own words, a postcode, a filter, an offer, "Bewaar", the list, the
  A4 sheet; in Dutch with JavaScript and in Arabic without it, on a phone;
- a professional at a desk: a search with filters, two offers on the shortlist, the A4 sheet
  (its QR codes decoded: they lead to the configured public address), the overview with the
  search just made, the CSV download read back."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import make_offer

from .test_journeys import DESKTOP, PHONE, _context, _scripts_off, _step

PUBLIC_URL = "https://buurtwijzer.utrecht.example"

# What a resident types, per language: the words and what they should find.
WORDS = {"nl": "ik zoek hulp met schulden", "ar": "مساعدة في الديون"}


def _money_offers():
    plek = {"name": "Wijkbureau", "address": "Kanaalweg 10", "postcode": "3533 AB"}
    return (
        make_offer(
            title="Spreekuur geldzaken",
            summary="Hulp bij rekeningen en schulden.",
            needs=("geldzaken",),
            cost="gratis",
            plekken=[plek],
        ),
        make_offer(
            title="Thuisadministratie",
            summary="Een vrijwilliger helpt u thuis met uw post.",
            needs=("geldzaken",),
            cost="gratis",
        ),
        make_offer(
            title="Cursus omgaan met geld",
            summary="Vier avonden over uw geld.",
            needs=("geldzaken",),
            cost="bedrag",
            cost_amount=10,
        ),
    )


def _prefix(language: str) -> str:
    return "" if language == "nl" else f"/{language}"


@pytest.mark.parametrize(
    ("language", "javascript"), [("nl", True), ("ar", False)], ids=["nl-js", "ar-zonder-js"]
)
def test_resident_finds_help_near_home_and_keeps_it(browser, live_server, language, javascript):
    spreekuur, thuis, cursus = _money_offers()
    context = _context(browser, PHONE, javascript=javascript, locale=language)
    page = context.new_page()
    name = f"bewoner-{language}-{'js' if javascript else 'zonder-js'}"
    try:
        page.goto(f"{live_server.url}{_prefix(language)}/")
        _step(page, f"{name}-1-home")
        page.locator("#id_q").fill(WORDS[language])
        page.locator("form[role=search] button[type=submit]").click()
        page.wait_for_url(f"**{_prefix(language)}/zoeken/?q=*")

        # Near home: the postcode puts what is close first.
        page.locator("#id_postcode").fill("3533 AB")
        page.locator("form[role=search] .bw-inline-form button[type=submit]").click()
        page.wait_for_url("**postcode=3533*")
        assert page.locator(".bw-notice[role=status]").filter(has_text="3533").count() == 1
        for offer in (spreekuur, thuis, cursus):
            assert page.locator(f"#resultaat-{offer.pk}").count() == 1
        _step(page, f"{name}-2-zoeken")

        # Only what is free.
        page.locator("details.bw-filters > summary").click()
        page.locator("input[name=gratis]").check()
        page.locator("details.bw-filters button[type=submit]").click()
        page.wait_for_url("**gratis=on*")
        assert page.locator(f"#resultaat-{cursus.pk}").count() == 0
        assert page.locator(f"#resultaat-{spreekuur.pk}").count() == 1
        _step(page, f"{name}-3-gratis")

        page.locator(f"#resultaat-{spreekuur.pk} a").click()
        page.wait_for_url(f"**/{spreekuur.slug}/*")
        assert page.locator("h1").inner_text() == spreekuur.title
        _step(page, f"{name}-4-aanbod")

        page.locator("form.bw-bewaar button").click()
        if _scripts_off(page):
            page.wait_for_url(f"**/lijst/?ids={spreekuur.pk}*")
        else:
            page.get_by_role("status").filter(has_text="(1)").wait_for()
            assert page.locator(".bw-nav__teller").inner_text().strip() == "(1)"
            page.locator("a.bw-nav__lijst").click()
            page.wait_for_url(f"**/lijst/?ids={spreekuur.pk}")
        assert page.locator(f"#lijst-{spreekuur.pk}").inner_text() == spreekuur.title
        _step(page, f"{name}-5-lijst")

        page.locator(f"a[href^='{_prefix(language)}{reverse('lijst:sheet')}']").click()
        page.wait_for_url(f"**/lijst/afdrukken/?ids={spreekuur.pk}*")
        assert page.locator(f"#blad-{spreekuur.pk}").inner_text() == spreekuur.title
        _step(page, f"{name}-6-blad")
    finally:
        context.close()


def _decoded_qr_codes(page) -> list[str]:
    from tests.lijst.qr_decode import decode, svgs

    return [decode(svg) for svg in svgs(page.content())]


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_professional_shortlists_prints_and_reads_the_overview(
    browser, live_server, settings, language
):
    settings.BUURTWIJZER_PUBLIC_URL = PUBLIC_URL
    spreekuur, thuis, _cursus = _money_offers()
    context = _context(browser, DESKTOP, locale=language)
    page = context.new_page()
    prefix = _prefix(language)
    name = f"professional-{language}"
    try:
        page.goto(f"{live_server.url}{prefix}{reverse('zoeken')}?q=schulden")
        page.locator("details.bw-filters > summary").click()
        page.locator("#id_wijk").select_option(label="West")
        page.locator("details.bw-filters button[type=submit]").click()
        page.wait_for_url("**wijk=WK034401*")
        _step(page, f"{name}-1-zoeken")

        for offer in (spreekuur, thuis):
            page.locator(f"form.bw-bewaar[data-id='{offer.pk}'] button").click()
        page.locator(f"form.bw-bewaar[data-id='{spreekuur.pk}'] .bw-bewaar__status").filter(
            has_text="(2)"
        ).wait_for()
        page.locator("a.bw-nav__lijst").click()
        page.wait_for_url(f"**/lijst/?ids={spreekuur.pk},{thuis.pk}")
        _step(page, f"{name}-2-lijst")

        page.locator(f"a[href^='{prefix}{reverse('lijst:sheet')}']").click()
        page.wait_for_url("**/lijst/afdrukken/*")
        assert _decoded_qr_codes(page) == [
            f"{PUBLIC_URL}{prefix}{spreekuur.url}",
            f"{PUBLIC_URL}{prefix}{thuis.url}",
        ]
        _step(page, f"{name}-3-blad")

        page.goto(f"{live_server.url}{prefix}{reverse('overzicht:stad')}")
        row = page.locator("tbody tr").filter(has=page.locator("th", has_text="geld")).first
        _step(page, f"{name}-4-overzicht")
        with page.expect_download() as download:
            page.locator("a[download]").click()
        text = download.value.path().read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        west = [r for r in rows[1:] if r[0] == "geldzaken" and r[3] == "West"]
        assert west and west[0][4] == "3", rows[:3]
        assert int(west[0][5]) >= 1  # the search just made in West is counted
        assert row.count() == 1
    finally:
        context.close()
