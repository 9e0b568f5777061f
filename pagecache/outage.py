"""When the cache (Redis) is down, the site keeps working without it.

django-redis is told to ignore connection errors (``IGNORE_EXCEPTIONS`` in the settings): a
read is a miss, a write is dropped, so every page renders uncached and caching comes back by
itself when Redis does. It logs every ignored error with a traceback; ``OncePerMinute`` on its
logger turns that into one short line a minute, so an outage does not flood the log."""

import logging
import threading
import time

INTERVAL_SECONDS = 60


class OncePerMinute(logging.Filter):
    """Lets one record a minute through, without the traceback, and drops the rest."""

    def __init__(self, name: str = ""):
        super().__init__(name)
        self._lock = threading.Lock()
        self._last = float("-inf")
        self._dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            now = time.monotonic()
            if now - self._last < INTERVAL_SECONDS:
                self._dropped += 1
                return False
            self._last, dropped, self._dropped = now, self._dropped, 0
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        record.msg = "Cache unavailable, pages are served uncached (%s); %d similar lines dropped"
        record.args = (type(cause).__name__ if cause else "unknown", dropped)
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
