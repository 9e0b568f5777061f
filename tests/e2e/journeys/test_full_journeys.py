"""The three journeys from start to end, as residents and professionals make them, at a
phone's width (375 px) and a desk's (1280 px), with axe at every step and a screenshot of
every step in tests/e2e/screenshots/journeys/ (not in git):

1. a resident: home page, own words, a postcode, "only free", an offer, "Bewaar", the list,
   the list's A4 sheet, printed;
2. the same in Arabic (/ar/...), with JavaScript and without it (a browser context of its
   own with java_script_enabled=False);
3. a professional: a search with filters, two offers on the shortlist, the A4 sheet (its QR
   codes decoded: they lead to the configured public address), the overview of the wijk
   with the search just made, its CSV download read back.

Fast on purpose: one browser for the run (conftest), and the demo content (load_demo) with
the offers the journeys look for loaded once for this module, then copied back before each
test. Axe is a script: for a page seen without JavaScript it runs on a copy of that page in
a context that runs scripts but loads none of the site's own (see _Journey.check)."""

import csv
import io
import re
import sqlite3
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from tests.factories import make_offer

from ..conftest import assert_no_violations

SCREENSHOTS = Path(__file__).parents[1] / "screenshots" / "journeys"
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = [pytest.param(PHONE, id="375"), pytest.param(DESKTOP, id="1280")]

# The demo content is loaded once per worker that runs this module: with `make test-e2e`
# (pytest -n, --dist loadgroup) one worker runs all of it.
pytestmark = pytest.mark.xdist_group("journeys-demo")
PUBLIC_URL = "https://buurtwijzer.utrecht.example"

# What a resident types, per language, to find help with money.
WORDS = {"nl": "ik zoek hulp met schulden", "ar": "أبحث عن مساعدة في الديون"}
# The postcode as a resident types it, and as the site should write it back.
TYPED_POSTCODE, WRITTEN_POSTCODE = "3533 ab", "3533 AB"


# The database: demo content and the journeys' own offers, once per module ---------------------


def _journey_offers() -> dict[str, int]:
    """Three offers for help with money, two of them free, near 3533 AB (wijk West)."""
    from buurten.models import BuurtPage

    parent = BuurtPage.objects.get(title="Oog in Al")  # the buurt of 3533 AB, in West
    offers = {
        "spreekuur": make_offer(
            parent,
            title="Spreekuur geldzaken Kanaalweg",
            slug="spreekuur-geldzaken-kanaalweg",
            summary="Hulp bij rekeningen en schulden. Zonder afspraak.",
            needs=("geldzaken",),
            cost="gratis",
            plekken=[{"name": "Wijkbureau", "address": "Kanaalweg 10", "postcode": "3533 AB"}],
        ),
        "thuis": make_offer(
            parent,
            title="Thuisadministratie West",
            slug="thuisadministratie-west",
            summary="Een vrijwilliger helpt u thuis met uw post en uw schulden.",
            needs=("geldzaken",),
            cost="gratis",
            plekken=[{"name": "Buurthuis", "address": "Kanaalweg 12", "postcode": "3533 AB"}],
        ),
        "cursus": make_offer(
            parent,
            title="Cursus omgaan met geld en schulden",
            slug="cursus-omgaan-met-geld",
            summary="Vier avonden over uw geld en hoe u schulden voorkomt.",
            needs=("geldzaken",),
            cost="bedrag",
            cost_amount=10,
            plekken=[{"name": "Wijkbureau", "address": "Kanaalweg 10", "postcode": "3533 AB"}],
        ),
    }
    return {key: offer.pk for key, offer in offers.items()}


@pytest.fixture(scope="module")
def demo_database(site_snapshot, django_db_blocker):
    """The demo content loaded once: (a copy of the database, the journeys' offer ids)."""
    with django_db_blocker.unblock():
        connection.ensure_connection()
        if site_snapshot is not None:
            site_snapshot.backup(connection.connection)
        ContentType.objects.clear_cache()
        call_command("load_demo", verbosity=0)
        offers = _journey_offers()
        copy = None
        if connection.vendor == "sqlite":
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
    yield copy, offers
    if copy is not None:
        copy.close()


@pytest.fixture(autouse=True)
def offers(demo_database, _restore_site):
    """Before each test: the database as demo_database left it. The ids of the offers."""
    from aanbod.models import AanbodPage

    copy, ids = demo_database
    if copy is not None:
        connection.ensure_connection()
        copy.backup(connection.connection)
        ContentType.objects.clear_cache()
    elif not AanbodPage.objects.filter(pk=ids["spreekuur"]).exists():  # not SQLite: load again
        call_command("load_demo", verbosity=0)
        ids = _journey_offers()
    return {key: AanbodPage.objects.get(pk=pk) for key, pk in ids.items()}


# Walking a journey -----------------------------------------------------------------------------


class _Journey:
    """One browser context at one width: its page, axe and a screenshot at every step."""

    def __init__(self, browser, base_url, name, viewport, *, language="nl", javascript=True):
        self.base_url, self.name, self.steps = base_url, name, 0
        self.prefix = "" if language == "nl" else f"/{language}"
        self.javascript = javascript
        self.context = browser.new_context(
            viewport=viewport, java_script_enabled=javascript, locale=language
        )
        self.context.set_default_timeout(15_000)
        # window.print() opens a dialog that headless Chromium cannot show: count the calls.
        self.context.add_init_script("window.print = () => { window.bwPrinted = true; };")
        self.page = self.context.new_page()
        self._checker = None
        if not javascript:
            # Axe needs scripts; the checker runs them, but the site's own never load, so it
            # sees the page as a browser without JavaScript shows it (all scripts are files:
            # the Content-Security-Policy forbids inline ones).
            checker = browser.new_context(viewport=viewport, locale=language)
            checker.set_default_timeout(15_000)
            checker.route(re.compile(r"\.js(\?|$)"), lambda route: route.abort())
            self._checker = checker.new_page()

    def url(self, path: str) -> str:
        return f"{self.base_url}{self.prefix}{path}"

    def step(self, what: str, page=None):
        page = page or self.page
        page.wait_for_load_state()
        if self._checker is None:
            assert_no_violations(page)
        else:
            self._checker.context.clear_cookies()
            self._checker.context.add_cookies(self.context.cookies())
            self._checker.goto(page.url)
            assert_no_violations(self._checker)
        self.steps += 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{self.name}-{self.steps}-{what}.png", full_page=True)

    def close(self):
        if self._checker is not None:
            self._checker.context.close()
        self.context.close()


@pytest.fixture
def journey(browser, live_server, request):
    journeys = []

    def start(name, viewport, **options):
        journeys.append(_Journey(browser, live_server.url, name, viewport, **options))
        return journeys[-1]

    yield start
    for j in journeys:
        j.close()


# Where two pieces of text are drawn: [left, top] of the first occurrence of each in root.
_PLACES = """([root, texts]) => texts.map(text => {
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(walker.currentNode, at);
    range.setEnd(walker.currentNode, at + text.length);
    const box = range.getClientRects()[0];
    return [box.left, box.top];
  }
  return null;
})"""


def _reads_left_to_right(page, root: str, text: str) -> bool:
    """Whether the words of ``text`` ("14 030", "3533 AB") stand on one line in their order,
    as they must also on an Arabic page: "030 14" is another phone number."""
    places = page.evaluate(_PLACES, [root, text.split()])
    assert None not in places, (root, text, places)
    tops = {round(top) for _left, top in places}
    lefts = [left for left, _top in places]
    return len(tops) == 1 and lefts == sorted(lefts)


def _direction(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def _pdf_sheets(page) -> int:
    pdf = page.pdf(format="A4", print_background=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


# 1 and 2: the resident ---------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", WIDTHS)
@pytest.mark.parametrize(
    ("language", "javascript"),
    [("nl", True), ("ar", True), ("ar", False)],
    ids=["nl", "ar", "ar-zonder-js"],
)
def test_resident_finds_help_near_home_and_prints_the_list(
    journey, offers, language, javascript, viewport
):
    spreekuur, cursus = offers["spreekuur"], offers["cursus"]
    name = f"bewoner-{language}{'' if javascript else '-zonder-js'}-{viewport['width']}"
    j = journey(name, viewport, language=language, javascript=javascript)
    page = j.page

    page.goto(j.url("/"))
    assert _reads_left_to_right(page, ".bw-footer .bw-contact__phone", "14 030")
    assert _reads_left_to_right(page, "main .bw-contact", "14 030")
    # The opening hours are a setting in Dutch only: marked so, they run left to right.
    assert page.locator(".bw-contact__hours").count() == 2  # in the page and the footer
    for hours in page.locator(".bw-contact__hours").all():
        assert hours.get_attribute("lang") == "nl" and _direction(hours) == "ltr"
    j.step("home")
    page.locator("#id_q").fill(WORDS[language])
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(f"**{j.prefix}/zoeken/?q=*")
    assert page.locator(f"#resultaat-{spreekuur.pk}").count() == 1
    j.step("woorden")

    # Near home: with the postcode what is close comes first, and the site says so, with the
    # postcode written the usual way.
    page.locator("#id_postcode").fill(TYPED_POSTCODE)
    page.locator("form[role=search] .bw-inline-form button[type=submit]").click()
    page.wait_for_url("**postcode=3533*")
    notice = page.locator(".bw-notice[role=status]")
    assert WRITTEN_POSTCODE in notice.inner_text()
    assert _reads_left_to_right(page, ".bw-notice[role=status]", WRITTEN_POSTCODE)
    assert _direction(page.locator("#id_postcode")) == "ltr"  # not "ab 3533" in Arabic
    for offer in offers.values():
        assert page.locator(f"#resultaat-{offer.pk}").count() == 1, offer.title
    j.step("postcode")

    # Only what is free.
    page.locator("details.bw-filters > summary").click()
    page.locator("input[name=gratis]").check()
    page.locator("details.bw-filters button[type=submit]").click()
    page.wait_for_url("**gratis=on*")
    assert page.locator(f"#resultaat-{cursus.pk}").count() == 0
    assert page.locator(f"#resultaat-{spreekuur.pk}").count() == 1
    j.step("gratis")

    page.locator(f"#resultaat-{spreekuur.pk} a").click()
    page.wait_for_url(f"**{j.prefix}{spreekuur.url}*")
    assert page.locator("h1").inner_text() == spreekuur.title
    j.step("aanbod")

    page.locator(".bw-bewaar button").click()
    if not javascript:  # the page goes back to the search it came from
        page.wait_for_url(f"**{j.prefix}/zoeken/?*lijst={spreekuur.pk}*")
    page.locator(".bw-nav__teller").filter(has_text="(1)").wait_for()
    j.step("bewaard")
    page.locator("a.bw-nav__lijst").click()
    page.wait_for_url(f"**{j.prefix}/lijst/?ids={spreekuur.pk}")
    assert page.locator(f"#lijst-{spreekuur.pk}").inner_text() == spreekuur.title
    # Dutch text (no translation) runs left to right, its full stop at the end.
    card = page.locator(f"article[aria-labelledby=lijst-{spreekuur.pk}]")
    assert _direction(card.locator("p").first) == "ltr"
    j.step("lijst")

    page.locator(f"a[href^='{j.prefix}{reverse('lijst:sheet')}']").click()
    page.wait_for_url(f"**{j.prefix}/lijst/afdrukken/?ids={spreekuur.pk}")
    assert page.locator(f"#blad-{spreekuur.pk}").inner_text() == spreekuur.title
    assert _direction(page.locator(".bw-blad__url")) == "ltr"  # the address under the QR code
    j.step("blad")

    # Printing: the button (with JavaScript) or the tip to press Ctrl+P (without).
    if javascript:
        page.locator(".bw-blad__print").click()
        assert page.evaluate("window.bwPrinted === true")
    else:
        assert page.locator(".bw-blad__print").is_hidden()
        assert page.locator(".bw-blad__tip").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".bw-blad__scherm").is_hidden()
    assert page.locator(f"#blad-{spreekuur.pk}").is_visible()
    assert _pdf_sheets(page) == 1  # one offer: one A4 sheet
    j.step("blad-afdruk")


# 3: the professional -----------------------------------------------------------------------------


def _decoded_qr_codes(page) -> list[str]:
    from tests.lijst.qr_decode import decode, svgs

    return [decode(svg) for svg in svgs(page.content())]


def _scanned_qr_codes(page) -> list[str]:
    """The QR codes read back from a screenshot of each, as a camera would. The screenshot
    has one pixel per CSS pixel, where a phone has two or three: at 375 px a 121 px code
    with a long address has under 3 pixels per module, too few for the decoder, so the
    image is enlarged three times first (each pixel a 3 x 3 block, nothing made up), and
    given the white margin the paper or screen around it gives (the element's own
    screenshot ends at the code's edge)."""
    import zxingcpp
    from PIL import Image, ImageOps

    codes = []
    for qr in page.locator(".bw-blad__qr svg").all():
        image = Image.open(io.BytesIO(qr.screenshot())).convert("L")
        image = image.resize((image.width * 3, image.height * 3), Image.Resampling.NEAREST)
        image = ImageOps.expand(image, border=40, fill=255)
        codes += [found.text for found in zxingcpp.read_barcodes(image)]
    return codes


@pytest.mark.parametrize("viewport", WIDTHS)
def test_professional_shortlists_prints_and_reads_the_overview(journey, offers, settings, viewport):
    settings.BUURTWIJZER_PUBLIC_URL = PUBLIC_URL
    spreekuur, thuis, cursus = offers["spreekuur"], offers["thuis"], offers["cursus"]
    j = journey(f"professional-{viewport['width']}", viewport)
    page = j.page

    page.goto(j.url(f"{reverse('zoeken')}?q=schulden"))
    page.locator("details.bw-filters > summary").click()
    page.locator("#id_wijk").select_option(label="West")
    page.locator("input[name=gratis]").check()
    page.locator("details.bw-filters button[type=submit]").click()
    page.wait_for_url("**wijk=WK034401*")
    assert "gratis=on" in page.url
    for offer in (spreekuur, thuis):
        assert page.locator(f"#resultaat-{offer.pk}").count() == 1, offer.title
    assert page.locator(f"#resultaat-{cursus.pk}").count() == 0
    j.step("filters")

    for offer in (spreekuur, thuis):
        page.get_by_role("button", name=f"Bewaar {offer.title}").click()
    page.locator(f".bw-bewaar[data-id='{spreekuur.pk}'] .bw-bewaar__status").filter(
        has_text="(2)"
    ).wait_for()
    j.step("bewaard")
    page.locator("a.bw-nav__lijst").click()
    page.wait_for_url(f"**/lijst/?ids={spreekuur.pk},{thuis.pk}")
    for offer in (spreekuur, thuis):
        assert page.locator(f"#lijst-{offer.pk}").inner_text() == offer.title
    j.step("lijst")

    page.locator(f"a[href^='{reverse('lijst:sheet')}']").click()
    page.wait_for_url(f"**/lijst/afdrukken/?ids={spreekuur.pk},{thuis.pk}")
    assert _decoded_qr_codes(page) == [f"{PUBLIC_URL}{spreekuur.url}", f"{PUBLIC_URL}{thuis.url}"]
    # As drawn on the screen, too: what a phone's camera reads.
    assert _scanned_qr_codes(page) == [f"{PUBLIC_URL}{spreekuur.url}", f"{PUBLIC_URL}{thuis.url}"]
    page.emulate_media(media="print")
    assert _pdf_sheets(page) <= 2
    j.step("blad")
    page.emulate_media(media="screen")

    # Back to the list, then the overview: from the footer to the city, then the wijk West.
    page.locator(".bw-blad__scherm a").click()
    page.wait_for_url(f"**/lijst/?ids={spreekuur.pk},{thuis.pk}")
    page.locator("footer").get_by_role("link", name="Wat is er in de wijk?").click()
    page.wait_for_url(f"**{reverse('overzicht:stad')}")
    j.step("overzicht-stad")
    page.locator("thead").get_by_role("link", name="West", exact=True).click()
    page.wait_for_url("**/overzicht/*/")
    j.step("overzicht-west")

    row = page.locator("tbody tr").filter(has=page.locator("th", has_text="geld"))
    assert row.count() == 1
    shown = [int(n) for n in row.locator("td.bw-cel > a").all_inner_texts()]
    with page.expect_download() as download:
        page.get_by_role("link", name="Download deze tabel (CSV, voor Excel)").click()
    assert download.value.suggested_filename.endswith(".csv")
    # Read as Dutch Excel reads it: a UTF-8 byte order mark, then fields split by ";".
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    money = [r for r in rows[1:] if r[0] == "geldzaken"]
    # The CSV says what the page says: per buurt the same number of offers.
    assert [int(r[4]) for r in money] == shown, rows[0]
    here = [r for r in money if r[3] == "Oog in Al"]
    assert here and int(here[0][4]) >= 3  # the three offers of these journeys at least
    assert all(int(r[5]) >= 1 for r in money)  # the search just made in West is counted
