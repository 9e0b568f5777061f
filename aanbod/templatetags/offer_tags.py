"""Small display helpers for offers: times, costs and today's status in plain Dutch."""

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from aanbod.models import Weekday

register = template.Library()


@register.filter
def slot_time(slot) -> str:
    """'14.00 tot 16.30 uur', or '21.00 tot 1.00 uur (\'s nachts)' past midnight."""
    opens = formats.time_format(slot.opens_at, "G.i")
    closes = formats.time_format(slot.closes_at, "G.i")
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
    return f"{text}. {offer.cost_note}" if offer.cost_note else text


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
