"""Counting search demand (see models.Zoekvraag). Called by the search page for each search
a resident makes.

With Redis as the ``limits`` cache (``REDIS_LIMITS_URL``, a Redis that never evicts) a search
only adds to a hash there, and the counts go to the database in one transaction at most once
a minute (and before the overview reads them). So a search costs no database write, and the
counts made while the database is down are written when it is back. Without Redis (local
development), or with Redis down, each search is written to the database at once.

Flushing renames the pending hash to a "being written" hash first, so searches during the
write start a new one; a flush that fails leaves it for the next. One lock, so two processes
never write the same counts."""

import contextlib
import datetime
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django_redis import get_redis_connection
from redis.exceptions import RedisError, ResponseError

from .models import Zoekvraag

DAYS_SHOWN = 90
CACHE = "limits"
PENDING = "buurtwijzer:demand:pending"
WRITING = "buurtwijzer:demand:writing"
LOCK = "buurtwijzer:demand:lock"
DUE = "buurtwijzer:demand:due"
FLUSH_SECONDS = 60

logger = logging.getLogger(__name__)


def _redis():
    """The limits cache's Redis client, or None when that cache is not Redis."""
    try:
        return get_redis_connection(CACHE)
    except NotImplementedError:
        return None


def _counts(need_codes, wijk_code, found_nothing, day) -> dict[tuple, tuple[int, int]]:
    wijk = (wijk_code or "")[:12]
    return {
        (day, code[:40], wijk): (1, int(found_nothing)) for code in sorted(set(need_codes)) or [""]
    }


def record(need_codes, wijk_code: str, found_nothing: bool, day: datetime.date | None = None):
    counts = _counts(need_codes, wijk_code, found_nothing, day or timezone.localdate())
    client = _redis()
    if client is not None:
        try:
            _buffer(client, counts)
        except RedisError:
            logger.warning("Search demand: Redis unreachable, counting in the database")
        else:
            with contextlib.suppress(RedisError):
                if client.set(DUE, 1, nx=True, ex=FLUSH_SECONDS):
                    flush()
            return
    _write(counts)


def _field(key, kind: str) -> str:
    day, need, wijk = key
    return f"{day.isoformat()}|{need}|{wijk}|{kind}"


def _buffer(client, counts) -> None:
    pipe = client.pipeline()
    for key, (searches, nothing) in counts.items():
        pipe.hincrby(PENDING, _field(key, "s"), searches)
        if nothing:
            pipe.hincrby(PENDING, _field(key, "n"), nothing)
    pipe.execute()


def _parse(fields: dict) -> dict[tuple, tuple[int, int]]:
    counts: dict[tuple, list[int]] = {}
    for field, value in fields.items():
        day, need, wijk, kind = field.decode().rsplit("|", 3)
        pair = counts.setdefault((datetime.date.fromisoformat(day), need, wijk), [0, 0])
        pair[kind == "n"] += int(value)
    return {key: tuple(pair) for key, pair in counts.items()}


def _write(counts) -> None:
    """Add counts to the day rows, with F() so parallel writers never lose one."""
    for (day, need, wijk), (searches, nothing) in counts.items():
        key = {"day": day, "need_code": need, "wijk_code": wijk}
        changes = {
            "searches": F("searches") + searches,
            "found_nothing": F("found_nothing") + nothing,
        }
        if Zoekvraag.objects.filter(**key).update(**changes):
            continue
        try:
            with transaction.atomic():
                Zoekvraag.objects.create(**key, searches=searches, found_nothing=nothing)
        except IntegrityError:  # someone else made the row just now
            Zoekvraag.objects.filter(**key).update(**changes)


def flush() -> None:
    """Write the counts waiting in Redis to the database. Safe to call at any time; with the
    database or Redis down the counts stay where they are."""
    client = _redis()
    if client is None:
        return
    try:
        if not client.set(LOCK, 1, nx=True, ex=30):
            return  # another process is writing
        try:
            for _ in range(2):  # what a failed flush left, then what is pending
                if not client.exists(WRITING):
                    try:
                        client.rename(PENDING, WRITING)
                    except ResponseError:  # nothing pending
                        break
                counts = _parse(client.hgetall(WRITING))
                with transaction.atomic():
                    _write(counts)
                client.delete(WRITING)
        finally:
            client.delete(LOCK)
    except DatabaseError:
        logger.warning("Search demand: database unreachable, the counts wait in Redis")
    except RedisError:
        logger.warning("Search demand: Redis unreachable while writing, the counts wait there")


def totals(since: datetime.date | None = None) -> dict[tuple[str, str], tuple[int, int]]:
    """{(need code, wijk code): (searches, found nothing)} since a day (default 90 days)."""
    flush()
    since = since or timezone.localdate() - datetime.timedelta(days=DAYS_SHOWN)
    rows = (
        Zoekvraag.objects.filter(day__gte=since)
        .values("need_code", "wijk_code")
        .annotate(s=Sum("searches"), n=Sum("found_nothing"))
    )
    return {(r["need_code"], r["wijk_code"]): (r["s"], r["n"]) for r in rows}
