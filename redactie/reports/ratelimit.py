"""A simple rate limit for the feedback form, kept in the cache ``limits``, apart from the page cache (shared by all app processes
when the cache is Redis).

Per visitor: at most ``PER_CLIENT`` reports an hour. The visitor is known only by a keyed
hash of their IP address (HMAC with the secret key), kept in the cache for about an hour;
the address itself is never stored. For everyone together: at most ``GLOBAL`` reports an
hour, so a flood from many addresses cannot fill the editors' inbox.

Behind the reverse proxy (``site/nginx.conf.example``) the app sees the proxy's address;
the visitor's address is the last one the proxy added to X-Forwarded-For. That header is
only believed from the addresses in the setting ``BUURTWIJZER_TRUSTED_PROXIES`` (default:
this machine).
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac

PER_CLIENT = 5
GLOBAL = 200
WINDOW_SECONDS = 60 * 60


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = getattr(settings, "BUURTWIJZER_TRUSTED_PROXIES", ("127.0.0.1", "::1"))
    if remote in trusted:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            return hops[-1]
    return remote


def client_key(request) -> str:
    return salted_hmac("redactie.reports.ratelimit", client_address(request)).hexdigest()[:32]


def _keys(client: str) -> tuple[str, str]:
    window = int(time.time() // WINDOW_SECONDS)
    return f"melding:klant:{client}:{window}", f"melding:alle:{window}"


def limit_reached(client: str) -> str | None:
    """``"client"`` or ``"global"`` when that limit is reached, else None."""
    mine, everyone = _keys(client)
    counts = caches["limits"].get_many([mine, everyone])
    if counts.get(mine, 0) >= PER_CLIENT:
        return "client"
    if counts.get(everyone, 0) >= GLOBAL:
        return "global"
    return None


def count(client: str) -> None:
    for key in _keys(client):
        cache = caches["limits"]
        cache.add(key, 0, WINDOW_SECONDS + 60)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS + 60)
