"""When an offer counts as possibly out of date. One rule for the page's warning, the
reminders to coordinators and the search ranking."""

import datetime

STALE_AFTER_DAYS = 365


def is_stale(last_verified: datetime.date, today: datetime.date) -> bool:
    return (today - last_verified).days > STALE_AFTER_DAYS
