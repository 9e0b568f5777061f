"""The officialese list as a snippet that administrators edit, and the user bar checker."""

import pytest
from django.urls import reverse
from wagtail.admin.userbar import ContentCheckerItem

from checks.b1 import check_text
from checks.models import AmbtelijkWoord
from checks.models.words import current_word_list
from checks.userbar import BuurtwijzerCheckerItem, use_buurtwijzer_checker
from inrichting.review import ensure_word_list

pytestmark = pytest.mark.django_db


def officialese(text):
    """What the editor's check finds, with the list as administrators keep it."""
    found = check_text(text, word_list=current_word_list()).issues
    return [i.text for i in found if i.kind == "officialese"]


def test_setup_site_seeded_the_list_and_running_it_again_adds_nothing():
    assert AmbtelijkWoord.objects.count() >= 200
    assert AmbtelijkWoord.objects.get(woord="indien").alternatief == "als"
    assert ensure_word_list() == 0


def test_seeding_keeps_what_administrators_changed():
    AmbtelijkWoord.objects.filter(woord="reeds").update(alternatief="al (of weglaten)")
    AmbtelijkWoord.objects.filter(woord="indien").delete()
    assert ensure_word_list() == 1
    assert AmbtelijkWoord.objects.get(woord="reeds").alternatief == "al (of weglaten)"


def test_a_new_entry_is_used_at_once():
    assert officialese("Wij gaan dit uitrollen.") == []
    AmbtelijkWoord.objects.create(
        woord="uitrollen", alternatief="invoeren", werkwoord=True, vormen="uitgerold"
    )
    assert officialese("Wij gaan dit uitrollen. Het is uitgerold.") == ["uitrollen", "uitgerold"]


def test_a_deleted_entry_is_no_longer_found():
    AmbtelijkWoord.objects.get(woord="thans").delete()
    assert officialese("Wij zijn thans open.") == []


def test_administrators_edit_the_list_as_a_snippet(admin_client):
    url = reverse("wagtailsnippets_checks_ambtelijkwoord:list")
    html = admin_client.get(url, {"q": "teneinde"}).content.decode()
    assert "teneinde" in html
    add = reverse("wagtailsnippets_checks_ambtelijkwoord:add")
    response = admin_client.post(
        add, {"woord": "  Ten Gevolge  Hiervan ", "alternatief": "daardoor", "vormen": ""}
    )
    assert response.status_code == 302
    assert AmbtelijkWoord.objects.filter(woord="ten gevolge hiervan").exists()


def test_user_bar_uses_the_sites_checker_with_dutch_messages(rf, superuser):
    request = rf.get("/")
    request.user = superuser
    items = [ContentCheckerItem(in_editor=True)]
    use_buurtwijzer_checker(request, items, None)
    (item,) = items
    assert isinstance(item, BuurtwijzerCheckerItem) and item.in_editor
    config = item.get_axe_configuration(request)
    assert "image-alt" in config["options"]["runOnly"]
    assert "heading-order" in config["options"]["runOnly"]  # Wagtail's own rules stay on
    pattern = next(c for c in config["spec"]["checks"] if c["id"] == "check-image-alt-text")
    assert "afbeelding" in pattern["options"]["pattern"]
    assert str(config["messages"]["image-alt"]["error_name"]) == "Afbeelding zonder alt-tekst"


def test_the_checker_is_in_the_page_user_bar_and_the_editor(admin_client, home):
    html = admin_client.get("/").content.decode()
    assert "Afbeelding zonder alt-tekst" in html
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    assert "Afbeelding zonder alt-tekst" in edit  # the editor's checks side panel
