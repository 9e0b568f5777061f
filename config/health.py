"""``/gezond/``: the health check for the load balancer and the monitoring.

200 while this process can serve residents, 503 when it cannot (the database is down: only
cached pages would still work). The page cache and the search engine are not needed to serve
(pages render uncached, search falls back to the database), so their loss gives 200 with
status "beperkt". The body names no parts and no errors, for anyone may call it; which part
failed goes to the log, for the administrator."""

import logging
import secrets

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from search.backends import get_backend

logger = logging.getLogger(__name__)


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _cache(alias: str) -> bool:
    """Write and read back a random value: django-redis ignores connection errors, so a get
    alone would just look like a miss."""
    cache, value = caches[alias], secrets.token_hex(8)
    cache.set("gezond", value, 10)
    return cache.get("gezond") == value


def checks() -> dict[str, bool]:
    return {
        "database": _database(),
        "cache": _cache("default"),
        "limits": _cache("limits"),
        "search": get_backend().reachable(),
    }


@never_cache
@require_safe
def health(request):
    parts = checks()
    failed = [name for name, ok in parts.items() if not ok]
    if failed:
        logger.warning("Gezondheidscontrole: niet bereikbaar: %s", ", ".join(failed))
    if not parts["database"]:
        return JsonResponse(
            {"status": "niet beschikbaar"}, status=503, headers={"Retry-After": "60"}
        )
    return JsonResponse({"status": "beperkt" if failed else "ok"})
