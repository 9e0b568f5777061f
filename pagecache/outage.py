"""When the cache (Redis) is down, the site keeps working without it.

django-redis is told to ignore connection errors (``IGNORE_EXCEPTIONS`` in the settings): a
read is a miss, a write is dropped, so every page renders uncached and caching comes back by
itself when Redis does. It logs every ignored error with a traceback; ``OncePerMinute`` on its
logger turns that into one short line a minute, so an outage does not flood the log. The
search-demand counter (overzicht/demand.py) logs through one of its own."""

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
        if record.exc_info:  # django-redis: an ignored error, with its traceback
            error = record.exc_info[1]
            cause = getattr(error, "__cause__", None) or error
            record.msg = "Cache unavailable, pages are served uncached (%s)"
            record.args = (type(cause).__name__,)
            record.exc_info = record.exc_text = None
        record.msg = record.getMessage().replace("%", "%%") + "; %d similar lines dropped"
        record.args = (dropped,)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
