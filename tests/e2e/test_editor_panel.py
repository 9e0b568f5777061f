"""The "Taal en toegankelijkheid" panel in the page editor follows the editor's typing."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from home.models import StandardPage


def log_in(page):
    get_user_model().objects.create_superuser(
        "redactie", "redactie@example.org", "wachtwoord-lang-genoeg"
    )
    page.goto(page.base_url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "redactie")
    page.fill("input[name=password]", "wachtwoord-lang-genoeg")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_panel_updates_while_typing_without_saving(page):
    over = StandardPage.objects.get(slug="over")
    log_in(page)
    page.goto(page.base_url + reverse("wagtailadmin_pages:edit", args=[over.pk]))
    panel = page.locator("[data-bw-checks]")
    assert panel.locator("[data-bw-checks-verdict]").get_attribute("data-bw-checks-verdict") == "B1"

    page.fill("textarea[name=intro_nl]", "Teneinde u te helpen, verstrekken wij reeds informatie.")
    marked = panel.locator("mark", has_text="Teneinde")
    marked.wait_for(timeout=10_000)
    assert (
        panel.locator("[data-bw-checks-verdict]").get_attribute("data-bw-checks-verdict")
        == "boven B1"
    )
    assert panel.get_by_text("Ambtelijk. Schrijf liever: om.").is_visible()

    over.refresh_from_db()
    assert "Teneinde" not in over.intro  # the check saved nothing
