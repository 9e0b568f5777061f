"""Counting search demand (see models.Zoekvraag). Called by the search page for each search
a resident makes; increments with F() in the database, so parallel searches never lose a
count, and creates the day's row when it is the first."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import Zoekvraag

DAYS_SHOWN = 90


def record(need_codes, wijk_code: str, found_nothing: bool, day: datetime.date | None = None):
    day = day or timezone.localdate()
    for code in sorted(set(need_codes)) or [""]:
        key = {"day": day, "need_code": code[:40], "wijk_code": (wijk_code or "")[:12]}
        changes = {
            "searches": F("searches") + 1,
            "found_nothing": F("found_nothing") + int(found_nothing),
        }
        if Zoekvraag.objects.filter(**key).update(**changes):
            continue
        try:
            with transaction.atomic():
                Zoekvraag.objects.create(**key, searches=1, found_nothing=int(found_nothing))
        except IntegrityError:  # someone else made the row just now
            Zoekvraag.objects.filter(**key).update(**changes)


def totals(since: datetime.date | None = None) -> dict[tuple[str, str], tuple[int, int]]:
    """{(need code, wijk code): (searches, found nothing)} since a day (default 90 days)."""
    since = since or timezone.localdate() - datetime.timedelta(days=DAYS_SHOWN)
    rows = (
        Zoekvraag.objects.filter(day__gte=since)
        .values("need_code", "wijk_code")
        .annotate(s=Sum("searches"), n=Sum("found_nothing"))
    )
    return {(r["need_code"], r["wijk_code"]): (r["s"], r["n"]) for r in rows}
