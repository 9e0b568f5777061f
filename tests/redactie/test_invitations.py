"""Adding a person to a buurt, wijk or organisation is one step, with an e-mail to set a password."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command

from buurten.models import BuurtPage
from redactie.roles import ADMINISTRATORS, buurt_group_name, wijk_group_name
from tests.factories import make_organisatie

pytestmark = pytest.mark.django_db
URL = "/admin/uitnodigen/"


@pytest.fixture
def beheerder(client):
    user = User.objects.create_user("beheerder", "beheer@example.org", "een-lang-wachtwoord-123")
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))
    client.force_login(user)
    return user


def test_invite_a_buurt_editor_who_then_sets_a_password(client, beheerder):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    response = client.post(
        URL,
        {"first_name": "Fatima", "email": "fatima@example.org", "role": "buurt", "buurt": buurt.pk},
    )
    assert response.status_code == 302
    person = User.objects.get(email="fatima@example.org")
    assert person.groups.filter(name=buurt_group_name(buurt)).exists()
    assert not person.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["fatima@example.org"] and "Oog in Al" in message.body
    link = re.search(r"http://testserver(/admin/password_reset/\S+)", message.body).group(1)
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    done = client.post(
        set_url,
        {
            "new_password1": "Mijn-nieuwe-wachtwoord-42",
            "new_password2": "Mijn-nieuwe-wachtwoord-42",
        },
    )
    assert done.status_code == 302
    assert client.login(username="fatima@example.org", password="Mijn-nieuwe-wachtwoord-42")


def invite_fatima(client):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    client.post(
        URL,
        {"first_name": "Fatima", "email": "Fatima@Example.org", "role": "buurt", "buurt": buurt.pk},
    )
    (message,) = mail.outbox
    return message


def test_the_invitation_says_how_to_log_in_and_comes_from_the_configured_sender(
    client, beheerder, settings
):
    settings.DEFAULT_FROM_EMAIL = "Buurtwijzer Utrecht <redactie@buurtwijzer.example>"
    settings.BUURTWIJZER_PUBLIC_URL = "https://buurtwijzer.example"
    message = invite_fatima(client)
    assert message.from_email == "Buurtwijzer Utrecht <redactie@buurtwijzer.example>"
    # The administrator who invited reads the answers.
    assert message.reply_to == ["beheer@example.org"]
    assert "Vragen? Antwoord op deze e-mail." in message.body
    assert "logt u in met uw e-mailadres: Fatima@example.org" in message.body
    assert "https://buurtwijzer.example/admin/password_reset/" in message.body
    assert "https://buurtwijzer.example/admin/login/" in message.body


def test_a_noreply_sender_does_not_ask_for_an_answer(client, beheerder, settings):
    settings.DEFAULT_FROM_EMAIL = "Buurtwijzer Utrecht <noreply@buurtwijzer.example>"
    beheerder.email = ""
    beheerder.save()
    message = invite_fatima(client)
    assert message.reply_to == []
    assert "Antwoord op deze e-mail" not in message.body


def test_the_invited_editor_sets_a_password_and_logs_in_with_the_e_mail_address(client, beheerder):
    message = invite_fatima(client)
    link = re.search(r"http://testserver(/admin/password_reset/\S+)", message.body).group(1)
    client.logout()
    page = client.get(link, follow=True)
    html = page.content.decode()
    assert "Wachtwoord instellen" in html
    assert "resetten" not in html.lower() and "Reset" not in html
    done = client.post(
        page.redirect_chain[-1][0],
        {
            "new_password1": "Mijn-nieuwe-wachtwoord-42",
            "new_password2": "Mijn-nieuwe-wachtwoord-42",
        },
        follow=True,
    )
    assert "Uw wachtwoord is opgeslagen" in done.content.decode()
    login = client.get("/admin/login/").content.decode()
    assert "E-mailadres" in login and "Password" not in login and "Wachtwoord" in login
    assert "Inloggen bij Buurtwijzer Utrecht" in login
    response = client.post(
        "/admin/login/",
        {"username": " FATIMA@example.org", "password": "Mijn-nieuwe-wachtwoord-42"},
    )
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_someone_with_a_password_chooses_a_new_one(client, beheerder):
    User.objects.create_user("fatima", "fatima@example.org", "al-een-wachtwoord-99")
    message = invite_fatima(client)
    assert "U kunt inloggen met uw eigen wachtwoord" in message.body
    link = re.search(r"http://testserver(/admin/password_reset/\S+)", message.body).group(1)
    client.logout()
    html = client.get(link, follow=True).content.decode()
    assert "Kies een nieuw wachtwoord" in html and "Wachtwoord instellen" not in html
    # The user name still works, and so does the e-mail address.
    assert client.login(username="fatima", password="al-een-wachtwoord-99")
    assert client.login(username="fatima@example.org", password="al-een-wachtwoord-99")


def test_invite_after_a_buurt_and_a_wijk_were_renamed(client, beheerder):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    group = Group.objects.get(name=buurt_group_name(buurt))
    buurt.title = "Oog in Al en omgeving"
    buurt.save()
    response = client.post(
        URL, {"first_name": "Sem", "email": "sem@example.org", "role": "buurt", "buurt": buurt.pk}
    )
    assert response.status_code == 302
    assert User.objects.get(email="sem@example.org").groups.filter(pk=group.pk).exists()
    wijk = buurt.get_parent().specific
    coordinators = Group.objects.get(name=wijk_group_name(wijk))
    wijk.title = "West (Utrecht)"
    wijk.save()
    response = client.post(
        URL, {"first_name": "Noor", "email": "noor@example.org", "role": "wijk", "wijk": wijk.pk}
    )
    assert response.status_code == 302
    assert User.objects.get(email="noor@example.org").groups.filter(pk=coordinators.pk).exists()
    call_command("setup_site", verbosity=0)  # the groups follow the new names
    group.refresh_from_db()
    assert group.name == buurt_group_name(buurt)
    assert Group.objects.filter(name__startswith="Redacteuren Oog in Al").count() == 1


def test_invite_an_organisation_editor(client, beheerder):
    organisatie = make_organisatie(name="Stichting Samen Koken")
    client.post(
        URL,
        {
            "first_name": "Kees",
            "email": "kees@example.org",
            "role": "organisatie",
            "organisatie": organisatie.pk,
        },
    )
    assert organisatie.editors.filter(email="kees@example.org").exists()


def test_missing_choice_gets_a_message_and_nobody_is_created(client, beheerder):
    response = client.post(
        URL, {"first_name": "<b>Kees</b>", "email": "geen-adres", "role": "wijk"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies bij welke wijk" in html
    assert "<b>Kees</b>" not in html
    assert not User.objects.filter(first_name__contains="Kees").exists()
    assert mail.outbox == []


def test_editors_cannot_invite_people(client):
    editor = User.objects.create_user("bewoner", "b@example.org", "een-lang-wachtwoord-123")
    editor.groups.add(
        Group.objects.get(name=buurt_group_name(BuurtPage.objects.get(title="Oog in Al")))
    )
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    assert "Iemand uitnodigen" not in client.get("/admin/").content.decode()
