"""Is there something today? Computed in Utrecht's own time (Europe/Amsterdam).

A slot is anything with ``weekday`` (0 = Monday) or ``date``, ``opens_at``, ``closes_at`` and
``past_midnight``. A slot past midnight (21:00-01:00) belongs to the day it starts on, and is
still "open now" in the early hours of the next day, also from Sunday into Monday.
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


def starts_on(slot, day: datetime.date) -> bool:
    if slot.date is not None:
        return slot.date == day
    return slot.weekday == day.weekday()


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


def weekly(slots) -> list:
    """The weekly times, Monday first, each day by start time."""
    return sorted((s for s in slots if s.date is None), key=lambda s: (s.weekday, s.opens_at))


def dated(slots, since: datetime.date | None = None) -> list:
    """The dated events in order; only those on or after ``since`` when it is given."""
    return sorted(
        (s for s in slots if s.date is not None and (since is None or s.date >= since)),
        key=lambda s: (s.date, s.opens_at),
    )
