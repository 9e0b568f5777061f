"""Helpers for tests that use this machine's own services (Redis) or need a port where
nothing listens."""

import logging
import socket

from pagecache.outage import OncePerMinute


def redis_running(port: int = 6379) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (a service that is down, in effect)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def capture_log(caplog, name: str):
    """Records of the logger ``name`` (which does not propagate) into ``caplog``, with its
    once-a-minute filter reset, so a test sees the first line of an outage. A generator for a
    fixture: ``yield from capture_log(caplog, "buurtwijzer.cache")``."""
    logger = logging.getLogger(name)
    for found in logger.filters:
        if isinstance(found, OncePerMinute):
            found._last = float("-inf")
    logger.addHandler(caplog.handler)
    yield caplog
    logger.removeHandler(caplog.handler)
