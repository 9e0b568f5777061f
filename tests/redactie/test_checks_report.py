"""The admin report of pages that need work, the dashboard counts, and the stored results."""

import pytest
from django.urls import reverse

from buurten.models import BuurtPage, WijkPage
from checks.models import PaginaControle
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

OFFICIAL = "Indien u reeds participeert, dient u zich teneinde verstrekking middels het formulier te melden."


@pytest.fixture
def offers():
    """One plain and one officialese offer in Oog in Al (West), and one with an
    accessibility error in a buurt of another wijk."""
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    other = BuurtPage.objects.exclude(path__startswith=oog_in_al.get_parent().path).first()
    return {
        "plain": make_offer(oog_in_al, title="Soep op dinsdag"),
        "official": make_offer(oog_in_al, title="Ambtelijk aanbod", summary=OFFICIAL),
        "link": make_offer(other, title="Vage link", body='<p><a href="/x">klik hier</a></p>'),
        "other_wijk": other.get_parent(),
        "wijk": oog_in_al.get_parent(),
    }


def test_publishing_stores_the_check(offers):
    assert PaginaControle.objects.get(page=offers["plain"]).is_ok
    official = PaginaControle.objects.get(page=offers["official"])
    assert official.taalniveau == "boven B1" and official.taal_bevindingen >= 4
    link = PaginaControle.objects.get(page=offers["link"])
    assert link.toegankelijkheid_fouten == 1
    assert link.bevindingen["accessibility"][0]["rule"] == "link-vague"


def test_report_lists_pages_above_b1_or_with_errors(admin_client, offers):
    html = admin_client.get(reverse("redactie_checks_report")).content.decode()
    assert "Ambtelijk aanbod" in html and "Vage link" in html
    assert "Soep op dinsdag" not in html
    assert offers["wijk"].title in html


def test_report_filters_by_wijk(admin_client, offers):
    wijk = WijkPage.objects.get(pk=offers["wijk"].pk)
    html = admin_client.get(
        reverse("redactie_checks_report_results"), {"wijk": wijk.pk}
    ).content.decode()
    assert "Ambtelijk aanbod" in html and "Vage link" not in html


def test_report_filters_by_kind_of_problem(admin_client, offers):
    html = admin_client.get(
        reverse("redactie_checks_report_results"), {"probleem": "toegankelijkheid"}
    ).content.decode()
    assert "Vage link" in html and "Ambtelijk aanbod" not in html


def test_report_exports_a_spreadsheet(admin_client, offers):
    response = admin_client.get(reverse("redactie_checks_report"), {"export": "csv"})
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "Ambtelijk aanbod" in body and "boven B1" in body


def test_report_is_in_the_reports_menu_and_needs_page_rights(
    client, admin_client, offers, django_user_model
):
    assert (
        reverse("redactie_checks_report")
        in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    )
    nobody = django_user_model.objects.create_user("niemand", password="x" * 16)
    client.force_login(nobody)
    assert client.get(reverse("redactie_checks_report")).status_code in (302, 403)


def test_dashboard_counts(admin_client, offers):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 pagina is boven B1." in html
    assert "1 pagina heeft toegankelijkheidsfouten." in html


def test_a_fixed_page_leaves_the_report(admin_client, offers):
    page = offers["official"]
    page.summary = "Kom koffie drinken met buren."
    page.save_revision().publish()
    assert PaginaControle.objects.get(page=page).is_ok
    assert (
        "Ambtelijk aanbod"
        not in admin_client.get(reverse("redactie_checks_report")).content.decode()
    )


def test_a_broken_check_never_blocks_publishing(monkeypatch):
    import checks.models.results

    def broken(page):
        raise RuntimeError("kapot")

    monkeypatch.setattr(checks.models.results, "check_page", broken)
    page = make_offer(title="Toch online")
    assert page.live
