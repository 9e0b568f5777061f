"""Issue 18 points 3 to 5 in the browser: "Nieuw aanbod" from the dashboard, the languages
search, an empty offer without a verdict, "Klopt nog" in the edit header and the coordinator's
wijk panel. Screenshots go to tests/e2e/screenshots/offer-form/ (not in git), to look at."""

import datetime
from pathlib import Path

from django.contrib.auth.models import Group
from django.urls import reverse

from buurten.models import BuurtPage, WijkPage
from redactie.models import Melding
from redactie.roles import buurt_group_name, wijk_group_name
from tests.factories import make_offer, person

SHOTS = Path(__file__).parent / "screenshots" / "offer-form"
PASSWORD = "een-lang-wachtwoord-123"
OFFICIAL = (
    "Indien u vragen heeft, kunt u ons bellen. Indien u wilt, kunt u teneinde kennis te maken "
    "langskomen. Wij verstrekken informatie aan iedereen die langskomt en vragen heeft over "
    "geld, over werk, over wonen, over de buurt, over zorg, over school en over alle dingen."
)


def log_in(page, user):
    page.goto(page.base_url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_an_editor_starts_a_new_offer_from_the_dashboard(page):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    editor = person("bewoner", Group.objects.get(name=buurt_group_name(buurt)))
    offer = make_offer(buurt, title="Oude koffieochtend", last_verified=datetime.date(2025, 1, 1))
    log_in(page, editor)
    shot(page, "h18-dashboard-editor")

    page.locator("#nieuw-aanbod-content").get_by_role("link", name="Nieuw aanbod").click()
    page.wait_for_url("**/pages/add/aanbod/aanbodpage/**")
    panel = page.locator("[data-bw-checks]")
    assert "Nog geen tekst" in panel.inner_text()
    assert "Lege kop" not in panel.inner_text() and "Goed leesbaar" not in panel.inner_text()
    shot(page, "h18-new-offer-empty-panel")

    page.fill("textarea[name=summary_nl]", OFFICIAL)
    official = panel.locator("details.bw-checks__group[data-kind=officialese]")
    official.wait_for(timeout=15_000)
    groups = panel.locator("details.bw-checks__group")
    assert groups.first.get_attribute("data-kind") == "sentence-too-long"  # the worst first
    official.locator("summary").click()  # the other rules are closed: open this one
    assert panel.locator("ins.bw-checks__alternative", has_text="om").first.is_visible()
    panel.screenshot(path=str(SHOTS / "h18-panel-grouped.png"))

    search = page.get_by_label("Zoek een taal")
    search.scroll_into_view_if_needed()
    search.fill("tig")
    assert page.get_by_label("Tigrinya").is_visible()
    assert not page.get_by_label("Albanees").is_visible()
    page.get_by_label("Tigrinya").check()
    assert "Gekozen: Tigrinya" in page.locator("[data-bw-talen-gekozen]").inner_text()
    page.locator("[data-bw-talen]").screenshot(path=str(SHOTS / "h18-languages.png"))

    page.goto(page.base_url + reverse("wagtailadmin_pages:edit", args=[offer.pk]))
    header = page.locator("#w-slim-header-buttons")
    assert header.get_by_role("link", name="Klopt nog").is_visible()
    shot(page, "h18-edit-klopt-nog")


def test_the_coordinator_sees_what_is_left_in_their_wijk(page):
    west = WijkPage.objects.get(slug="west")
    coordinator = person("coordinator", Group.objects.get(name=wijk_group_name(west)))
    lombok = BuurtPage.objects.get(title="Lombok-West")
    offer = make_offer(lombok, title="Moestuin Lombok", last_verified=datetime.date(2025, 1, 1))
    Melding.objects.create(page=offer, message="De tijden op de website kloppen niet meer.")
    log_in(page, coordinator)

    wijk = page.locator("#in-uw-wijk-section")
    assert "Moestuin Lombok" in wijk.inner_text()
    assert "De tijden op de website kloppen niet meer." in wijk.inner_text()
    assert page.locator("#nieuw-aanbod-buurt").is_visible()  # several buurten: choose first
    shot(page, "h18-dashboard-coordinator")
