"""The editor's journey in the admin, in Chromium: an administrator invites Fatima for Oog
in Al, she sets a password from the e-mail, logs in with her e-mail address, adds an offer
with an address and no coordinates, submits it, and the coordinator of wijk West approves it
from the dashboard. Every admin page on the way is in Dutch with "u": the test reads each
page's visible text for English interface words and "je". Screenshots go to
tests/e2e/screenshots/editor/ (not in git), to look at."""

import re
from pathlib import Path

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from aanbod.models import AanbodPage
from buurten.models import BuurtPage, WijkPage
from redactie.roles import ADMINISTRATORS, wijk_group_name
from tests.factories import person
from tests.redactie.language_scan import problems

SCREENSHOTS = Path(__file__).parent / "screenshots" / "editor"
PASSWORD = "een-lang-wachtwoord-123"
NEW_PASSWORD = "Mijn-eigen-wachtwoord-42"


def _look(page, name, seen):
    """The page as the editor reads it: no English, no "je"; a screenshot to look at."""
    page.wait_for_load_state("networkidle")
    text = page.evaluate(
        """() => [document.title, document.body.innerText,
            ...[...document.querySelectorAll('[placeholder]')].map(e => e.placeholder)]
            .join('\\n')"""
    )
    seen[name] = problems(text)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def _log_in(page, email, password):
    page.goto(page.base_url + reverse("wagtailadmin_login"))
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()


def test_an_editor_from_invitation_to_an_approved_offer(page, browser):
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    west = WijkPage.objects.get(slug="west")
    person("beheerder", Group.objects.get(name=ADMINISTRATORS))
    person("coordinator", Group.objects.get(name=wijk_group_name(west)))
    seen = {}

    # The administrator invites Fatima.
    _log_in(page, "beheerder@example.org", PASSWORD)
    page.goto(page.base_url + reverse("redactie_invitation"))
    _look(page, "01-uitnodigen", seen)
    page.locator("input[name=first_name]").fill("Fatima")
    page.locator("input[name=email]").fill("fatima@example.org")
    page.get_by_label("Redacteur van een buurt").check()
    page.locator("select[name=buurt]").select_option(label="Oog in Al")
    page.get_by_role("button", name="Stuur de uitnodiging").click()
    page.get_by_text("Fatima is uitgenodigd voor Oog in Al").wait_for()
    page.context.clear_cookies()

    # Fatima sets her password from the e-mail and logs in with her e-mail address.
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/admin/password_reset/\S+", message.body).group(0)
    page.goto(link)
    page.get_by_role("heading", name="Wachtwoord instellen").wait_for()
    _look(page, "02-wachtwoord-instellen", seen)
    page.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.get_by_role("heading", name="Uw wachtwoord is opgeslagen").wait_for()
    _look(page, "03-wachtwoord-opgeslagen", seen)
    page.get_by_role("link", name="Inloggen").click()
    _look(page, "04-inloggen", seen)
    _log_in(page, "fatima@example.org", NEW_PASSWORD)
    _look(page, "05-dashboard-redacteur", seen)

    # "Nieuw aanbod" on her dashboard opens the form under her buurt.
    page.locator("#nieuw-aanbod-content").get_by_role("link", name="Nieuw aanbod").click()
    page.wait_for_url(f"**/pages/add/aanbod/aanbodpage/{oog_in_al.pk}/**")
    _look(page, "06-nieuw-aanbod", seen)

    # Filled in with an address and no coordinates; the checks panel groups its findings.
    page.locator("#id_title_nl").fill("Koffie-ochtend in de Oog in Al")
    page.locator("#id_summary_nl").fill(
        "Elke dinsdag drinken buren samen koffie. Iedereen is welkom. Indien u wilt, kunt u "
        "teneinde kennis te maken langskomen."
    )
    panel = page.locator("[data-bw-checks]")
    official = panel.locator("details.bw-checks__group[data-kind=officialese]")
    official.wait_for(timeout=15_000)
    if official.get_attribute("open") is None:  # only the worst rule starts open
        official.locator("summary").click()
    assert panel.locator("ins.bw-checks__alternative", has_text="om").first.is_visible()
    _look(page, "06b-controle-gegroepeerd", seen)
    page.locator("#id_summary_nl").fill(
        "Elke dinsdag drinken buren samen koffie. Iedereen is welkom."
    )
    page.locator("#id_plekken-ADD").click()
    page.locator("#id_plekken-0-address").fill("Kanaalweg 1")
    page.locator("#id_plekken-0-postcode").fill("3526 KL")
    page.locator("input[name=needs]").first.check()
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Stuur door naar")).click()
    page.get_by_text(re.compile("ingediend")).first.wait_for()
    _look(page, "07-ingediend", seen)
    offer = AanbodPage.objects.get(title="Koffie-ochtend in de Oog in Al")
    assert not offer.live
    place = offer.get_latest_revision_as_object().plekken.get()
    assert place.address == "Kanaalweg 1"
    page.context.clear_cookies()

    # The coordinator approves it from the dashboard.
    _log_in(page, "coordinator@example.org", PASSWORD)
    _look(page, "08-dashboard-coordinator", seen)
    # ... where the offer waits with the result of its checks.
    row = page.locator("[data-review-list] tr", has_text="Koffie-ochtend in de Oog in Al")
    assert row.is_visible()
    assert row.locator("[data-level]").inner_text().strip() not in ("", "–")
    assert row.locator("[data-errors]").inner_text().strip() == "geen fouten"
    page.get_by_role("link", name="Koffie-ochtend in de Oog in Al").first.click()
    _look(page, "09-beoordelen", seen)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
    _look(page, "10-goedgekeurd", seen)
    assert page.get_by_text("De pagina staat nu op de website.").first.is_visible()
    offer.refresh_from_db()
    assert offer.live
    page.context.clear_cookies()
    response = page.goto(page.base_url + offer.url)
    assert response.status == 200
    assert page.get_by_role("heading", name="Koffie-ochtend in de Oog in Al").first.is_visible()

    assert not any(seen.values()), {name: found for name, found in seen.items() if found}
