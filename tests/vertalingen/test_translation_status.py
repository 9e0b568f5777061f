"""Editors see per page which languages are complete, missing or outdated, and a list of
pages whose translation is outdated (the Dutch changed after the translation was saved)."""

import pytest
from django.urls import reverse

from tests.factories import make_offer
from vertalingen.status import COMPLETE, INCOMPLETE, MISSING, OUTDATED, statuses

pytestmark = pytest.mark.django_db


def status_of(page):
    return {s.code: s.status for s in statuses(page)}


@pytest.fixture
def offer():
    offer = make_offer(title="Koffie-ochtend", summary="Elke week koffie met buren.")
    offer.title_en, offer.summary_en = "Coffee morning", "Coffee with neighbours every week."
    offer.title_ar = "صباح القهوة"
    offer.save_revision().publish()
    return offer


def test_complete_incomplete_and_missing(offer):
    assert status_of(offer) == {
        "en": COMPLETE,
        "ar": INCOMPLETE,
        "tr": MISSING,
        "pl": MISSING,
        "uk": MISSING,
    }


def test_changing_the_dutch_makes_the_translations_outdated_until_they_are_saved(offer):
    offer.summary = "Elke dinsdag koffie met buren."
    offer.save_revision().publish()
    assert status_of(offer)["en"] == OUTDATED and status_of(offer)["ar"] == OUTDATED
    assert status_of(offer)["tr"] == MISSING

    offer.summary_en = "Coffee with neighbours every Tuesday."
    offer.save_revision().publish()
    assert status_of(offer)["en"] == COMPLETE
    assert status_of(offer)["ar"] == OUTDATED


def test_the_editor_sees_the_status_and_the_report_lists_outdated_pages(admin_client, offer):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()
    assert 'data-language="en" data-status="complete"' in html
    assert 'data-language="tr" data-status="missing"' in html

    report = admin_client.get(reverse("vertalingen:report")).content.decode()
    assert "Koffie-ochtend" not in report

    offer.summary = "Elke dinsdag koffie met buren."
    offer.save_revision().publish()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()
    assert 'data-language="en" data-status="outdated"' in html
    report = admin_client.get(reverse("vertalingen:report")).content.decode()
    assert "Koffie-ochtend" in report and "English" in report and "العربية" in report
    assert "Türkçe" not in report


def test_the_report_is_in_the_reports_menu_for_editors(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Verouderde vertalingen" in html
