"""Keeping offers current: "Klopt nog" in the admin, the "Te controleren" panel, the reminder
e-mails at 6 and 12 months (with a frozen clock), and the single-use confirm link."""

import datetime
import re
import time
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from aanbod.models import AanbodPage
from buurten.models import BuurtPage
from redactie.verification import confirm as confirm_module
from redactie.verification.admin import TeControlerenPanel, header_buttons, listing_buttons
from redactie.verification.confirm import make_link_token
from redactie.verification.reminders import build_reminders
from redactie.verification.rules import due_offers, months_before, stale_offers
from redactie.verification.tasks import send_reminders_task
from tests.factories import make_offer, make_organisatie, page_group

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)
D = datetime.date


@pytest.fixture
def frozen(monkeypatch):
    """Freeze Django's clock at 24 November 2026, 10:00 in Utrecht."""
    moment = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert timezone.localdate() == TODAY
    return moment


def person(django_user_model, username, *groups, email=True, **fields):
    user = django_user_model.objects.create_user(
        username,
        email=f"{username}@example.org" if email else "",
        password="wachtwoord-voor-test",
        first_name=username.capitalize(),
        **fields,
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def tree():
    buurt = BuurtPage.objects.get(title="Oog in Al")
    wijk = buurt.get_parent().specific
    other = BuurtPage.objects.exclude(path__startswith=wijk.path).order_by("path").first()
    return buurt, wijk, other


@pytest.fixture
def people(django_user_model, tree):
    buurt, wijk, other = tree
    editors = page_group("buurt-redactie", buurt, ["add_page", "change_page"])
    coordinators = page_group(
        "wijk-coordinatie", wijk, ["add_page", "change_page", "publish_page", "lock_page"]
    )
    others = page_group("andere-buurt", other, ["add_page", "change_page"])
    return {
        "fatima": person(django_user_model, "fatima", editors),
        "cor": person(django_user_model, "cor", coordinators),
        "olaf": person(django_user_model, "olaf", others),
        "initiatief": person(django_user_model, "initiatief"),
        "admin": django_user_model.objects.create_superuser(
            "beheer", "beheer@example.org", "wachtwoord-voor-test"
        ),
    }


def text_of(response) -> str:
    html = response.content.decode()
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def klopt_nog_url(offer):
    return reverse("redactie_klopt_nog", args=[offer.pk])


# When is an offer due or stale -------------------------------------------------------------


def test_months_before_counts_calendar_months():
    assert months_before(D(2026, 11, 24), 6) == D(2026, 5, 24)
    assert months_before(D(2026, 8, 31), 6) == D(2026, 2, 28)
    assert months_before(D(2026, 3, 15), 6) == D(2025, 9, 15)


def test_due_at_six_months_and_stale_after_a_year(frozen):
    exactly_six = make_offer(last_verified=D(2026, 5, 24))
    almost_six = make_offer(last_verified=D(2026, 5, 25))
    a_year = make_offer(last_verified=D(2025, 11, 24))  # 365 days: due, not stale yet
    past_year = make_offer(last_verified=D(2025, 11, 23))  # 366 days: stale
    make_offer(last_verified=D(2024, 1, 1), status=AanbodPage.Status.BEEINDIGD)  # ended
    make_offer(last_verified=D(2024, 1, 1), publish=False)  # not online

    assert set(due_offers()) == {exactly_six, a_year, past_year}
    assert set(stale_offers()) == {past_year}
    # The same line as the public warning "Deze informatie is misschien niet meer juist".
    assert not a_year.is_stale and past_year.is_stale
    assert almost_six not in due_offers()


# "Klopt nog" in the admin ------------------------------------------------------------------


def test_klopt_nog_publishes_a_revision_with_todays_date_in_the_editors_name(
    client, frozen, people
):
    offer = make_offer(last_verified=D(2026, 1, 10), title="Taalcafé")
    revisions_before = Revision.objects.for_instance(offer).count()
    client.force_login(people["fatima"])  # a buurt editor: may not publish otherwise

    response = client.post(klopt_nog_url(offer), {"next": "/admin/"})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    offer.refresh_from_db()
    assert offer.last_verified == TODAY
    assert offer.live and not offer.has_unpublished_changes
    assert Revision.objects.for_instance(offer).count() == revisions_before + 1
    revision = offer.live_revision
    assert revision.user == people["fatima"]
    assert revision.content["last_verified"] == "2026-11-24"
    logged = set(
        PageLogEntry.objects.filter(page=offer, user=people["fatima"]).values_list(
            "action", flat=True
        )
    )
    assert {"aanbod.klopt_nog", "wagtail.publish"} <= logged
    # Residents see the new date.
    page = client.get(offer.url)
    assert "Laatst gecontroleerd op 24 november 2026" in text_of(page)


def test_klopt_nog_with_a_draft_waiting_changes_nothing_and_says_what_to_do(client, frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10), title="Taalcafé")
    offer.title = "Taalcafé (nieuwe tijden)"
    draft = offer.save_revision(user=people["fatima"])  # waiting, not published
    client.force_login(people["fatima"])

    response = client.post(klopt_nog_url(offer), follow=True)

    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)
    assert offer.latest_revision == draft  # the draft is still the newest version
    assert offer.title == "Taalcafé"
    text = text_of(response)
    assert "nog niet gepubliceerd" in text and "Er is niets veranderd" in text
    assert "Laatst gecontroleerd op" in text  # says where to set the date instead


def test_klopt_nog_is_forbidden_for_someone_who_cannot_edit_the_offer(client, frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10))
    client.force_login(people["olaf"])  # editor of another buurt

    assert client.get(klopt_nog_url(offer)).status_code == 403
    assert client.post(klopt_nog_url(offer)).status_code == 403

    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)


def test_klopt_nog_for_an_organisation_editor(client, frozen, people, tree):
    organisatie = make_organisatie(name="Taalhuis")
    organisatie.editors.add(people["initiatief"])
    people["initiatief"].user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    offer = make_offer(tree[2], last_verified=D(2026, 1, 10), organisatie=organisatie)
    client.force_login(people["initiatief"])

    assert client.post(klopt_nog_url(offer)).status_code == 302
    offer.refresh_from_db()
    assert offer.last_verified == TODAY


def test_klopt_nog_without_javascript_asks_first_then_posts(client, frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10), title="Taalcafé")
    client.force_login(people["fatima"])

    page = client.get(klopt_nog_url(offer))

    assert page.status_code == 200
    html = page.content.decode()
    assert f'action="{klopt_nog_url(offer)}"' in html and 'method="post"' in html
    assert "Ja, klopt nog" in html
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)  # a GET changes nothing


def test_klopt_nog_goes_back_only_to_pages_of_this_site(client, frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10))
    client.force_login(people["fatima"])

    response = client.post(klopt_nog_url(offer), {"next": "https://kwaad.example/"})

    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[offer.pk])
    assert client.post(f"/admin/aanbod/{10**30}/klopt-nog/").status_code == 404


def test_klopt_nog_twice_on_one_day_makes_one_revision(client, frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10))
    client.force_login(people["fatima"])
    client.post(klopt_nog_url(offer))
    count = Revision.objects.for_instance(offer).count()

    response = client.post(klopt_nog_url(offer), follow=True)

    assert Revision.objects.for_instance(offer).count() == count
    assert "vandaag al gecontroleerd" in text_of(response)


def test_klopt_nog_buttons_only_for_those_who_may_edit(frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10))
    url = klopt_nog_url(offer)

    mine = list(header_buttons(offer, people["fatima"], "edit"))
    assert [button.url for button in mine] == [url]
    # With JavaScript it is one click: Wagtail's action controller POSTs to the same URL.
    assert mine[0].attrs["data-action"] == "w-action#post"
    assert mine[0].attrs["data-w-action-url-value"] == url
    assert [b.url for b in listing_buttons(offer, people["fatima"])] == [url]
    assert list(header_buttons(offer, people["olaf"], "edit")) == []
    assert list(listing_buttons(offer, people["olaf"])) == []
    buurt = offer.get_parent()
    assert list(header_buttons(buurt, people["fatima"], "index")) == []


def test_explorer_listing_and_edit_view_show_klopt_nog_for_the_buurts_editor(
    client, frozen, people, tree
):
    offer = make_offer(last_verified=D(2026, 1, 10))
    client.force_login(people["fatima"])

    response = client.get(reverse("wagtailadmin_explore", args=[tree[0].pk]))

    assert response.status_code == 200
    listing = response.content.decode()
    # A visible button (Wagtail's listing button style), not an item of the "..." menu.
    link = re.search(rf'<a[^>]*href="{klopt_nog_url(offer)}"[^>]*>', listing)
    assert link and 'class="button button-small button-secondary' in link.group(0)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()
    button = re.search(rf'<a href="{klopt_nog_url(offer)}"[^>]*>', edit)
    assert button and 'data-action="w-action#post"' in button.group(0)


def test_the_command_can_put_the_work_on_the_task_queue(frozen, people, capsys):
    make_offer(last_verified=D(2025, 1, 1))
    call_command("send_verification_reminders", "--als-taak")
    assert "Taak in de wachtrij gezet" in capsys.readouterr().out
    assert len(mail.outbox) == 2  # the default backend runs it at once


# "Te controleren" on the dashboard ---------------------------------------------------------


def render_panel(rf, user):
    request = rf.get("/admin/")
    request.user = user
    return TeControlerenPanel().render_html({"request": request, "csrf_token": "token"})


def test_dashboard_lists_own_offers_not_checked_for_six_months_oldest_first(
    client, frozen, people, tree
):
    buurt, _wijk, other = tree
    newer = make_offer(buurt, title="Breicafé", last_verified=D(2026, 4, 1))
    older = make_offer(buurt, title="Moestuin", last_verified=D(2025, 2, 1))
    make_offer(buurt, title="Fris gecontroleerd", last_verified=D(2026, 10, 1))
    make_offer(other, title="Andere buurt", last_verified=D(2025, 1, 1))
    client.force_login(people["fatima"])

    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert "Te controleren" in html
    text = text_of(response)
    assert text.index("Moestuin") < text.index("Breicafé")
    assert "Fris gecontroleerd" not in text and "Andere buurt" not in text
    for offer in (older, newer):
        assert f'action="{klopt_nog_url(offer)}"' in html  # a plain form, no JavaScript needed


def test_dashboard_says_what_to_do_when_a_draft_is_waiting(client, frozen, people):
    offer = make_offer(title="Moestuin", last_verified=D(2025, 2, 1))
    offer.save_revision(user=people["fatima"])
    client.force_login(people["fatima"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Moestuin" in html and f'action="{klopt_nog_url(offer)}"' not in html
    assert "Er staat een wijziging klaar" in html


def test_dashboard_panel_is_not_shown_when_nothing_is_due(client, frozen, people):
    make_offer(last_verified=D(2026, 10, 1))
    client.force_login(people["fatima"])
    assert "Te controleren" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_panel_counts_for_superuser_only_their_own_offers(rf, frozen, people):
    make_offer(last_verified=D(2025, 1, 1))
    assert render_panel(rf, people["admin"]).strip() == ""
    assert render_panel(rf, people["olaf"]).strip() == ""
    assert "Klopt nog" in render_panel(rf, people["fatima"])


def test_dashboard_panel_queries_do_not_grow_with_the_number_of_offers(rf, frozen, people):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            render_panel(rf, people["fatima"])
        return len(captured)

    for _n in range(11):
        make_offer(last_verified=D(2025, 1, 1))
    few = queries()
    for _n in range(14):
        make_offer(last_verified=D(2025, 1, 1))
    many = queries()
    assert many == few <= 3  # permissions, the first ten offers, how many there are
    assert "En nog 15 pagina's" in render_panel(rf, people["fatima"])


# The reminder e-mails ----------------------------------------------------------------------


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_digest_goes_to_each_editor_and_the_coordinator_hears_of_offers_past_a_year(
    frozen, people, tree, django_user_model
):
    buurt, _wijk, other = tree
    half_year = make_offer(buurt, title="Moestuin", last_verified=D(2026, 5, 24))
    past_year = make_offer(buurt, title="Buurtkamer", last_verified=D(2025, 11, 1))
    make_offer(buurt, title="Fris", last_verified=D(2026, 5, 25))
    organisatie = make_organisatie(name="Taalhuis")
    organisatie.editors.add(people["initiatief"])
    make_offer(other, title="Taalcafé", organisatie=organisatie, last_verified=D(2026, 3, 1))
    no_mail = person(django_user_model, "zondermail", *people["fatima"].groups.all(), email=False)
    inactive = person(django_user_model, "oud", *people["fatima"].groups.all(), is_active=False)

    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    [digest] = mail_to("fatima@example.org")
    body = digest.body
    assert "Moestuin" in body and "Buurtkamer" in body and "Fris" not in body
    assert "Taalcafé" not in body
    assert body.index("Buurtkamer") < body.index("Moestuin")  # oldest first
    assert "Laatst gecontroleerd op 1 november 2025." in body
    assert "Beste Fatima," in body
    for offer in (half_year, past_year):
        assert f"http://testserver/admin/pages/{offer.pk}/edit/" in body
    assert len(re.findall(r"http://testserver/aanbod/controle/[^/\s]+/", body)) == 2

    [org_digest] = mail_to("initiatief@example.org")
    assert "Taalcafé" in org_digest.body and "Moestuin" not in org_digest.body

    # Olaf (other buurt) has only the organisation's offer in his buurt: he is its buurt editor.
    [olaf_digest] = mail_to("olaf@example.org")
    assert "Taalcafé" in olaf_digest.body

    [note] = mail_to("cor@example.org")  # the coordinator: only what is past a year
    assert "meer dan een jaar" in note.subject
    assert "Buurtkamer" in note.body and "Moestuin" not in note.body
    assert "Fatima (fatima@example.org)" in note.body

    assert mail_to("beheer@example.org") == []  # a superuser is not responsible by default
    assert not any(no_mail.username in m.body for m in mail.outbox)
    assert mail_to(inactive.email) == []
    assert len(mail.outbox) == 4


def test_one_failing_address_does_not_stop_the_others(frozen, people, tree, monkeypatch):
    make_offer(tree[0], last_verified=D(2025, 1, 1))
    real_send = mail.EmailMessage.send

    def send(message, *args, **kwargs):
        if message.to == ["fatima@example.org"]:
            raise OSError("mailbox full")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    with pytest.raises(CommandError, match="fatima@example.org"):
        call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [["cor@example.org"]]


def test_nothing_is_sent_when_nothing_is_due(frozen, people):
    make_offer(last_verified=D(2026, 6, 1))
    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []


def test_dry_run_sends_nothing(frozen, people, capsys):
    make_offer(last_verified=D(2025, 1, 1))
    call_command("send_verification_reminders", "--proef")
    assert mail.outbox == []
    assert "fatima@example.org" in capsys.readouterr().out


def test_reminders_run_as_a_background_task(frozen, people):
    make_offer(last_verified=D(2025, 1, 1), title="Moestuin")

    result = send_reminders_task.enqueue()

    assert result.status == "SUCCESSFUL"
    assert result.return_value["editor_mails"] == ["fatima@example.org"]
    assert result.return_value["coordinator_mails"] == ["cor@example.org"]
    assert len(mail.outbox) == 2


def test_building_the_reminders_takes_a_fixed_number_of_queries(frozen, people, tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            build_reminders()
        return len(captured)

    for _n in range(2):
        make_offer(tree[0], last_verified=D(2025, 1, 1))
    few = queries()
    for _n in range(8):
        make_offer(tree[0], last_verified=D(2025, 1, 1))
        make_offer(tree[2], last_verified=D(2025, 1, 1))
    assert queries() == few


# The confirm link in the e-mail ------------------------------------------------------------


@pytest.fixture
def mailed(frozen, people):
    offer = make_offer(last_verified=D(2026, 1, 10), title="Moestuin")
    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [digest] = mail_to("fatima@example.org")
    [link] = re.findall(r"http://testserver(/aanbod/controle/[^/\s]+/)", digest.body)
    return offer, link


def test_opening_the_link_shows_the_offer_and_changes_nothing(client, mailed):
    offer, link = mailed
    response = client.get(link)  # also what a link scanner in a mailbox does

    assert response.status_code == 200
    text = text_of(response)
    assert "Moestuin" in text and "Laatst gecontroleerd op 10 januari 2026" in text
    html = response.content.decode()
    assert 'method="post"' in html and "Ja, dit klopt nog" in html
    assert 'name="robots" content="noindex' in html
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)


def test_confirming_by_link_publishes_a_revision_in_the_editors_name(client, mailed, people):
    offer, link = mailed

    response = client.post(link)

    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Dank u wel" in text_of(thanks)
    offer.refresh_from_db()
    assert offer.last_verified == TODAY and not offer.has_unpublished_changes
    assert offer.live_revision.user == people["fatima"]
    assert PageLogEntry.objects.filter(
        page=offer, user=people["fatima"], action="aanbod.klopt_nog"
    ).exists()


def test_the_thank_you_page_shows_nothing_of_offers_that_are_not_online(client, frozen):
    draft = make_offer(publish=False, title="Geheim concept")
    response = client.get(reverse("redactie:klopt-nog-klaar", args=[draft.pk]))
    assert response.status_code == 404
    assert "Geheim concept" not in response.content.decode()


def test_a_link_works_only_once(client, mailed):
    offer, link = mailed
    client.post(link)
    revisions = Revision.objects.for_instance(offer).count()

    again = client.post(link)
    opened = client.get(link)

    for response in (again, opened):
        assert response.status_code == 409
        assert "Deze link is al gebruikt" in text_of(response)
        assert "Ja, dit klopt nog" not in response.content.decode()
    assert Revision.objects.for_instance(offer).count() == revisions


def test_an_expired_link_is_refused(client, frozen, people, monkeypatch):
    offer = make_offer(last_verified=D(2026, 1, 10))
    made = time.time() - 31 * 24 * 60 * 60  # the link was made 31 days ago
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: made)
        token = make_link_token(offer, people["fatima"])
    link = reverse("redactie:klopt-nog-link", args=[token])

    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "Deze link is verlopen" in text_of(response)
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),  # signature
        lambda token: "W" + token[1:] if token[0] != "W" else "X" + token[1:],  # contents
        lambda token: "onzin",
        lambda token: token + "%00",
        lambda token: "😀" * 40,
    ],
)
def test_a_changed_link_is_refused(client, frozen, people, tamper):
    offer = make_offer(last_verified=D(2026, 1, 10))
    token = tamper(make_link_token(offer, people["fatima"]))

    for method in (client.get, client.post):
        response = method(f"/aanbod/controle/{token}/")
        assert response.status_code == 400
        assert "Deze link werkt niet" in text_of(response)
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)


def test_a_link_for_one_offer_cannot_confirm_another(client, frozen, people):
    mine = make_offer(last_verified=D(2026, 1, 10))
    other = make_offer(last_verified=D(2026, 1, 10))
    value = signing.loads(make_link_token(mine, people["fatima"]), salt=confirm_module.LINK_SALT)
    forged = signing.dumps([other.pk, *value[1:]], salt="iets-anders")

    assert client.post(f"/aanbod/controle/{forged}/").status_code == 400
    other.refresh_from_db()
    assert other.last_verified == D(2026, 1, 10)


def test_a_link_stops_working_when_the_editor_lost_their_rights(client, mailed, people):
    offer, link = mailed
    people["fatima"].groups.clear()

    response = client.post(link)

    assert response.status_code == 403
    assert "niet (meer) aanpassen" in text_of(response)
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10)


def test_a_link_with_a_draft_waiting_changes_nothing(client, mailed, people):
    offer, link = mailed
    offer.title = "Moestuin (nieuw)"
    offer.save_revision(user=people["cor"])

    response = client.post(link)

    assert response.status_code == 409
    assert "nog niet gepubliceerd" in text_of(response)
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 1, 10) and offer.title == "Moestuin"


def test_a_second_run_does_not_repeat_what_was_sent_and_a_year_tells_everyone_once_more(
    frozen, people, tree, monkeypatch
):
    offer = make_offer(tree[0], title="Moestuin", last_verified=D(2026, 5, 1))
    quiet = {"stdout": open("/dev/null", "w")}  # noqa: SIM115

    call_command("send_verification_reminders", **quiet)
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
    assert offer.herinnering.verstuurd_op == TODAY

    mail.outbox.clear()
    call_command("send_verification_reminders", **quiet)  # next month: nothing new
    assert mail.outbox == []

    # Once past a year (a new stage): the editor and the coordinator, once.
    later = datetime.datetime(2027, 5, 5, 9, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("send_verification_reminders", **quiet)
    assert sorted(m.to[0] for m in mail.outbox) == ["cor@example.org", "fatima@example.org"]
    mail.outbox.clear()
    call_command("send_verification_reminders", **quiet)
    assert mail.outbox == []


def test_an_offer_whose_mail_failed_is_tried_again(frozen, people, tree, monkeypatch):
    make_offer(tree[0], last_verified=D(2026, 5, 1))
    real_send = mail.EmailMessage.send

    def send(message, *args, **kwargs):
        raise OSError("mailbox full")

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    with pytest.raises(CommandError):
        call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    monkeypatch.setattr(mail.EmailMessage, "send", real_send)
    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
