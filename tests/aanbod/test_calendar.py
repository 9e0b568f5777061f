"""'Vandaag en deze week' on buurt and wijk pages, and the .ics feeds, read back with
icalendar. Utrecht's time (Europe/Amsterdam), also across summer time and past midnight."""

import datetime
from html import unescape

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse

from aanbod import when
from buurten.models import BuurtPage, WijkPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db
T = datetime.time
UTC = datetime.UTC


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    return sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


@pytest.fixture
def oog_in_al():
    return BuurtPage.objects.get(title="Oog in Al")


def test_offer_feed_has_weekly_dated_and_past_midnight_times(client, oog_in_al):
    offer = make_offer(
        oog_in_al,
        title="Taalcafé",
        tijden=[
            {"weekday": 1, "opens_at": T(14), "closes_at": T(16), "note": "Niet in de vakantie"},
            {"weekday": 4, "opens_at": T(21), "closes_at": T(1), "past_midnight": True},
            {"date": datetime.date(2027, 7, 1), "opens_at": T(14), "closes_at": T(17)},
        ],
        plekken=[{"name": "Buurthuis", "address": "Kanaalweg 1", "postcode": "3526KL"}],
    )
    url = reverse("aanbod:agenda", args=[offer.pk])
    found = events(client.get(url))
    assert len(found) == 3
    # The weekly times start on their first day from today on, so their order depends on
    # today's weekday: pick them by what they are.
    summer = next(e for e in found if "RRULE" not in e)
    tuesday = next(e for e in found if e.get("RRULE", {}).get("BYDAY") == ["TU"])
    friday = next(e for e in found if e.get("RRULE", {}).get("BYDAY") == ["FR"])
    start = tuesday.decoded("dtstart")
    assert start.weekday() == 1 and start.time() == T(14)
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert tuesday.decoded("dtend").time() == T(16)
    assert tuesday["RRULE"]["FREQ"] == ["WEEKLY"] and tuesday["RRULE"]["BYDAY"] == ["TU"]
    assert tuesday["SUMMARY"] == "Taalcafé"
    assert "Niet in de vakantie" in tuesday["DESCRIPTION"]
    assert offer.get_full_url() in tuesday["DESCRIPTION"] and tuesday["URL"] == offer.get_full_url()
    assert "Kanaalweg 1" in tuesday["LOCATION"]
    # 21:00 on Friday until 1:00 on Saturday
    assert friday.decoded("dtend") - friday.decoded("dtstart") == datetime.timedelta(hours=4)
    assert friday.decoded("dtend").weekday() == 5
    # a dated event in summer time: 14:00 in Utrecht is 12:00 UTC; no repetition
    assert summer.decoded("dtstart").astimezone(UTC).hour == 12
    assert "RRULE" not in summer
    # the same UIDs every time: a subscribed calendar updates, it does not double
    again = events(client.get(url))
    assert [e["UID"] for e in again] == [e["UID"] for e in found]
    assert len({e["UID"] for e in found}) == 3


def test_area_feeds_have_the_offers_of_the_buurt_or_wijk(client, oog_in_al):
    here = make_offer(oog_in_al, tijden=[{"weekday": 0, "opens_at": T(9), "closes_at": T(10)}])
    elsewhere = make_offer(
        BuurtPage.objects.get(title__startswith="Voordorp"),
        tijden=[{"weekday": 0, "opens_at": T(9), "closes_at": T(10)}],
    )
    found = events(client.get(reverse("buurten:agenda", args=[oog_in_al.pk])))
    assert [e["SUMMARY"] for e in found] == [here.title]
    assert elsewhere.title not in [e["SUMMARY"] for e in found]
    wijk = WijkPage.objects.get(slug="west")
    found = events(client.get(reverse("buurten:agenda", args=[wijk.pk])))
    assert [e["SUMMARY"] for e in found] == [here.title]
    html = client.get(oog_in_al.url).content.decode()
    assert reverse("buurten:agenda", args=[oog_in_al.pk]) in html


def test_buurt_feed_queries_are_bounded(client, oog_in_al, django_assert_max_num_queries):
    for n in range(6):
        make_offer(
            oog_in_al,
            tijden=[{"weekday": n, "opens_at": T(9), "closes_at": T(10)}],
            plekken=[{"address": f"Kanaalweg {n}", "postcode": "3526KL"}],
        )
    url = reverse("buurten:agenda", args=[oog_in_al.pk])
    client.get(url)
    with django_assert_max_num_queries(8):
        assert len(events(client.get(url))) == 6


def test_feeds_for_unknown_or_other_pages_are_not_found(client, home):
    assert client.get(reverse("aanbod:agenda", args=[999999])).status_code == 404
    assert client.get(reverse("buurten:agenda", args=[home.pk])).status_code == 404


def test_this_week_on_the_buurt_and_wijk_page(client, oog_in_al, time_machine_tuesday):
    make_offer(
        oog_in_al,
        title="Maandagkoffie",
        tijden=[{"weekday": 0, "opens_at": T(10), "closes_at": T(12)}],
    )
    make_offer(
        oog_in_al,
        title="Dinsdagtaal",
        tijden=[{"weekday": 1, "opens_at": T(14), "closes_at": T(16)}],
    )
    make_offer(
        oog_in_al,
        title="Nachtcafé",
        tijden=[{"weekday": 2, "opens_at": T(21), "closes_at": T(1), "past_midnight": True}],
    )
    make_offer(
        oog_in_al,
        title="Kerstmarkt",
        tijden=[{"date": datetime.date(2026, 11, 27), "opens_at": T(11), "closes_at": T(15)}],
    )
    make_offer(
        oog_in_al,
        title="Later dit jaar",
        tijden=[{"date": datetime.date(2026, 12, 10), "opens_at": T(11), "closes_at": T(15)}],
    )
    for page in (oog_in_al, WijkPage.objects.get(slug="west")):
        html = unescape(client.get(page.url).content.decode())
        week = html[html.index('id="vandaag-kop"') : html.index('id="aanbod-kop"')]
        assert "Vandaag en deze week" in week

        def day(date, html=week):
            start = html.index(f'id="dag-{date}"')
            end = html.find('id="dag-', start + 5)
            return html[start : end if end > 0 else len(html)]

        assert "Vandaag, dinsdag 24 november" in day("2026-11-24")
        assert "Dinsdagtaal" in day("2026-11-24") and "14.00 tot 16.00 uur" in day("2026-11-24")
        assert "Morgen, woensdag 25 november" in day("2026-11-25")
        assert "Nachtcafé" in day("2026-11-25") and "'s nachts" in day("2026-11-25")
        assert "Kerstmarkt" in day("2026-11-27")
        assert "Maandagkoffie" in day("2026-11-30")
        assert "Later dit jaar" not in week


def test_an_empty_today_says_so(client, oog_in_al, time_machine_tuesday):
    make_offer(
        oog_in_al,
        title="Maandagkoffie",
        tijden=[{"weekday": 0, "opens_at": T(10), "closes_at": T(12)}],
    )
    html = client.get(oog_in_al.url).content.decode()
    assert "Vandaag staat er niets op de agenda." in html


def test_week_uses_utrecht_time_not_utc(client, oog_in_al, monkeypatch):
    # 23:30 UTC on Monday is already Tuesday 00:30 in Utrecht
    frozen = datetime.datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(
        when, "local_now", lambda now=None: (now or frozen).astimezone(when.UTRECHT)
    )
    make_offer(
        oog_in_al,
        title="Dinsdagtaal",
        tijden=[{"weekday": 1, "opens_at": T(14), "closes_at": T(16)}],
    )
    html = client.get(oog_in_al.url).content.decode()
    assert 'id="dag-2026-11-24"' in html and "Vandaag, dinsdag 24 november" in html


def test_the_monthly_cafe_is_the_third_thursday_in_the_feed(client, oog_in_al):
    """Read back with icalendar, and the rule expanded by dateutil as an agenda does."""
    offer = make_offer(
        oog_in_al,
        title="Mantelzorgcafé West",
        tijden=[{"weekday": 3, "repeat": "maand-3", "opens_at": T(19, 30), "closes_at": T(21, 30)}],
    )
    (cafe,) = events(client.get(reverse("aanbod:agenda", args=[offer.pk])))
    assert cafe["RRULE"]["FREQ"] == ["MONTHLY"] and cafe["RRULE"]["BYDAY"] == ["3TH"]
    start = cafe.decoded("dtstart")
    assert start.time() == T(19, 30) and cafe.decoded("dtend").time() == T(21, 30)
    rule = rrulestr(cafe["RRULE"].to_ical().decode(), dtstart=start)
    for day in rule[:6]:
        assert day.weekday() == 3 and 15 <= day.day <= 21, day  # the third Thursday


def test_every_other_week_with_first_last_and_closed_dates_in_the_feed(client, oog_in_al):
    offer = make_offer(
        oog_in_al,
        tijden=[
            {
                "weekday": 1,
                "repeat": "2-weken",
                "valid_from": datetime.date(2027, 1, 5),
                "valid_until": datetime.date(2027, 3, 2),
                "skip_dates": ["2027-02-02"],
                "opens_at": T(14),
                "closes_at": T(16),
            }
        ],
    )
    (event,) = events(client.get(reverse("aanbod:agenda", args=[offer.pk])))
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["INTERVAL"] == [2]
    start = event.decoded("dtstart")
    assert start.date() == datetime.date(2027, 1, 5)
    skipped = [d.dt for d in event["EXDATE"].dts]
    assert skipped == [datetime.datetime(2027, 2, 2, 14, tzinfo=start.tzinfo)]
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start, forceset=True)
    for day in skipped:
        rule.exdate(day)
    assert [d.date() for d in rule] == [
        datetime.date(2027, 1, 5),
        datetime.date(2027, 1, 19),
        datetime.date(2027, 2, 16),
        datetime.date(2027, 3, 2),
    ]
