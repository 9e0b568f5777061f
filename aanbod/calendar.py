"""iCalendar feeds (.ics) of offers' times, for a resident's or professional's own agenda.

Times are local Utrecht times with TZID Europe/Amsterdam and one VTIMEZONE (the EU rule:
summer time from the last Sunday of March to the last Sunday of October). A repeating time is
one event with an RRULE (weekly with its INTERVAL, monthly by weekday "3TH" or by day of the
month, UNTIL its last date) and an EXDATE for each date it does not happen, starting on its
first real date (``aanbod.when.next_day``); a dated event is one event. UIDs follow the time's database id, so
a calendar that subscribes to the feed updates events instead of doubling them."""

import datetime

import icalendar
from django.utils.translation import gettext as _

from . import when

PRODID = "-//Buurtwijzer Utrecht//Agenda//NL"
UID_DOMAIN = "buurtwijzer-utrecht"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _timezone() -> icalendar.Timezone:
    tz = icalendar.Timezone()
    tz.add("tzid", "Europe/Amsterdam")
    for kind, name, start, month, offset_from, offset_to in (
        (icalendar.TimezoneDaylight, "CEST", datetime.datetime(1981, 3, 29, 2), 3, 1, 2),
        (icalendar.TimezoneStandard, "CET", datetime.datetime(1996, 10, 27, 3), 10, 2, 1),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
        part.add("tzoffsetto", datetime.timedelta(hours=offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        tz.add_component(part)
    return tz


def _first_day(slot, anchor: datetime.date) -> datetime.date:
    """A repeating time's first date: its first day on or after its own first date, or else
    on or after ``anchor``; the anchor itself when it has none within a year."""
    since = slot.valid_from or anchor
    return when.next_day(slot, since) or since


def _rrule(slot) -> dict:
    if slot.month_day is not None:
        rule = {"freq": "monthly", "bymonthday": slot.month_day}
    elif slot.week_of_month is not None:
        rule = {"freq": "monthly", "byday": f"{slot.week_of_month}{BYDAY[slot.weekday]}"}
    else:
        rule = {"freq": "weekly", "byday": BYDAY[slot.weekday]}
        if slot.interval > 1:
            rule["interval"] = slot.interval
    if slot.valid_until:
        last = datetime.datetime.combine(slot.valid_until, datetime.time(23, 59, 59), when.UTRECHT)
        rule["until"] = last.astimezone(datetime.UTC)  # UTC, as RFC 5545 wants with a TZID
    return rule


def _event(offer, slot, url: str, anchor: datetime.date) -> icalendar.Event:
    day = slot.date if slot.date is not None else _first_day(slot, anchor)
    start = datetime.datetime.combine(day, slot.opens_at, tzinfo=when.UTRECHT)
    end_day = day + datetime.timedelta(days=1) if slot.past_midnight else day
    end = datetime.datetime.combine(end_day, slot.closes_at, tzinfo=when.UTRECHT)
    event = icalendar.Event()
    event.add("uid", f"tijd-{slot.pk}@{UID_DOMAIN}")
    event.add("dtstamp", offer.last_published_at or offer.latest_revision_created_at or start)
    event.add("dtstart", start)
    event.add("dtend", end)
    if slot.date is None:
        event.add("rrule", _rrule(slot))
        skipped = [
            datetime.datetime.combine(datetime.date.fromisoformat(d), slot.opens_at, when.UTRECHT)
            for d in slot.skip_dates or []
        ]
        if skipped:
            event.add("exdate", skipped)
    event.add("summary", offer.title)
    description = [offer.summary]
    if slot.note:
        description.append(slot.note)
    description.append(url)
    event.add("description", "\n\n".join(description))
    event.add("url", url)
    places = list(offer.plekken.all())
    if places:
        event.add("location", str(places[0]))
    if offer.status == offer.Status.TIJDELIJK_GESLOTEN:
        event.add("status", "CANCELLED")
    return event


def feed(offers, name: str, request) -> bytes:
    """One calendar with every time of these offers (tijden and plekken prefetched)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add_component(_timezone())
    for offer in offers:
        url = offer.get_full_url(request)
        published = offer.first_published_at or offer.latest_revision_created_at
        anchor = when.local_now(published).date() if published else when.local_now().date()
        for slot in offer.tijden.all():
            calendar.add_component(_event(offer, slot, url, anchor))
    return calendar.to_ical()


def feed_name(title: str) -> str:
    return _("%(title)s (Buurtwijzer Utrecht)") % {"title": title}
