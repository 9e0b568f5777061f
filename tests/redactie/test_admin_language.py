"""The admin in Dutch with "u": the pages an editor opens show no English interface text and
no "je" (Wagtail's and wagtail-modeltranslation's texts are overridden in
redactie/admin_locale/), and the Meldingen list says "Afgehandeld: Nee, nog open"."""

import pytest

from redactie.models import Melding

from .language_scan import problems, visible_text

pytestmark = pytest.mark.django_db


def test_the_pages_an_editor_opens_are_dutch_with_u(client, editor, places):
    Melding.objects.create(page=places["own"], message="De tijd klopt niet")
    client.force_login(editor)
    buurt = places["oog_in_al"].pk
    found = {}
    for url in [
        "/admin/",
        f"/admin/pages/{buurt}/",
        f"/admin/pages/add/aanbod/aanbodpage/{buurt}/",
        f"/admin/pages/{places['own'].pk}/edit/",
        "/admin/snippets/redactie/melding/?afgehandeld=nee",
        "/admin/account/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = problems(visible_text(response.content.decode()))
    assert not any(found.values()), found


def test_the_login_and_password_pages_are_dutch_with_u(client):
    for url in ["/admin/login/", "/admin/password_reset/"]:
        assert problems(visible_text(client.get(url).content.decode())) == [], url


def test_reports_say_afgehandeld_in_words(client, editor, places):
    Melding.objects.create(page=places["own"], message="De tijd klopt niet")
    client.force_login(editor)
    html = client.get("/admin/snippets/redactie/melding/?afgehandeld=nee").content.decode()
    assert "False" not in html
    assert "Nee, nog open" in html  # the column and the active filter
    assert "De tijd klopt niet" in html
    handled = client.get("/admin/snippets/redactie/melding/?afgehandeld=ja").content.decode()
    assert "De tijd klopt niet" not in handled


def test_the_scan_catches_an_english_word_and_je():
    assert problems(visible_text("<p>Save your changes</p>"))
    assert problems(visible_text('<input placeholder="Zoek je pagina">'))
    assert problems(visible_text("<p>Sla uw wijzigingen op</p>")) == []


def test_the_scan_catches_wagtails_wrong_dutch():
    assert problems(visible_text("<p>1-1van 1pagina</p>"))
    assert problems(visible_text("<span>LIVE</span>"))
    assert problems(visible_text("<p>Voer ter verificatie nogmaals het wachtwoord in.</p>"))
    assert problems(visible_text("<p>1-1 van 1 pagina, online</p>")) == []
