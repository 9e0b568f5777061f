"""Is there something today? Computed in Utrecht's own time (Europe/Amsterdam).

A slot is anything with ``weekday`` (0 = Monday) or ``date``, ``opens_at``, ``closes_at`` and
``past_midnight``, and for a repeating time optionally ``interval`` (every how many weeks,
counted from the week of ``valid_from``), ``week_of_month`` (1 to 4, -1 for the last),
``month_day``, ``valid_from``, ``valid_until`` and ``skip_dates`` (ISO dates it does not
happen); see ``aanbod.models.schedule``. A slot past midnight (21:00-01:00) belongs to the day
it starts on, and is still "open now" in the early hours of the next day, also from Sunday
into Monday.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

UTRECHT = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Today:
    slots: list  # slots that start today, by start time
    open_now: object | None  # the slot that is going on right now, if any

    @property
    def has_activity(self) -> bool:
        return bool(self.slots) or self.open_now is not None


def local_now(now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or datetime.datetime.now(tz=UTRECHT)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTRECHT)


def week_of_month(day: datetime.date) -> tuple[int, bool]:
    """(which of its weekday this is in the month, 1 to 5; whether it is the last one)."""
    is_last = (day + datetime.timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1, is_last


def _repeats_on(slot, day: datetime.date) -> bool:
    """The pattern alone, without first, last and skipped dates."""
    month_day = getattr(slot, "month_day", None)
    if month_day is not None:
        return day.day == month_day
    if slot.weekday != day.weekday():
        return False
    nth = getattr(slot, "week_of_month", None)
    if nth is not None:
        number, is_last = week_of_month(day)
        return is_last if nth == -1 else number == nth
    interval = getattr(slot, "interval", 1) or 1
    first = getattr(slot, "valid_from", None)
    if interval > 1 and first is not None:
        first_monday = first - datetime.timedelta(days=first.weekday())
        return (day - first_monday).days // 7 % interval == 0
    return True


def in_period(slot, day: datetime.date) -> bool:
    """On or after the first date and on or before the last date (when they are given)."""
    first = getattr(slot, "valid_from", None)
    last = getattr(slot, "valid_until", None)
    return (first is None or day >= first) and (last is None or day <= last)


def starts_on(slot, day: datetime.date) -> bool:
    if slot.date is not None:
        return slot.date == day
    if not in_period(slot, day) or day.isoformat() in (getattr(slot, "skip_dates", None) or ()):
        return False
    return _repeats_on(slot, day)


def next_day(slot, since: datetime.date, days: int = 400) -> datetime.date | None:
    """The first day on or after ``since`` on which the slot starts, within ``days``."""
    for offset in range(days):
        day = since + datetime.timedelta(days=offset)
        if starts_on(slot, day):
            return day
    return None


def has_ended(slot, today: datetime.date) -> bool:
    """A dated event before today, or a repeating time whose last date is before today."""
    if slot.date is not None:
        return slot.date < today
    last = getattr(slot, "valid_until", None)
    return last is not None and last < today


def _end(slot, start_day: datetime.date) -> datetime.datetime:
    end_day = start_day + datetime.timedelta(days=1) if slot.past_midnight else start_day
    return datetime.datetime.combine(end_day, slot.closes_at, tzinfo=UTRECHT)


def is_open_at(slot, moment: datetime.datetime) -> bool:
    moment = local_now(moment)
    for start_day in (moment.date(), moment.date() - datetime.timedelta(days=1)):
        if not starts_on(slot, start_day):
            continue
        start = datetime.datetime.combine(start_day, slot.opens_at, tzinfo=UTRECHT)
        if start <= moment < _end(slot, start_day):
            return True
    return False


def today(slots, now: datetime.datetime | None = None) -> Today:
    moment = local_now(now)
    slots = list(slots)
    starting = sorted((s for s in slots if starts_on(s, moment.date())), key=lambda s: s.opens_at)
    open_now = next((s for s in slots if is_open_at(s, moment)), None)
    return Today(slots=starting, open_now=open_now)


def this_week(slots, now: datetime.datetime | None = None, days: int = 7):
    """(date, slots) for today and the next days that have something."""
    start = local_now(now).date()
    slots = list(slots)
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        on_day = sorted((s for s in slots if starts_on(s, day)), key=lambda s: s.opens_at)
        if on_day:
            yield day, on_day


def weekly(slots, since: datetime.date | None = None) -> list:
    """The repeating times (weekly, every few weeks, monthly), Monday first, each day by start
    time, those by day of the month last; only those not ended before ``since`` when given."""
    return sorted(
        (s for s in slots if s.date is None and (since is None or not has_ended(s, since))),
        key=lambda s: (
            s.weekday if s.weekday is not None else 7,
            getattr(s, "month_day", None) or 0,
            s.opens_at,
        ),
    )


def dated(slots, since: datetime.date | None = None) -> list:
    """The dated events in order; only those on or after ``since`` when it is given."""
    return sorted(
        (s for s in slots if s.date is not None and (since is None or s.date >= since)),
        key=lambda s: (s.date, s.opens_at),
    )
