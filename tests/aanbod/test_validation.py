"""Editors get a clear message for each mistake, and nothing is saved until it is fixed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from aanbod.models import AanbodPage, Tijdstip
from aanbod.validators import validate_dutch_phone, validate_postcode
from tests.factories import make_offer

pytestmark = pytest.mark.django_db
T = datetime.time


@pytest.mark.parametrize(
    "number",
    [
        "030 123 4567",
        "0301234567",
        "06 12345678",
        "06-12345678",
        "+31 6 12345678",
        "+31 (0)30 123 4567",
        "14 030",
        "14030",
        "0800 1234",
        "0900 123 4567",
    ],
)
def test_dutch_phone_numbers_are_accepted(number):
    validate_dutch_phone(number)


@pytest.mark.parametrize(
    "number", ["123", "030 123", "06 1234567890", "bel ons", "+44 20 7946 0958", "030<script>", "0"]
)
def test_wrong_phone_numbers_get_a_message_with_an_example(number):
    with pytest.raises(ValidationError) as error:
        validate_dutch_phone(number)
    assert "030 123 4567" in str(error.value)


@pytest.mark.parametrize("value", ["3582AB", "3582 ab", "3582"])
def test_postcodes_are_accepted(value):
    validate_postcode(value)


@pytest.mark.parametrize("value", ["", "35821", "ABCD EF", "0123 AB"])
def test_wrong_postcodes_get_a_message(value):
    with pytest.raises(ValidationError, match="3582 AB"):
        validate_postcode(value)


def slot_errors(**fields):
    slot = Tijdstip(page=AanbodPage(), **fields)
    with pytest.raises(ValidationError) as error:
        slot.clean()
    return error.value.message_dict


def test_closing_before_opening_needs_past_midnight_explicitly():
    errors = slot_errors(weekday=4, opens_at=T(21), closes_at=T(1))
    assert "na middernacht" in errors["closes_at"][0]
    Tijdstip(weekday=4, opens_at=T(21), closes_at=T(1), past_midnight=True).clean()


def test_slot_needs_a_day_or_a_date_not_both():
    assert "dag van de week" in slot_errors(opens_at=T(9), closes_at=T(10))["weekday"][0]
    both = slot_errors(weekday=1, date=datetime.date(2026, 12, 1), opens_at=T(9), closes_at=T(10))
    assert "niet allebei" in both["date"][0]


def test_equal_times_and_needless_past_midnight_are_caught():
    assert "gelijk" in slot_errors(weekday=1, opens_at=T(9), closes_at=T(9))["closes_at"][0]
    assert (
        "Zet dit uit"
        in slot_errors(weekday=1, opens_at=T(9), closes_at=T(10), past_midnight=True)[
            "past_midnight"
        ][0]
    )


def test_offer_summary_cost_and_photo_rules():
    offer = make_offer()
    offer.summary = "x" * 301
    offer.cost = AanbodPage.Cost.BEDRAG
    offer.cost_amount = None
    offer.languages = ["nl", "<b>"]
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    errors = error.value.message_dict
    assert "301" in " ".join(errors["summary"]) or "300" in " ".join(errors["summary"])
    assert "bedrag" in errors["cost_amount"][0]
    assert "taalcodes" in errors["languages"][0]


def test_editor_sees_messages_in_the_page_editor_and_nothing_is_saved(admin_client):
    offer = make_offer(title="Koffie-ochtend", phone="030 123 4567")
    url = f"/admin/pages/{offer.pk}/edit/"
    post = nested_form_data(
        {
            "title": "Koffie-ochtend NIEUW",
            "slug": offer.slug,
            "summary": "Koffie met buren.",
            "body": rich_text(""),
            "needs": [],
            "kind": "activiteit",
            "cost": "gratis",
            "registration": "inloop",
            "phone": "bel ons maar",
            "languages": ["nl"],
            "status": "actief",
            "last_verified": "2026-11-01",
            "tijden": inline_formset(
                [
                    {
                        "weekday": "4",
                        "date": "",
                        "opens_at": "21:00",
                        "closes_at": "01:00",
                        "note": "",
                    }
                ]
            ),
            "plekken": inline_formset([]),
        }
    )
    response = admin_client.post(url, post)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies minstens één hulpvraag" in html
    assert "geen Nederlands telefoonnummer" in html
    assert "na middernacht" in html
    offer.refresh_from_db()
    assert offer.title == "Koffie-ochtend" and offer.phone == "030 123 4567"
