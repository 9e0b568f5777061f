"""Times as residents meet them: every other week, the third Thursday of the month, the 15th,
a first and a last date, closed days. The plain words on the page and the card, 'Vandaag
open' on a frozen clock, the editor's form in the admin and its messages."""

import datetime
import importlib
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import migrations
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from aanbod import when
from aanbod.models import AanbodPage, Repeat, Tijdstip
from aanbod.templatetags.offer_tags import schedule_summary, slot_pattern
from buurten.models import BuurtPage
from tests.factories import dutch_form_data, make_offer

pytestmark = pytest.mark.django_db
T = datetime.time
D = datetime.date
CAFE = {"weekday": 3, "repeat": Repeat.THIRD, "opens_at": T(19, 30), "closes_at": T(21, 30)}
MIGRATION = importlib.import_module("aanbod.migrations.0009_tijdstip_repeat_period_skip_dates")


def text_of(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def days_of(slot, first: datetime.date, last: datetime.date) -> list[datetime.date]:
    days = (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if when.starts_on(slot, day)]


def freeze(monkeypatch, moment: datetime.datetime) -> None:
    """'Now' in Utrecht, as the time_machine_tuesday fixture does."""
    monkeypatch.setattr(
        when, "local_now", lambda now=None: (now or moment).astimezone(when.UTRECHT)
    )


def at(y, m, d, hh, mm=0) -> datetime.datetime:
    return datetime.datetime(y, m, d, hh, mm, tzinfo=when.UTRECHT)


# Which days ------------------------------------------------------------------------------


def test_the_third_thursday_is_only_the_third_thursday_of_each_month():
    # Thursdays in December 2026: 3, 10, 17, 24, 31; in January 2027: 7, 14, 21, 28.
    assert days_of(Tijdstip(**CAFE), D(2026, 12, 1), D(2027, 1, 31)) == [
        D(2026, 12, 17),
        D(2027, 1, 21),
    ]


def test_the_last_friday_is_the_last_one_also_in_a_month_with_five():
    slot = Tijdstip(weekday=4, repeat=Repeat.LAST, opens_at=T(10), closes_at=T(12))
    assert days_of(slot, D(2026, 12, 1), D(2027, 1, 31)) == [D(2026, 12, 25), D(2027, 1, 29)]


def test_every_other_week_counts_from_the_first_date_skips_closed_days_and_stops():
    slot = Tijdstip(
        weekday=1,
        repeat=Repeat.TWO_WEEKS,
        valid_from=D(2026, 11, 24),
        valid_until=D(2027, 1, 5),
        skip_dates=["2026-12-22"],
        opens_at=T(14),
        closes_at=T(16),
    )
    assert days_of(slot, D(2026, 11, 1), D(2027, 2, 28)) == [
        D(2026, 11, 24),
        D(2026, 12, 8),
        D(2027, 1, 5),
    ]


def test_the_same_date_each_month():
    slot = Tijdstip(repeat=Repeat.MONTH_DAY, month_day=15, opens_at=T(10), closes_at=T(11))
    assert days_of(slot, D(2026, 12, 1), D(2027, 1, 31)) == [D(2026, 12, 15), D(2027, 1, 15)]


def test_existing_weekly_times_stay_weekly_without_end():
    """Migration 0009 only adds fields; a row that had a weekday and times keeps meaning
    'every week': the new fields' defaults (repeat 'week', no dates, no closed days)."""
    operations = MIGRATION.Migration.operations
    assert {type(op) for op in operations} == {migrations.AddField, migrations.AlterField}
    added = {op.name: op.field for op in operations if isinstance(op, migrations.AddField)}
    assert added["repeat"].default == Repeat.WEEK
    assert added["skip_dates"].default is list
    assert all(added[name].null for name in ("month_day", "valid_from", "valid_until"))

    offer = make_offer(tijden=[{"weekday": 1, "opens_at": T(14), "closes_at": T(16)}])
    slot = Tijdstip.objects.get(page=offer)
    assert (slot.repeat, slot.interval, slot.week_of_month) == (Repeat.WEEK, 1, None)
    assert (slot.valid_from, slot.valid_until, slot.skip_dates) == (None, None, [])
    assert slot_pattern(slot) == "Elke dinsdag"
    tuesdays = days_of(slot, D(2026, 11, 23), D(2026, 12, 31))
    assert tuesdays == [D(2026, 11, 24) + datetime.timedelta(weeks=n) for n in range(6)]


# What residents read ---------------------------------------------------------------------


def test_the_cafe_page_and_card_say_third_thursday(client):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    offer = make_offer(buurt, title="Mantelzorgcafé West", tijden=[CAFE])
    page = text_of(client.get(offer.url))
    assert "Elke derde donderdag van de maand, 19.30 tot 21.30 uur" in page
    assert "Elke donderdag" not in page
    card = text_of(client.get(buurt.url))
    assert "Wanneer: Elke derde donderdag van de maand" in card


def test_the_cafe_page_in_english(client):
    call_command("compile_translations", verbosity=0)
    offer = make_offer(title="Mantelzorgcafé West", tijden=[CAFE])
    page = text_of(client.get(f"/en{offer.url}"))
    assert "Every third Thursday of the month" in page
    assert "derde donderdag" not in page


def test_every_other_week_with_its_period_and_closed_days_in_words(client, monkeypatch):
    freeze(monkeypatch, at(2026, 11, 20, 9))
    offer = make_offer(
        tijden=[
            {
                "weekday": 1,
                "repeat": Repeat.TWO_WEEKS,
                "valid_from": D(2026, 11, 24),
                "valid_until": D(2027, 6, 29),
                "skip_dates": ["2026-12-22", "2026-11-10"],
                "opens_at": T(14),
                "closes_at": T(16),
            }
        ]
    )
    page = text_of(client.get(offer.url))
    assert (
        "Om de week op dinsdag, 14.00 tot 16.00 uur. Vanaf 24 november 2026 tot en met "
        "29 juni 2027. Niet op 22 december 2026" in page
    )
    assert "10 november" not in page  # a closed day that has passed is not worth saying
    assert schedule_summary(offer) == "Om de week op dinsdag"


def test_a_time_whose_last_date_has_passed_is_not_shown(client, monkeypatch):
    freeze(monkeypatch, at(2026, 11, 24, 9))
    offer = make_offer(
        tijden=[
            {"weekday": 0, "opens_at": T(9), "closes_at": T(10), "valid_until": D(2026, 6, 1)},
            {"weekday": 2, "opens_at": T(9), "closes_at": T(10)},
        ]
    )
    page = text_of(client.get(offer.url))
    assert "Elke woensdag" in page and "Elke maandag" not in page


def test_vandaag_open_only_on_the_third_thursday(client, monkeypatch):
    offer = make_offer(title="Mantelzorgcafé West", tijden=[CAFE])
    freeze(monkeypatch, at(2026, 12, 17, 18))
    assert "Vandaag open : 19.30 tot 21.30 uur" in text_of(client.get(offer.url))
    freeze(monkeypatch, at(2026, 12, 17, 20))
    assert "Nu open : 19.30 tot 21.30 uur" in text_of(client.get(offer.url))
    freeze(monkeypatch, at(2026, 12, 10, 18))  # the second Thursday
    page = text_of(client.get(offer.url))
    assert "Vandaag geen activiteit" in page and "Vandaag open" not in page


# The editor ------------------------------------------------------------------------------


def slot_errors(**fields) -> dict:
    slot = Tijdstip(page=AanbodPage(), opens_at=T(9), closes_at=T(10), **fields)
    with pytest.raises(ValidationError) as error:
        slot.clean()
    return error.value.message_dict


def test_choices_that_do_not_fit_get_a_clear_message():
    assert slot_errors(repeat=Repeat.THIRD)["weekday"] == [
        "U koos 'elke maand, de derde'. Kies dan ook de dag van de week, bijvoorbeeld donderdag."
    ]
    until = slot_errors(weekday=1, valid_from=D(2027, 1, 5), valid_until=D(2026, 12, 1))
    assert until["valid_until"] == [
        "De laatste keer is eerder dan de eerste keer. Kijk of u de datums goed hebt ingevuld."
    ]
    assert "eerste keer" in slot_errors(weekday=1, repeat=Repeat.TWO_WEEKS)["valid_from"][0]
    assert "15" in slot_errors(repeat=Repeat.MONTH_DAY)["month_day"][0]
    assert (
        "dag van de week dan leeg"
        in slot_errors(weekday=1, repeat=Repeat.MONTH_DAY, month_day=15)["weekday"][0]
    )
    once = slot_errors(date=D(2026, 12, 12), repeat=Repeat.THIRD)["repeat"][0]
    assert once.startswith("U vulde een datum in.")
    Tijdstip(page=AanbodPage(), **CAFE).clean()


def errors_in(response) -> list[str]:
    html = response.content.decode()
    return [" ".join(m.split()) for m in re.findall(r'class="error-message">(.*?)</p>', html, re.S)]


def edit_data(offer, slot: dict) -> dict:
    """The offer's edit form with one time; the lists as a browser posts them."""
    lists = {
        "needs": [need.pk for need in offer.needs.all()],
        "target_groups": [group.pk for group in offer.target_groups.all()],
        "languages": ["nl"],
    }
    return lists | nested_form_data(
        dutch_form_data(
            AanbodPage,
            {
                "title": offer.title,
                "slug": offer.slug,
                "summary": offer.summary,
                "body": rich_text(""),
                "kind": "activiteit",
                "cost": "gratis",
                "registration": "inloop",
                "status": "actief",
                "last_verified": "2026-11-01",
                "tijden": inline_formset(
                    [{"date": "", "note": "", "month_day": "", "valid_until": "", **slot}]
                ),
                "plekken": inline_formset([]),
            },
        )
    )


def test_the_editor_picks_the_third_thursday_from_plain_choices(admin_client):
    offer = make_offer(title="Mantelzorgcafé West")
    url = f"/admin/pages/{offer.pk}/edit/"
    form = admin_client.get(url).content.decode()
    assert "elke maand, de derde" in form and "niet op deze datums" in form.lower()
    assert "RRULE" not in form and "BYDAY" not in form

    slot = {
        "weekday": "3",
        "repeat": "maand-3",
        "opens_at": "19:30",
        "closes_at": "21:30",
        "valid_from": "2027-01-01",
        "skip_dates": "17-12-2026, 2027-04-15",
    }
    response = admin_client.post(url, edit_data(offer, slot))
    assert response.status_code == 302, errors_in(response)
    saved = AanbodPage.objects.get(pk=offer.pk).get_latest_revision_as_object().tijden.get()
    assert (saved.weekday, saved.repeat, saved.week_of_month) == (3, Repeat.THIRD, 3)
    assert saved.valid_from == D(2027, 1, 1)
    assert saved.skip_dates == ["2026-12-17", "2027-04-15"]
    assert "17-12-2026, 15-4-2027" in admin_client.get(url).content.decode()


def test_the_editor_sees_the_message_and_nothing_is_saved(admin_client):
    offer = make_offer(title="Mantelzorgcafé West")
    url = f"/admin/pages/{offer.pk}/edit/"
    slot = {"weekday": "", "repeat": "maand-3", "opens_at": "19:30", "closes_at": "21:30"}
    html = unescape(
        admin_client.post(url, edit_data(offer, {**slot, "valid_from": ""})).content.decode()
    )
    assert "Kies dan ook de dag van de week" in html
    bad_dates = {**slot, "weekday": "3", "valid_from": "", "skip_dates": "morgen"}
    html = unescape(admin_client.post(url, edit_data(offer, bad_dates)).content.decode())
    assert "morgen is geen datum" in html
    assert not AanbodPage.objects.get(pk=offer.pk).get_latest_revision_as_object().tijden.exists()
