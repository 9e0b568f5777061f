"""The checks in the page editor: the panel, its live update, the warnings on save."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from checks.models import PaginaControle
from home.models import StandardPage
from tests.factories import dutch_form_data, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def over(home):
    return StandardPage.objects.get(slug="over")


def standard_page_data(page, **fields):
    data = {"title": page.title, "slug": page.slug, "intro": "", "body": "<p></p>", **fields}
    data["body"] = rich_text(data["body"])
    return nested_form_data(dutch_form_data(StandardPage, data))


def test_offer_editor_shows_verdict_and_the_sentence_with_the_word_marked(admin_client):
    offer = make_offer(summary="Indien u alleen bent, kom dan koffie drinken.")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()
    assert "Taal en toegankelijkheid" in html
    assert "data-bw-checks" in html and "checks/paneel.js" in html
    # The plainer word stands right next to the marked one (issue 18 point 4).
    assert re.search(
        r"<mark>Indien</mark> <ins[^>]*>.*?</span>als</ins> u alleen bent, kom dan koffie drinken.",
        html,
        re.S,
    )
    assert "Ambtelijk. Schrijf liever: als." in html
    assert 'data-bw-checks-field="summary"' in html


def test_plain_offer_is_b1_in_the_panel(admin_client):
    offer = make_offer(summary="Elke week koffie met buren. Iedereen is welkom.")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()
    assert 'data-bw-checks-verdict="B1"' in html
    assert "Toegankelijkheid: geen fouten gevonden." in html


@pytest.mark.parametrize("slug", ["over", None])
def test_home_and_standard_page_editors_have_the_panel(admin_client, home, slug):
    page = StandardPage.objects.get(slug=slug) if slug else home
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "data-bw-checks" in html


def test_new_page_editor_has_the_panel_with_a_live_url(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    html = admin_client.get(url).content.decode()
    live = reverse("checks:live_create", args=["home", "standardpage", home.pk])
    assert f'data-live-url="{live}"' in html


def test_live_check_uses_the_unsaved_form(admin_client, over):
    data = standard_page_data(
        over,
        intro="Wij verstrekken informatie teneinde u te helpen.",
        body='<h2>Meer</h2><p><a href="/x">klik hier</a></p>',
    )
    response = admin_client.post(reverse("checks:live_edit", args=[over.pk]), data)
    assert response.status_code == 200
    html = response.json()["html"]
    assert re.search(
        r"Wij <mark>verstrekken</mark> <ins[^>]*>.*?</ins> informatie <mark>teneinde", html, re.S
    )
    assert "Schrijf liever: om" in html
    assert 'data-rule="link-vague"' in html
    over.refresh_from_db()
    assert "verstrekken" not in over.intro  # nothing was saved


def test_live_check_works_while_other_fields_are_invalid(admin_client, over):
    data = standard_page_data(over, title="", intro="De aanvraag wordt door ons beoordeeld.")
    html = admin_client.post(reverse("checks:live_edit", args=[over.pk]), data).json()["html"]
    assert "Lijdende vorm" in html


def test_live_check_for_a_new_page(admin_client, home):
    data = nested_form_data(
        dutch_form_data(
            StandardPage,
            {
                "title": "Nieuw",
                "slug": "nieuw",
                "intro": "Reeds open.",
                "body": rich_text("<p></p>"),
            },
        )
    )
    url = reverse("checks:live_create", args=["home", "standardpage", home.pk])
    assert "<mark>Reeds</mark>" in admin_client.post(url, data).json()["html"]


def test_live_check_needs_edit_rights(client, django_user_model, over):
    user = django_user_model.objects.create_user("bewoner", password="x" * 16)
    client.force_login(user)
    response = client.post(reverse("checks:live_edit", args=[over.pk]), {})
    assert response.status_code in (302, 403)


def test_live_check_only_accepts_post(admin_client, over):
    assert admin_client.get(reverse("checks:live_edit", args=[over.pk])).status_code == 405


def test_saving_shows_the_findings_as_a_warning_and_stores_them(admin_client, over):
    data = standard_page_data(
        over, intro="Indien u vragen heeft, dient u ons te bellen teneinde een afspraak te maken."
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[over.pk]), data, follow=True
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("De tekst is boven B1." in m and "Taal en toegankelijkheid" in m for m in messages)
    controle = PaginaControle.objects.get(page=over)
    assert controle.taalniveau == "boven B1"
    assert controle.revision_id == StandardPage.objects.get(pk=over.pk).latest_revision_id


def test_saving_a_plain_page_gives_no_warning(admin_client, over):
    data = standard_page_data(over, intro="Hier leest u wie wij zijn. Wij helpen buren.")
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[over.pk]), data, follow=True
    )
    assert not [m for m in response.context["messages"] if "B1" in str(m)]
    assert PaginaControle.objects.get(page=over).is_ok


def test_an_offer_photo_cannot_be_saved_without_alt_text(db):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Koffie", file=get_test_image_file())
    offer = make_offer()
    offer.photo, offer.photo_alt = image, ""
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "photo_alt" in error.value.message_dict


def test_wagtails_image_chooser_asks_for_alt_text_or_decorative():
    from wagtail.images.forms import ImageInsertionForm

    form = ImageInsertionForm({"format": "fullwidth", "alt_text": ""}, prefix="")
    assert not form.is_valid()
    decorative = ImageInsertionForm({"format": "fullwidth", "image_is_decorative": "on"}, prefix="")
    assert decorative.is_valid()
