"""'Vandaag open' / 'Vandaag geen activiteit', in Utrecht's own time."""

import datetime
from dataclasses import dataclass

from aanbod import when

UTRECHT = when.UTRECHT
UTC = datetime.UTC


@dataclass
class Slot:
    opens_at: datetime.time
    closes_at: datetime.time
    weekday: int | None = None
    date: datetime.date | None = None
    past_midnight: bool = False


def at(y, m, d, hh, mm=0, tz=UTRECHT):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=tz)


T = datetime.time
# 2026-11-23 is a Monday; 2026-11-29 a Sunday.
TUESDAY_AFTERNOON = Slot(T(14), T(16, 30), weekday=1)
FRIDAY_NIGHT = Slot(T(21), T(1), weekday=4, past_midnight=True)
SUNDAY_NIGHT = Slot(T(23), T(2), weekday=6, past_midnight=True)


def test_weekly_slot_is_today_on_its_weekday_only():
    assert when.today([TUESDAY_AFTERNOON], at(2026, 11, 24, 9)).slots == [TUESDAY_AFTERNOON]
    assert not when.today([TUESDAY_AFTERNOON], at(2026, 11, 25, 9)).has_activity


def test_open_now_during_the_slot_not_before_or_after():
    assert when.today([TUESDAY_AFTERNOON], at(2026, 11, 24, 15)).open_now is TUESDAY_AFTERNOON
    assert when.today([TUESDAY_AFTERNOON], at(2026, 11, 24, 13, 59)).open_now is None
    assert when.today([TUESDAY_AFTERNOON], at(2026, 11, 24, 16, 30)).open_now is None


def test_past_midnight_slot_is_open_in_the_early_hours_of_the_next_day():
    saturday_half_past_midnight = at(2026, 11, 28, 0, 30)
    result = when.today([FRIDAY_NIGHT], saturday_half_past_midnight)
    assert result.open_now is FRIDAY_NIGHT
    assert result.slots == []  # it started yesterday
    assert when.today([FRIDAY_NIGHT], at(2026, 11, 28, 1, 0)).open_now is None
    assert when.today([FRIDAY_NIGHT], at(2026, 11, 28, 12)).has_activity is False


def test_past_midnight_across_the_week_boundary_sunday_to_monday():
    monday_one_am = at(2026, 11, 30, 1)
    assert when.today([SUNDAY_NIGHT], monday_one_am).open_now is SUNDAY_NIGHT
    assert when.today([SUNDAY_NIGHT], at(2026, 11, 29, 23, 30)).open_now is SUNDAY_NIGHT
    assert when.today([SUNDAY_NIGHT], at(2026, 11, 29, 12)).slots == [SUNDAY_NIGHT]


def test_today_is_the_day_in_utrecht_not_in_utc():
    # 23:30 UTC on Monday is already Tuesday 00:30 in Utrecht (winter time, UTC+1).
    monday_late_utc = at(2026, 11, 23, 23, 30, tz=UTC)
    assert when.today([TUESDAY_AFTERNOON], monday_late_utc).slots == [TUESDAY_AFTERNOON]
    # In summer Utrecht is UTC+2: 22:30 UTC on Monday 2026-06-22 is Tuesday 00:30.
    assert when.today([TUESDAY_AFTERNOON], at(2026, 6, 22, 22, 30, tz=UTC)).slots == [
        TUESDAY_AFTERNOON
    ]


def test_dated_event_only_on_its_date():
    event = Slot(T(10), T(13), date=datetime.date(2026, 12, 12))
    assert when.today([event], at(2026, 12, 12, 9)).slots == [event]
    assert not when.today([event], at(2026, 12, 19, 9)).has_activity


def test_slots_of_today_are_sorted_by_start_time():
    morning = Slot(T(9), T(10), weekday=1)
    assert when.today([TUESDAY_AFTERNOON, morning], at(2026, 11, 24, 8)).slots == [
        morning,
        TUESDAY_AFTERNOON,
    ]


def test_this_week_lists_days_with_activity_from_today():
    days = list(when.this_week([TUESDAY_AFTERNOON, FRIDAY_NIGHT], at(2026, 11, 23, 8)))
    assert [day.isoformat() for day, _ in days] == ["2026-11-24", "2026-11-27"]
