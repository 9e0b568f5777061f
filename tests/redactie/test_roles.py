"""Per role: what is allowed, and what is refused (edit, publish, view a draft), for the
editor's own and for other buurten and organisations; and the review path."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Workflow

from aanbod.models import AanbodPage
from buurten.models import BuurtPage, WijkPage
from redactie.roles import ADMINISTRATORS
from tests.factories import dutch_form_data, make_offer, make_organisatie, person
from tests.redactie.conftest import REFUSED

pytestmark = pytest.mark.django_db


def edit_status(client, user, page):
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    if response.status_code == 302:
        assert response["Location"] == "/admin/", "refused editors go back to the dashboard"
    return response.status_code


def preview_status(client, user, page):
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/edit/preview/").status_code


def _post_data(page, **changes):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    page = page.specific
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": rich_text(page.body or ""),
        "kind": page.kind,
        "cost": page.cost,
        "registration": page.registration,
        "status": page.status,
        "last_verified": page.last_verified.isoformat(),
        "tijden": inline_formset([]),
        "plekken": inline_formset([]),
    }
    data.update(changes)
    data = dutch_form_data(type(page), data)
    # Multiple-choice fields go as lists, next to the flattened inline forms.
    return {
        **nested_form_data(data),
        "needs": [n.pk for n in page.needs.all()],
        "target_groups": [g.pk for g in page.target_groups.all()],
        "languages": page.languages,
    }


def post_edit(client, user, page, action=None, **changes):
    client.force_login(user)
    data = _post_data(page, **changes)
    if action:
        data[action] = "1"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_setup_creates_a_group_per_buurt_and_wijk_and_a_review_per_wijk():
    assert (
        Group.objects.filter(name__startswith="Redacteuren ").count() == BuurtPage.objects.count()
    )
    assert Group.objects.filter(name__startswith="Coördinatoren ").count() == 10
    assert Group.objects.filter(name=ADMINISTRATORS).exists()
    west = WijkPage.objects.get(slug="west")
    assert west.get_workflow() is not None
    assert BuurtPage.objects.get(title="Oog in Al").get_workflow() == west.get_workflow()
    assert Workflow.objects.filter(name__startswith="Controle ").count() == 10


def test_buurt_editor_edits_own_buurt_only(client, editor, places):
    assert edit_status(client, editor, places["own"]) == 200
    assert edit_status(client, editor, places["same_wijk"]) == REFUSED
    assert edit_status(client, editor, places["elsewhere"]) == REFUSED
    assert (
        client.get(f"/admin/pages/add/aanbod/aanbodpage/{places['oog_in_al'].pk}/").status_code
        == 200
    )
    assert (
        client.get(f"/admin/pages/add/aanbod/aanbodpage/{places['lombok'].pk}/").status_code
        == REFUSED
    )


def test_buurt_editor_cannot_see_other_buurten_drafts(client, editor, places):
    places["same_wijk"].title = "Geheim concept"
    places["same_wijk"].save_revision()
    assert preview_status(client, editor, places["same_wijk"]) == REFUSED
    assert preview_status(client, editor, places["own"]) == 200


def test_buurt_editor_cannot_publish_but_submits_for_review(client, editor, coordinator, places):
    offer = places["own"]
    post_edit(client, editor, offer, action="action-publish", title="Koffie en thee in Oog in Al")
    offer.refresh_from_db()
    assert offer.title == "Koffie in Oog in Al"  # not published
    response = post_edit(
        client, editor, offer, action="action-submit", title="Koffie en thee in Oog in Al"
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.workflow_in_progress
    assert offer.title == "Koffie in Oog in Al"  # still the published text


def test_coordinator_approves_and_the_editor_gets_an_email(client, editor, coordinator, places):
    offer = places["own"]
    post_edit(client, editor, offer, action="action-submit", title="Koffie en thee in Oog in Al")
    offer.refresh_from_db()
    task_state = offer.current_workflow_task_state
    mail.outbox.clear()
    client.force_login(coordinator)
    response = client.post(
        f"/admin/pages/workflow/action/{offer.pk}/approve/{task_state.pk}/",
        {"comment": "Mooi zo"},
    )
    assert response.status_code in (200, 302)
    offer.refresh_from_db()
    assert offer.title == "Koffie en thee in Oog in Al"
    assert not offer.workflow_in_progress
    assert any(editor.email in message.to for message in mail.outbox)


def test_coordinator_rejects_with_a_comment_and_nothing_is_published(
    client, editor, coordinator, places
):
    offer = places["own"]
    post_edit(client, editor, offer, action="action-submit", title="Koffie met fouten")
    offer.refresh_from_db()
    task_state = offer.current_workflow_task_state
    mail.outbox.clear()
    client.force_login(coordinator)
    client.post(
        f"/admin/pages/workflow/action/{offer.pk}/reject/{task_state.pk}/",
        {"comment": "Schrijf de tijden erbij."},
    )
    offer.refresh_from_db()
    assert offer.title == "Koffie in Oog in Al"
    assert any(editor.email in message.to for message in mail.outbox)


def test_coordinator_publishes_small_corrections_directly_in_the_own_wijk_only(
    client, coordinator, places
):
    post_edit(
        client,
        coordinator,
        places["same_wijk"],
        action="action-publish",
        title="Koffie in Lombok-West",
    )
    places["same_wijk"].refresh_from_db()
    assert places["same_wijk"].title == "Koffie in Lombok-West"
    assert edit_status(client, coordinator, places["elsewhere"]) == REFUSED


def test_initiative_editor_edits_the_organisations_offers_anywhere_and_nothing_else(client, places):
    organisatie = make_organisatie(name="Stichting Samen Koken")
    member = person("kok", Group.objects.get(name="Initiatiefredacteuren"))
    organisatie.editors.add(member)
    in_west = make_offer(places["oog_in_al"], title="Samen koken West", organisatie=organisatie)
    in_noordoost = make_offer(
        places["voordorp"], title="Samen koken Noordoost", organisatie=organisatie
    )
    assert edit_status(client, member, in_west) == 200
    assert edit_status(client, member, in_noordoost) == 200
    assert edit_status(client, member, places["own"]) == REFUSED
    post_edit(client, member, in_noordoost, action="action-publish", title="Gewijzigd")
    in_noordoost.refresh_from_db()
    assert in_noordoost.title == "Samen koken Noordoost"
    assert in_noordoost.permissions_for_user(member).can_publish() is False


def test_administrators_may_edit_needs_and_settings(client):
    beheerder = person("beheerder", Group.objects.get(name=ADMINISTRATORS))
    client.force_login(beheerder)
    assert client.get("/admin/snippets/aanbod/hulpvraag/").status_code == 200
    assert edit_status(client, beheerder, AanbodPage.objects.first() or make_offer()) == 200


def test_earlier_revision_can_be_restored_and_pages_can_be_locked(client, coordinator, places):
    offer = places["same_wijk"]
    first = offer.latest_revision
    post_edit(client, coordinator, offer, action="action-publish", title="Nieuwe titel")
    offer.refresh_from_db()
    assert offer.title == "Nieuwe titel"
    client.force_login(coordinator)
    revisions = client.get(f"/admin/pages/{offer.pk}/history/")
    assert revisions.status_code == 200
    assert client.get(f"/admin/pages/{offer.pk}/revisions/{first.pk}/revert/").status_code == 200
    client.post(f"/admin/pages/{offer.pk}/lock/")
    offer.refresh_from_db()
    assert offer.locked and offer.locked_by == coordinator
