"""Two editors save the same page one after the other: the second is told, and the first
one's version stays in the history."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import StandardPage
from tests.factories import dutch_form_data

PASSWORD = "een-lang-en-sterk-wachtwoord"


def _form(page, loaded, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": rich_text(page.body or "<p>Tekst</p>"),
        "comments": inline_formset([]),
        **changes,
    }
    form = nested_form_data(dutch_form_data(StandardPage, data))
    form.update(loaded)
    return form


def _loaded_revision(client, page) -> dict:
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    fields = {}
    for name in ("loaded_revision_id", "loaded_revision_created_at"):
        match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
            rf'value="([^"]*)"[^>]*name="{name}"', html
        )
        assert match, f"{name} is not in the edit form"
        fields[name] = match.group(1)
    return fields


@pytest.mark.django_db
def test_the_second_save_is_told_and_the_first_is_kept(home, django_user_model):
    page = StandardPage(title="Over ons", slug="over-ons-proef", intro="Eerste tekst.")
    home.add_child(instance=page)
    page.save_revision().publish()

    anna, bram = Client(), Client()
    for client, name in [(anna, "anna"), (bram, "bram")]:
        client.force_login(
            django_user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)
        )
    loaded_by_anna = _loaded_revision(anna, page)
    loaded_by_bram = _loaded_revision(bram, page)

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    first = anna.post(edit_url, _form(page, loaded_by_anna, intro="Anna schreef dit."))
    assert first.status_code == 302
    first_page = anna.get(first["Location"]).content.decode()
    assert "Let op" not in first_page

    second = bram.post(edit_url, _form(page, loaded_by_bram, intro="Bram schreef dit."))
    assert second.status_code == 302
    told = bram.get(second["Location"]).content.decode()
    assert "Let op: anna heeft deze pagina" in told
    assert "De versie van anna is niet weg" in told
    assert "Vergelijk de versies" in told

    revisions = Page.objects.get(pk=page.pk).revisions.order_by("created_at")
    intros = [revision.content["intro_nl"] for revision in revisions]
    assert "Anna schreef dit." in intros
    assert intros[-1] == "Bram schreef dit."


@pytest.mark.django_db
def test_an_editor_saving_twice_in_a_row_is_not_warned(home, client, django_user_model):
    page = StandardPage(title="Over ons", slug="over-ons-twee", intro="Eerste tekst.")
    home.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(django_user_model.objects.create_superuser("c", "c@example.org", PASSWORD))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for text in ["Een.", "Twee."]:
        response = client.post(edit_url, _form(page, _loaded_revision(client, page), intro=text))
        assert response.status_code == 302
        assert "Let op" not in client.get(response["Location"]).content.decode()
