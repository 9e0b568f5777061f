"""The admin speaks Dutch, and administrators edit the contact details shown on every page."""

import pytest

from home.models import ContactSettings

pytestmark = pytest.mark.django_db


def test_admin_login_is_in_dutch(client):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="nl"' in html
    assert "Inloggen" in html or "Log in" not in html


def test_administrator_changes_the_phone_number_shown_in_the_footer(admin_client, client):
    settings = ContactSettings.load()
    url = f"/admin/settings/home/contactsettings/{settings.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"phone": "030 286 0000", "phone_hours": "Elke werkdag", "email": "info@example.org"}
    )
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "030 286 0000" in html and 'href="tel:+31302860000"' in html
    assert "Elke werkdag" in html


def test_user_bar_accessibility_checker_is_on_for_editors(admin_client):
    html = admin_client.get("/").content.decode()
    assert "wagtail-userbar" in html
    assert "checker-axe-configuration" in html  # the accessibility checker (axe) runs
