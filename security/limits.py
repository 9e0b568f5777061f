"""Fixed-window counters for the throttles in this app (admin login, password reset, page
passwords), kept in the cache ``limits``: apart from the page cache, shared by all app
processes when it is Redis (``REDIS_LIMITS_URL``).

Counting is atomic and comes first: ``take`` adds one and says whether the attempt is still
within the limit, so 40 attempts at the same moment give exactly ``allowed`` passes, not
however many read the count before the others wrote it. What is counted (an account, an
address) is only kept as a keyed hash (HMAC with the secret key).

With the limits cache down the counters fail open: a throttle must not lock everyone out."""

import contextlib
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.utils.crypto import salted_hmac

CACHE = "limits"


@dataclass(frozen=True)
class Limit:
    name: str
    allowed: int
    window_seconds: int

    def _key(self, parts: tuple[str, ...]) -> str:
        digest = salted_hmac(f"security.limits.{self.name}", "\x1f".join(parts)).hexdigest()[:32]
        return f"limit:{self.name}:{digest}:{int(time.time() // self.window_seconds)}"

    def take(self, *parts: str) -> bool:
        """Count one attempt; True when it is within the limit."""
        cache, key = caches[CACHE], self._key(parts)
        cache.add(key, 0, self.window_seconds + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, self.window_seconds + 60)
            count = 1
        return count is None or count <= self.allowed

    def used(self, *parts: str) -> int:
        return caches[CACHE].get(self._key(parts)) or 0

    def give_back(self, *parts: str) -> None:
        """Undo one ``take`` (the attempt turned out fine)."""
        with contextlib.suppress(ValueError):  # not there (expired, or a new window)
            caches[CACHE].decr(self._key(parts))

    def clear(self, *parts: str) -> None:
        caches[CACHE].delete(self._key(parts))
