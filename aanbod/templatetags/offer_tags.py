"""Small display helpers for offers: times, costs and today's status, in the visitor's
language and with dates and times written the way that language writes them."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.urls import Resolver404, resolve
from django.utils import formats
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from aanbod import when
from aanbod.models import Weekday
from vertalingen.i18n import SOURCE_LANGUAGE, current_language, translated

register = template.Library()


def _time(value) -> str:
    """Dutch: 14.00 (as the municipality writes it); other languages: their own format."""
    if current_language() == SOURCE_LANGUAGE:
        return formats.time_format(value, "G.i")
    return formats.time_format(value)


@register.filter
def local_date(value, with_weekday=False) -> str:
    """'24 november 2026' in Dutch; the visitor's own date format (and month names) otherwise."""
    if not value:
        return ""
    if current_language() == SOURCE_LANGUAGE:
        return formats.date_format(value, "l j F Y" if with_weekday else "j F Y")
    text = formats.date_format(value, "DATE_FORMAT")
    return f"{formats.date_format(value, 'l')} {text}" if with_weekday else text


@register.filter
def slot_time(slot) -> str:
    """'14.00 tot 16.30 uur', or '21.00 tot 1.00 uur (\'s nachts)' past midnight."""
    opens = _time(slot.opens_at)
    closes = _time(slot.closes_at)
    if slot.past_midnight:
        return _("%(opens)s tot %(closes)s uur ('s nachts)") % {"opens": opens, "closes": closes}
    return _("%(opens)s tot %(closes)s uur") % {"opens": opens, "closes": closes}


@register.filter
def cost_text(offer) -> str:
    if offer.cost == offer.Cost.GRATIS:
        text = _("Gratis")
    elif offer.cost_amount is not None:
        text = _("€ %(amount)s") % {"amount": formats.number_format(offer.cost_amount, 2)}
    else:
        text = _("Het kost geld")
    note = translated(offer, "cost_note")
    if not note:
        return text
    if note.is_fallback:
        return format_html(
            '{}. <span lang="{}" dir="{}">{}</span>', text, note.language, note.dir, note
        )
    return format_html("{}. {}", text, note)


def _day_name(slot) -> str:
    return str(Weekday(slot.weekday).label)


def _every_nth(nth: int, day: str) -> str:
    texts = {
        1: _("Elke eerste %(day)s van de maand"),
        2: _("Elke tweede %(day)s van de maand"),
        3: _("Elke derde %(day)s van de maand"),
        4: _("Elke vierde %(day)s van de maand"),
        -1: _("Elke laatste %(day)s van de maand"),
    }
    return texts[nth] % {"day": day}


@register.filter
def slot_pattern(slot) -> str:
    """How often a repeating time comes back, in words: 'Elke donderdag', 'Om de week op
    dinsdag', 'Elke derde donderdag van de maand', 'Elke maand op de 15e'."""
    if slot.month_day is not None:
        return _("Elke maand op de %(number)se") % {"number": slot.month_day}
    day = _day_name(slot)
    if slot.week_of_month is not None:
        return _every_nth(slot.week_of_month, day)
    if slot.interval == 2:
        return _("Om de week op %(day)s") % {"day": day}
    if slot.interval > 2:
        return _("Elke %(count)s weken op %(day)s") % {"count": slot.interval, "day": day}
    return _("Elke %(days)s") % {"days": day}


@register.filter
def slot_period(slot) -> str:
    """'Vanaf 6 januari 2027 tot en met 30 juni 2027. Niet op 25 december 2026' (the template
    ends the sentence). A first date only while it is to come, likewise the skipped dates;
    empty when there is nothing to say."""
    today = when.local_now().date()
    sentences = []
    period = []
    if slot.valid_from and slot.valid_from > today:
        period.append(_("vanaf %(date)s") % {"date": local_date(slot.valid_from)})
    if slot.valid_until:
        period.append(_("tot en met %(date)s") % {"date": local_date(slot.valid_until)})
    if period:
        sentences.append(capfirst(" ".join(period)))
    skipped = [day for day in slot.skip_dates or [] if day >= today.isoformat()]
    if skipped:
        dates = ", ".join(local_date(datetime.date.fromisoformat(day)) for day in skipped)
        sentences.append(_("Niet op %(dates)s") % {"dates": dates})
    return ". ".join(sentences)


def _is_every_week(slot) -> bool:
    return slot.interval == 1 and slot.week_of_month is None and slot.month_day is None


@register.filter
def schedule_summary(offer) -> str:
    """A short 'when' for a card: 'Elke dinsdag en donderdag', 'Elke derde donderdag van de
    maand', or the first date."""
    slots = list(offer.tijden.all())
    repeating = when.weekly(slots, since=when.local_now().date())
    parts = []
    weekly = sorted({s.weekday for s in repeating if _is_every_week(s)})
    if weekly:
        names = [str(Weekday(day).label) for day in weekly]
        days = (
            names[0]
            if len(names) == 1
            else _("%(first)s en %(last)s")
            % {
                "first": ", ".join(names[:-1]),
                "last": names[-1],
            }
        )
        parts.append(_("Elke %(days)s") % {"days": days})
    for slot in repeating:
        pattern = slot_pattern(slot)
        if not _is_every_week(slot) and pattern not in parts:
            parts.append(pattern)
    if parts:
        return "; ".join(parts)
    dates = sorted(s.date for s in slots if s.date is not None)
    if dates:
        return _("Op %(date)s") % {"date": formats.date_format(dates[0], "l j F")}
    return ""


@dataclass
class DaysLine:
    """One line of the times: a repeating time, or consecutive weekdays with the same hours
    (``slots``, one per day; the first gives the hours, period and note)."""

    slots: list

    @property
    def slot(self):
        return self.slots[0]


def _same_hours(slot) -> tuple:
    skipped = tuple(slot.skip_dates or ())
    return (slot.opens_at, slot.closes_at, slot.note, slot.valid_from, slot.valid_until, skipped)


@register.filter
def day_lines(slots) -> list[DaysLine]:
    """The repeating times as people write them: three or more consecutive weekdays with the
    same hours on one line ('Maandag tot en met vrijdag', 'Elke dag'), every other time on a
    line of its own, in the order of ``when.weekly``."""
    runs: list[list] = []
    for slot in slots:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and _is_every_week(slot)
            and _is_every_week(last)
            and _same_hours(slot) == _same_hours(last)
            and slot.weekday == last.weekday + 1
        ):
            runs[-1].append(slot)
        else:
            runs.append([slot])
    lines = []
    for run in runs:
        lines += [DaysLine(run)] if len(run) > 2 else [DaysLine([slot]) for slot in run]
    return lines


@register.filter
def days_text(line: DaysLine) -> str:
    """'Elke dinsdag', 'Maandag tot en met vrijdag', 'Elke dag': the days of one line."""
    if len(line.slots) == 7:
        return _("Elke dag")
    if len(line.slots) > 2:
        first, last = (_day_name(slot) for slot in (line.slots[0], line.slots[-1]))
        return capfirst(_("%(first)s tot en met %(last)s") % {"first": first, "last": last})
    return slot_pattern(line.slot)


@register.simple_tag(takes_context=True)
def back_to_search(context) -> str:
    """The search this offer was opened from (``?terug=``, set by the result's link), so the
    page can link back to the same results; '' for anything but this site's search page."""
    request = context.get("request")
    back = request.GET.get("terug", "") if request else ""
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return ""
    try:
        match = resolve(back.partition("?")[0])
    except Resolver404:
        return ""
    return back if match.url_name == "zoeken" else ""


ROUTE_PLANNER = "https://www.openstreetmap.org/directions"


@register.filter
def route_url(place) -> str:
    """A journey planner's page with this place as the destination: a plain link, so nothing
    is asked of another website before the resident clicks. '' for a place without an
    address."""
    if not place.address:
        return ""
    destination = ", ".join(
        part for part in (place.address, f"{place.postcode} {place.city}".strip()) if part
    )
    return f"{ROUTE_PLANNER}?{urlencode({'to': destination})}"
