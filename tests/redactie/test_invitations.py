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
