"""The throttles' counters on a real Redis: concurrent attempts cannot slip past a limit."""

import threading
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from config.settings.base import redis_cache
from security.limits import Limit
from tests.services import free_port, redis_running


@pytest.mark.skipif(not redis_running(), reason="Redis is not running on 127.0.0.1:6379")
def test_forty_attempts_at_once_get_exactly_the_allowed_number_of_passes():
    limit = Limit(f"proef-{uuid.uuid4().hex[:8]}", 5, 60)
    passes, start = [], threading.Barrier(40)

    def attempt():
        start.wait()
        passes.append(limit.take("redacteur", "203.0.113.5"))

    with override_settings(
        CACHES={
            "default": redis_cache("redis://127.0.0.1:6379/9"),
            "limits": redis_cache("redis://127.0.0.1:6379/9"),
        }
    ):
        threads = [threading.Thread(target=attempt) for _ in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert limit.used("redacteur", "203.0.113.5") == 40
        limit.clear("redacteur", "203.0.113.5")
        caches["limits"].close()
    assert passes.count(True) == 5


def test_with_the_limits_cache_down_attempts_pass():
    """Fail open: Redis down must not lock every editor out of the admin."""
    port = free_port()
    with override_settings(
        CACHES={
            "default": redis_cache(f"redis://127.0.0.1:{port}/0"),
            "limits": redis_cache(f"redis://127.0.0.1:{port}/0"),
        }
    ):
        limit = Limit("proef-dicht", 1, 60)
        assert all(limit.take("x") for _ in range(3))
