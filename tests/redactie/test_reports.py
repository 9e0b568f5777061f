"""'Klopt er iets niet?': the form on every offer page (without JavaScript), its validation,
spam protection and rate limit, and the editors' inbox, where visitors' text is plain text."""

import datetime
import io
import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurten.models import BuurtPage
from redactie.models import Melding
from redactie.reports import views
from security.clients import client_address
from security.limits import Limit
from tests.factories import make_offer, make_organisatie, page_group

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b>vet</b> & <a href="https://kwaad.example">klik</a>'


@pytest.fixture(autouse=True)
def empty_cache():
    caches["limits"].clear()
    yield
    caches["limits"].clear()


@pytest.fixture
def offer():
    return make_offer(title="Buurtkamer De Leeuw")


def melding_url(page):
    return reverse("redactie:melding", args=[page.pk])


def text_of(response) -> str:
    html = response.content.decode()
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def send(client, page, message="De tijden kloppen niet meer: het is nu op woensdag.", **extra):
    """POST the form; keyword arguments in capitals are request headers (HTTP_...)."""
    headers = {key: value for key, value in extra.items() if key.isupper()}
    fields = {key: value for key, value in extra.items() if not key.isupper()}
    return client.post(melding_url(page), {"message": message, "email": "", **fields}, **headers)


# The form on the offer page ----------------------------------------------------------------


def test_every_offer_page_has_the_form_without_javascript(client, offer):
    response = client.get(offer.url)

    html = response.content.decode()
    assert "Klopt er iets niet?" in html
    form = re.search(r"<form[^>]*>.*?</form>", html[html.index("klopt-er-iets-niet") :], re.S)
    form_html = form.group(0)
    assert 'method="post"' in form_html
    assert f'action="{melding_url(offer)}#klopt-er-iets-niet"' in form_html
    assert 'name="csrfmiddlewaretoken"' not in form_html  # the page is cached for everyone
    assert '<label class="utrecht-form-label" for="melding-message">' in form_html
    assert 'maxlength="2000"' in form_html and "required" in form_html
    assert 'type="email"' in form_html and "(niet verplicht)" in form_html
    # The honeypot is hidden from people and screen readers, and out of the tab order.
    assert re.search(r'<div hidden>\s*<label for="melding-website">', form_html)
    assert 'tabindex="-1"' in form_html
    assert "<script" not in form_html


def test_a_report_is_stored_and_the_visitor_is_thanked(client, offer):
    response = send(client, offer, email="buurvrouw@example.org")

    assert response.status_code == 302
    assert response["Location"] == f"{offer.url}?melding=verstuurd#klopt-er-iets-niet"
    melding = Melding.objects.get()
    assert melding.page_id == offer.pk
    assert melding.message == "De tijden kloppen niet meer: het is nu op woensdag."
    assert melding.email == "buurvrouw@example.org"
    assert not melding.afgehandeld
    thanks = client.get(response["Location"])
    assert "Dank u wel! We hebben uw melding ontvangen." in text_of(thanks)


def test_only_what_the_visitor_typed_is_stored(client, offer):
    send(client, offer, HTTP_USER_AGENT="Test/1.0", REMOTE_ADDR="203.0.113.7")
    stored = Melding.objects.values().get()
    assert set(stored) == {
        *("id", "page_id", "message", "email", "created_at", "afgehandeld", "afgehandeld_op"),
        "doorgestuurd_op",  # when the editors were told: not about the visitor
    }
    assert "203.0.113.7" not in repr(stored) and "Test/1.0" not in repr(stored)


def test_posts_from_other_sites_are_refused_and_the_page_sets_no_cookie(offer):
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(offer.url)
    assert not page.cookies  # no CSRF cookie, no session: the page can be cached
    assert send(strict, offer, HTTP_ORIGIN="https://kwaad.example").status_code == 403
    assert send(strict, offer, HTTP_ORIGIN="null").status_code == 403
    assert send(strict, offer, HTTP_REFERER="https://kwaad.example/pagina").status_code == 403
    assert not Melding.objects.exists()
    assert send(strict, offer, HTTP_ORIGIN="http://testserver").status_code == 302
    assert Melding.objects.count() == 1


def test_opening_the_form_url_leads_to_the_offer(client, offer):
    response = client.get(melding_url(offer))
    assert response.status_code == 302
    assert response["Location"] == f"{offer.url}#klopt-er-iets-niet"


def test_reports_only_for_offers_that_are_online(client):
    draft = make_offer(publish=False)
    buurt = BuurtPage.objects.get(title="Oog in Al")
    for page_id in (draft.pk, buurt.pk, 999999, 10**30):
        response = client.post(f"/aanbod/{page_id}/melding/", {"message": "Klopt niet"})
        assert response.status_code == 404
    assert not Melding.objects.exists()


# Validation and hostile input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": ""}, "Schrijf wat er niet klopt."),
        ({"message": "   \n\t  "}, "Schrijf wat er niet klopt."),
        ({"message": "\u202e\u202d"}, "Schrijf wat er niet klopt."),
        (
            {"message": "x" * 2001},
            "Uw tekst is 2001 tekens lang. Maak hem korter: hoogstens 2000 tekens.",
        ),
        ({"message": "a" * 100_000}, "hoogstens 2000 tekens"),
        (
            {"message": "Fout\x00in de tekst"},
            "Er staat een teken in uw tekst dat wij niet kunnen lezen.",
        ),
        ({"message": "Klopt niet", "email": "geen-adres"}, "Dit is geen goed e-mailadres."),
        ({"message": "Klopt niet", "email": "a\x00@example.org"}, "Dit is geen goed e-mailadres."),
        ({"message": "Klopt niet", "email": "😀@😀"}, "Dit is geen goed e-mailadres."),
        ({"message": "Klopt niet", "email": "a" * 300 + "@example.org"}, "e-mailadres"),
    ],
)
def test_a_mistake_shows_the_page_again_with_a_clear_message(client, offer, data, message):
    response = client.post(melding_url(offer), data)

    assert response.status_code == 400
    text = text_of(response)
    assert message in text
    assert "Er is iets niet goed ingevuld" in text
    assert "Buurtkamer De Leeuw" in text  # still the offer page, not an error page
    assert not Melding.objects.exists()


def test_a_huge_request_is_refused_without_an_error_page(client, offer):
    response = client.post(melding_url(offer), {"message": "a" * 3_000_000})
    assert response.status_code == 400
    assert not Melding.objects.exists()


def test_a_mistake_keeps_what_the_visitor_typed_as_text(client, offer):
    response = client.post(melding_url(offer), {"message": SCRIPT, "email": "fout"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in html
    assert '<script>alert("x")' not in html
    assert 'aria-invalid="true"' in html


def test_exactly_2000_characters_is_fine(client, offer):
    assert send(client, offer, message="é" * 2000).status_code == 302
    assert len(Melding.objects.get().message) == 2000


def test_emoji_and_right_to_left_text_are_kept(client, offer):
    message = "الوقت تغير 🙂 שלום — de tijden kloppen niet"
    assert send(client, offer, message=message).status_code == 302
    assert Melding.objects.get().message == message


def test_invisible_control_and_direction_characters_are_removed(client, offer):
    send(client, offer, message="Klopt\u202e niet\x07 meer\u2066!")
    assert Melding.objects.get().message == "Klopt niet meer!"


def test_the_honeypot_stores_nothing_and_looks_like_success(client, offer):
    response = send(client, offer, website="https://spam.example")

    assert response.status_code == 302
    assert response["Location"].endswith("?melding=verstuurd#klopt-er-iets-niet")
    assert not Melding.objects.exists()


# Rate limit ---------------------------------------------------------------------------------


def test_at_most_five_reports_an_hour_from_one_visitor(client, offer):
    for n in range(views.PER_VISITOR.allowed):
        assert send(client, offer, message=f"Melding {n}").status_code == 302

    response = send(client, offer, message="Nummer zes")

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    text = text_of(response)
    assert "U hebt in korte tijd veel meldingen gestuurd" in text
    assert "Nummer zes" in response.content.decode()  # what they typed is not lost
    assert Melding.objects.count() == views.PER_VISITOR.allowed
    # Another visitor (behind the same proxy) can still send.
    other = send(client, offer, HTTP_X_FORWARDED_FOR="198.51.100.23")
    assert other.status_code == 302


def test_the_honeypot_counts_towards_the_limit(client, offer):
    for _n in range(views.PER_VISITOR.allowed):
        send(client, offer, website="spam")
    assert send(client, offer).status_code == 429
    assert not Melding.objects.exists()


def test_a_cap_for_everyone_together(client, offer, monkeypatch):
    monkeypatch.setattr(views, "EVERYONE", Limit("melding-alle", 3, views.WINDOW_SECONDS))
    for n in range(3):
        assert send(client, offer, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code == 302

    response = send(client, offer, HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert response.status_code == 429
    assert "Er komen nu heel veel meldingen binnen" in text_of(response)
    assert Melding.objects.count() == 3


def test_the_rate_limit_keeps_no_ip_address(client, offer):
    send(client, offer, HTTP_X_FORWARDED_FOR="198.51.100.77")
    keys = list(caches["limits"]._cache.keys())  # the local-memory cache of the test settings
    assert keys and not any("198.51.100.77" in key or "127.0.0.1" in key for key in keys)


def test_forwarded_for_is_only_believed_from_the_proxy(client, offer):
    def key(remote, forwarded):
        request = Client().get("/").wsgi_request
        request.META.update(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
        return client_address(request)

    assert key("127.0.0.1", "10.0.0.1, 198.51.100.5") == "198.51.100.5"  # nginx adds the last
    assert key("203.0.113.9", "198.51.100.5") == "203.0.113.9"  # not from our proxy: ignored


# The inbox in the admin ----------------------------------------------------------------------


@pytest.fixture
def inbox(django_user_model):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    wijk = buurt.get_parent()
    other = BuurtPage.objects.exclude(path__startswith=wijk.path).order_by("path").first()
    mine = make_offer(buurt, title="Buurtkamer De Leeuw")
    theirs = make_offer(other, title="Moestuin Elders")
    organisatie = make_organisatie(name="Taalhuis")
    org_offer = make_offer(other, title="Taalcafé", organisatie=organisatie)

    def user(name, *groups):
        person = django_user_model.objects.create_user(name, f"{name}@example.org", "wachtwoord")
        person.groups.add(*groups)
        return person

    people = {
        "fatima": user("fatima", page_group("buurt", buurt)),
        "olaf": user("olaf", page_group("andere-buurt", other)),
        "initiatief": user("initiatief", page_group("alleen-admin", buurt, ())),
        "admin": django_user_model.objects.create_superuser("beheer", "b@example.org", "w"),
    }
    organisatie.editors.add(people["initiatief"])
    reports = {
        "mine": Melding.objects.create(page=mine, message=SCRIPT, email="x@example.org"),
        "theirs": Melding.objects.create(page=theirs, message="Moestuin is dicht"),
        "org": Melding.objects.create(page=org_offer, message="Taalcafé op dinsdag"),
    }
    return people, reports


INBOX = "/admin/snippets/redactie/melding/"


def test_each_editor_sees_only_reports_on_offers_they_can_edit(client, inbox):
    people, reports = inbox

    client.force_login(people["fatima"])
    listing = client.get(INBOX)
    assert listing.status_code == 200
    text = text_of(listing)
    assert "Buurtkamer De Leeuw" in text
    assert "Moestuin" not in text and "Taalcafé" not in text
    # Each report is linked to its offer.
    assert (
        reverse("wagtailadmin_pages:edit", args=[reports["mine"].page_id])
        in listing.content.decode()
    )

    client.force_login(people["initiatief"])  # an organisation editor
    text = text_of(client.get(INBOX))
    assert "Taalcafé op dinsdag" in text and "Moestuin" not in text and "vet" not in text

    client.force_login(people["admin"])
    text = text_of(client.get(INBOX))
    assert all(word in text for word in ("Buurtkamer", "Moestuin", "Taalcafé"))


def refused(response):
    """Wagtail's admin answers a forbidden page with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_someone_elses_report_cannot_be_opened(client, inbox):
    people, reports = inbox
    client.force_login(people["olaf"])
    pk = reports["mine"].pk
    for action in ("edit", "delete", "history", "usage"):
        assert refused(client.get(f"{INBOX}{action}/{pk}/")), action
    assert refused(client.post(f"{INBOX}edit/{pk}/", {"afgehandeld": "on"}))
    assert refused(client.post(f"{INBOX}delete/{pk}/"))
    reports["mine"].refresh_from_db()
    assert not reports["mine"].afgehandeld
    # Their own report they can open.
    assert client.get(f"{INBOX}edit/{reports['theirs'].pk}/").status_code == 200


def test_visitors_text_is_plain_text_in_the_admin(client, inbox):
    people, reports = inbox
    client.force_login(people["fatima"])

    for url in (INBOX, f"{INBOX}edit/{reports['mine'].pk}/"):
        html = client.get(url).content.decode()
        assert '<script>alert("x")' not in html and "<b>vet</b>" not in html, url
        assert 'href="https://kwaad.example"' not in html, url
        assert "&lt;script&gt;" in html or "&lt;b&gt;vet" in html, url


def test_an_editor_marks_a_report_afgehandeld(client, inbox):
    people, reports = inbox
    client.force_login(people["fatima"])
    edit = f"{INBOX}edit/{reports['mine'].pk}/"
    page = client.get(edit)
    assert page.status_code == 200
    assert "Buurtkamer De Leeuw" in text_of(page)  # the offer, linked

    response = client.post(edit, {"afgehandeld": "on", "message": "overschreven?"})

    assert response.status_code == 302
    reports["mine"].refresh_from_db()
    assert reports["mine"].afgehandeld
    assert reports["mine"].message == SCRIPT  # what the visitor wrote cannot be changed


def test_nobody_adds_reports_in_the_admin(client, inbox):
    people, _reports = inbox
    client.force_login(people["admin"])
    assert refused(client.get(f"{INBOX}add/"))
    assert f'href="{INBOX}add/"' not in client.get(INBOX).content.decode()


def test_the_inbox_is_in_the_menu_for_editors_only(client, inbox, django_user_model):
    people, _reports = inbox
    client.force_login(people["fatima"])
    assert '"/admin/snippets/redactie/melding/"' in client.get("/admin/").content.decode()
    nobody = django_user_model.objects.create_user("niemand", "n@example.org", "wachtwoord")
    nobody.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(nobody)
    assert '"/admin/snippets/redactie/melding/"' not in client.get("/admin/").content.decode()
    assert refused(client.get(INBOX))


def test_the_dashboard_tells_editors_about_open_reports(client, inbox):
    people, reports = inbox
    client.force_login(people["fatima"])
    dashboard = text_of(client.get("/admin/"))
    assert "Meldingen van bezoekers" in dashboard
    assert "Die melding is nog niet afgehandeld." in dashboard

    reports["mine"].afgehandeld = True
    reports["mine"].save()
    assert "Meldingen van bezoekers" not in text_of(client.get("/admin/"))


def test_no_form_in_the_editors_preview_of_a_new_offer(rf):
    from django.template.loader import render_to_string

    from aanbod.models import AanbodPage

    request = rf.get("/")
    assert "Klopt er iets niet?" not in render_to_string(
        "redactie/report_form.html", {"page": AanbodPage(title="Nieuw")}, request
    )
    saved = make_offer()
    request.is_preview = True
    assert "Klopt er iets niet?" not in render_to_string(
        "redactie/report_form.html", {"page": saved, "request": request}, request
    )


# How long a reporter's e-mail address is kept ------------------------------------------------


def test_the_reporters_email_is_wiped_30_days_after_the_report_is_handled(offer, monkeypatch):
    handled = Melding.objects.create(page=offer, message="Oud", email="melder@example.org")
    recent = Melding.objects.create(page=offer, message="Net", email="ander@example.org")
    Melding.objects.create(page=offer, message="Open", email="open@example.org")
    start = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: start - datetime.timedelta(days=31))
    handled.afgehandeld = True
    handled.save()
    monkeypatch.setattr(timezone, "now", lambda: start - datetime.timedelta(days=29))
    recent.afgehandeld = True
    recent.save()
    monkeypatch.undo()

    out = io.StringIO()
    call_command("forget_reporter_emails", stdout=out)

    assert "1 e-mailadres(sen) van melders gewist" in out.getvalue()
    emails = dict(Melding.objects.values_list("message", "email"))
    assert emails == {"Oud": "", "Net": "ander@example.org", "Open": "open@example.org"}
    assert Melding.objects.get(message="Oud").message == "Oud"  # the report itself stays
    recent.afgehandeld = False  # opened again: the 30 days start anew when it is handled
    recent.save()
    assert Melding.objects.get(pk=recent.pk).afgehandeld_op is None


def test_the_privacy_statement_says_how_long_the_email_is_kept(client):
    text = text_of(client.get("/privacy/"))
    assert "30 dagen nadat we uw melding hebben afgehandeld" in text
