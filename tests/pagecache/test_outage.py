"""Redis or the database down: the site degrades instead of answering 500.

Redis down: every page renders uncached, the log gets one short line (no traceback per
request), and caching comes back by itself when Redis does (a real redis-server of our own,
on a free port, started and stopped here). The database down: pages in the cache keep being
served; the rest says "even niet beschikbaar" with 503 and Retry-After."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client, override_settings

from config.settings.base import redis_cache
from tests.services import capture_log, free_port

pytestmark = pytest.mark.django_db


def _redis_settings(port: int):
    return override_settings(
        BUURTWIJZER_PAGE_CACHE=True,
        CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/5")},
    )


@pytest.fixture
def cache_log(caplog):
    yield from capture_log(caplog, "buurtwijzer.cache")


def test_with_redis_down_pages_render_uncached_with_one_log_line(client, home, cache_log):
    with _redis_settings(free_port()):  # nothing listens there
        responses = [client.get("/") for _ in range(5)]
    assert [r.status_code for r in responses] == [200] * 5
    assert {r["X-Page-Cache"] for r in responses} == {"miss"}
    records = [r for r in cache_log.records if r.name == "buurtwijzer.cache"]
    assert len(records) == 1
    assert records[0].exc_info is None and "uncached" in records[0].getMessage()


@pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed")
def test_caching_comes_back_by_itself_when_redis_returns(client, home):
    port = free_port()

    def start():
        command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                return server
            except OSError:
                time.sleep(0.05)
        server.kill()
        pytest.fail("redis-server did not start")

    def cache_states(n):
        return [client.get("/")["X-Page-Cache"] for _ in range(n)]

    server = start()
    try:
        with _redis_settings(port):
            assert cache_states(2) == ["miss", "hit"]
            server.terminate()
            server.wait(5)
            down = [client.get("/") for _ in range(3)]
            assert [r.status_code for r in down] == [200] * 3
            assert {r["X-Page-Cache"] for r in down} == {"miss"}
            server = start()
            assert "hit" in cache_states(4)
    finally:
        server.terminate()
        server.wait(5)


def test_with_the_database_down_cached_pages_serve_and_others_say_not_available(home, monkeypatch):
    cache.clear()
    client = Client(raise_request_exception=False)
    with override_settings(BUURTWIJZER_PAGE_CACHE=True):
        assert client.get("/")["X-Page-Cache"] == "miss"

        def down():
            raise OperationalError("connection refused")

        monkeypatch.setattr(connection, "ensure_connection", down)
        cached = client.get("/")
        assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
        other = client.get("/west/")
        english = client.get("/en/west/")
    assert other.status_code == 503
    assert other["Retry-After"] == "60"
    assert "Even niet beschikbaar" in other.content.decode()
    assert english.status_code == 503
    assert "Temporarily unavailable" in english.content.decode()
    cache.clear()
