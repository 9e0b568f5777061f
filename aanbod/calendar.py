"""iCalendar feeds (.ics) of offers' times, for a resident's or professional's own agenda.

Times are local Utrecht times with TZID Europe/Amsterdam and one VTIMEZONE (the EU rule:
summer time from the last Sunday of March to the last Sunday of October). A weekly time is
one event with an RRULE; a dated event is one event. UIDs follow the time's database id, so
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
    """A weekly time's first date: its weekday on or after ``anchor``."""
    return anchor + datetime.timedelta(days=(slot.weekday - anchor.weekday()) % 7)


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
        event.add("rrule", {"freq": "weekly", "byday": BYDAY[slot.weekday]})
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
