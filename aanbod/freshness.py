"""When an offer counts as possibly out of date: not checked for more than a year. One rule
for the page's warning, the reminders to coordinators, the search ranking and the search
engine's query (which says it as ``now-365d``)."""

import datetime

STALE_AFTER_DAYS = 365


def stale_before(today: datetime.date) -> datetime.date:
    """Offers last checked before this date are stale."""
    return today - datetime.timedelta(days=STALE_AFTER_DAYS)


def is_stale(last_verified: datetime.date, today: datetime.date) -> bool:
    return last_verified < stale_before(today)


def stale(offers, today: datetime.date):
    """The stale ones of a queryset of offers."""
    return offers.filter(last_verified__lt=stale_before(today))
