"""Small display helpers for offers: times, costs and today's status, in the visitor's
language and with dates and times written the way that language writes them."""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

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


@register.filter
def schedule_summary(offer) -> str:
    """A short 'when' for a card: 'Elke dinsdag en donderdag', or the first date."""
    slots = list(offer.tijden.all())
    weekly = sorted({s.weekday for s in slots if s.date is None})
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
        return _("Elke %(days)s") % {"days": days}
    dates = sorted(s.date for s in slots if s.date is not None)
    if dates:
        return _("Op %(date)s") % {"date": formats.date_format(dates[0], "l j F")}
    return ""
