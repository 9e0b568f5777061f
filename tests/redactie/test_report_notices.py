"""The editors hear of 'Klopt er iets niet?' reports by e-mail: one a day at most."""

import pytest
from django.core import mail
from django.core.management import call_command

from redactie.models import Melding
from tests.factories import make_offer

from .test_verification import frozen, people, tree  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def run():
    call_command("send_report_notices", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_editor_gets_one_email_with_every_new_report_and_not_again(
    frozen,  # noqa: F811
    people,  # noqa: F811
    tree,  # noqa: F811
):
    buurt, _wijk, other = tree
    moestuin = make_offer(buurt, title="Moestuin")
    kamer = make_offer(buurt, title="Buurtkamer")
    elsewhere = make_offer(other, title="Taalcafé")
    Melding.objects.create(page=moestuin, message="De tijd is nu 10 uur.")
    Melding.objects.create(page=kamer, message="Het telefoonnummer werkt niet.")
    Melding.objects.create(page=elsewhere, message="Gesloten.")
    Melding.objects.create(page=kamer, message="Al gezien.", afgehandeld=True)

    run()

    fatima = [m for m in mail.outbox if m.to == ["fatima@example.org"]]
    assert len(fatima) == 1
    body = fatima[0].body
    assert "Moestuin" in body and '"De tijd is nu 10 uur."' in body
    assert "Het telefoonnummer werkt niet." in body
    assert "Gesloten." not in body and "Al gezien." not in body
    assert "Beste Fatima," in body
    assert "http://testserver/admin/snippets/redactie/melding/edit/" in body
    assert [m.to for m in mail.outbox if "Gesloten." in m.body] == [["olaf@example.org"]]
    assert not [m for m in mail.outbox if m.to == ["cor@example.org"]]  # editors come first

    mail.outbox.clear()
    run()  # the next day, nothing new: nothing sent
    assert mail.outbox == []

    Melding.objects.create(page=moestuin, message="Nog iets.")
    run()
    [again] = mail.outbox
    assert again.to == ["fatima@example.org"]
    assert "Nog iets." in again.body and "De tijd is nu" not in again.body


def test_without_editors_the_coordinator_hears_of_it(frozen, people, tree):  # noqa: F811
    wijk = tree[1]
    offer = make_offer(wijk, title="Wijkfeest")
    Melding.objects.create(page=offer, message="De datum klopt niet.")
    run()
    assert [m.to for m in mail.outbox] == [["cor@example.org"]]
