"""The rights of the README enforced in every Wagtail view, not only in the edit view:
organisations, deleting and moving, locking, the snippet and page choosers, superusers and
Wagtail's default groups."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from aanbod.models import AanbodPage
from redactie.models import Melding
from redactie.roles import INITIATIVE_EDITORS
from tests.factories import make_offer, make_organisatie, person
from tests.redactie.conftest import REFUSED

pytestmark = pytest.mark.django_db


def test_only_administrators_set_an_organisations_editors(client, coordinator, beheerder, places):
    organisatie = make_organisatie(name="Stichting Noordoost Kookt")
    make_offer(places["voordorp"], title="Koken in Voordorp", organisatie=organisatie)
    edit = f"/admin/snippets/aanbod/organisatie/edit/{organisatie.pk}/"
    client.force_login(coordinator)
    assert client.get(edit).status_code == REFUSED
    refused = client.post(
        edit, {"name": organisatie.name, "kind": organisatie.kind, "editors": [coordinator.pk]}
    )
    assert refused.status_code == REFUSED
    assert not organisatie.editors.exists()
    assert client.get("/admin/snippets/aanbod/organisatie/add/").status_code == REFUSED
    client.force_login(beheerder)
    assert client.get(edit).status_code == 200


def test_coordinators_neither_delete_nor_move_live_offers(client, coordinator, places):
    offer = places["same_wijk"]
    client.force_login(coordinator)
    assert client.post(f"/admin/pages/{offer.pk}/delete/").status_code == REFUSED
    confirm = f"/admin/pages/{offer.pk}/move/{places['oog_in_al'].pk}/confirm/"
    assert client.get(confirm).status_code == REFUSED
    assert client.post(confirm).status_code == REFUSED
    offer.refresh_from_db()
    assert offer.live and offer.get_parent().pk == places["lombok"].pk
    assert offer.revisions.exists()


def test_administrators_delete(client, beheerder, places):
    offer = places["elsewhere"]
    client.force_login(beheerder)
    client.post(f"/admin/pages/{offer.pk}/delete/")
    assert not AanbodPage.objects.filter(pk=offer.pk).exists()


def test_initiative_editors_do_not_delete_their_organisations_drafts_elsewhere(client, places):
    organisatie = make_organisatie(name="Stichting Samen Koken")
    member = person("kok", Group.objects.get(name=INITIATIVE_EDITORS))
    organisatie.editors.add(member)
    draft = make_offer(places["voordorp"], organisatie=organisatie, publish=False)
    client.force_login(member)
    assert client.post(f"/admin/pages/{draft.pk}/delete/").status_code == REFUSED
    assert AanbodPage.objects.filter(pk=draft.pk).exists()


def test_bulk_delete_follows_the_same_rule(client, coordinator, places):
    offer = places["same_wijk"]
    client.force_login(coordinator)
    client.post(
        f"/admin/bulk/wagtailcore/page/delete/?id={offer.pk}&next=/admin/",
        {"id": [offer.pk]},
    )
    assert AanbodPage.objects.filter(pk=offer.pk).exists()


def test_buurt_and_initiative_editors_lock_what_they_edit(client, editor, places):
    client.force_login(editor)
    client.post(f"/admin/pages/{places['own'].pk}/lock/")
    places["own"].refresh_from_db()
    assert places["own"].locked_by == editor
    client.post(f"/admin/pages/{places['same_wijk'].pk}/lock/")
    places["same_wijk"].refresh_from_db()
    assert not places["same_wijk"].locked

    organisatie = make_organisatie(name="Taalmaatjes")
    member = person("taal", Group.objects.get(name=INITIATIVE_EDITORS))
    organisatie.editors.add(member)
    offer = make_offer(places["voordorp"], organisatie=organisatie)
    client.force_login(member)
    client.post(f"/admin/pages/{offer.pk}/lock/")
    offer.refresh_from_db()
    assert offer.locked_by == member


def test_the_report_chooser_offers_only_reports_on_the_editors_own_offers(client, editor, places):
    mine = Melding.objects.create(page=places["own"], message="Tijd klopt niet")
    theirs = Melding.objects.create(
        page=places["elsewhere"], message="Gesloten op maandag", email="melder@example.org"
    )
    client.force_login(editor)
    base = "/admin/snippets/choose/redactie/melding/"
    for url in [base, f"{base}results/", f"{base}results/?q=maandag"]:
        content = client.get(url).content.decode()
        assert "Gesloten op maandag" not in content and "melder@example.org" not in content, url
    assert "Tijd klopt niet" in client.get(base).content.decode()
    assert client.get(f"{base}chosen/{theirs.pk}/").status_code == 404
    assert client.get(f"{base}chosen/{mine.pk}/").status_code == 200
    multiple = client.get(f"{base}chosen-multiple/?id={theirs.pk}").content.decode()
    assert "Gesloten op maandag" not in multiple


def test_the_page_chooser_shows_other_buurten_only_live(client, editor, places):
    make_offer(places["voordorp"], title="Geheim concept Voordorp", publish=False)
    make_offer(places["oog_in_al"], title="Eigen concept Oog", publish=False)
    client.force_login(editor)
    found = client.get("/admin/choose-page/search/?q=concept").content.decode()
    assert "Eigen concept Oog" in found
    assert "Geheim concept Voordorp" not in found
    assert (
        "Koffie in Voordorp" in client.get("/admin/choose-page/search/?q=Koffie").content.decode()
    )


def test_administrators_neither_make_nor_change_superusers(client, beheerder):
    root = User.objects.create_superuser("root", "root@example.org", "x" * 20)
    other = person("gewoon")
    client.force_login(beheerder)
    assert client.get(f"/admin/users/edit/{root.pk}/").status_code == 403
    response = client.post(
        f"/admin/users/edit/{root.pk}/",
        {
            "username": "root",
            "email": "root@example.org",
            "password1": "nieuw-wachtwoord-123",
            "password2": "nieuw-wachtwoord-123",
            "is_active": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 403
    assert "Alleen een superuser" in response.content.decode()
    root.refresh_from_db()
    assert root.check_password("x" * 20)
    client.post(
        f"/admin/users/edit/{other.pk}/",
        {
            "username": "gewoon",
            "email": "gewoon@example.org",
            "first_name": "G",
            "last_name": "W",
            "is_active": "on",
            "is_superuser": "on",
        },
    )
    other.refresh_from_db()
    assert not other.is_superuser
    client.post(
        f"/admin/bulk/auth/user/set_active_state/?id={root.pk}&next=/admin/users/",
        {"mark_as_active": "", "id": [root.pk]},
    )
    root.refresh_from_db()
    assert root.is_active
    # Ordinary people stay theirs to manage.
    assert client.get(f"/admin/users/edit/{other.pk}/").status_code == 200


def test_setup_site_leaves_wagtails_default_groups_without_rights(db):
    """Wagtail's migrations make both, with rights on the whole tree; one still has a member."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.user_set.add(person("oud"))
    GroupPagePermission.objects.get_or_create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    Group.objects.get_or_create(name="Moderators")
    call_command("setup_site", verbosity=0)
    assert not Group.objects.filter(name="Moderators").exists()
    editors = Group.objects.get(name="Editors")
    assert not editors.page_permissions.exists() and not editors.permissions.exists()
    assert editors.user_set.count() == 1
