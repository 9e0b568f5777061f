"""``/gezond/`` tells the load balancer whether this process can serve residents, and tells
the public nothing more than ok / beperkt / niet beschikbaar."""

import logging

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from config.settings.base import redis_cache
from search.backends import get_backend
from tests.services import free_port

pytestmark = pytest.mark.django_db


def test_healthy_site_says_ok_and_is_never_cached(client):
    response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "Set-Cookie" not in response


def test_a_post_is_refused(client):
    assert client.post("/gezond/").status_code == 405


def test_with_redis_down_the_site_still_serves_and_the_log_says_what(client, caplog):
    with (
        override_settings(
            CACHES={
                "default": redis_cache(f"redis://127.0.0.1:{free_port()}/0"),
                "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            }
        ),
        caplog.at_level(logging.WARNING, logger="config.health"),
    ):
        response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.json() == {"status": "beperkt"}
    assert "cache" in caplog.text
    assert "cache" not in response.content.decode()


def test_with_the_search_engine_down_the_site_still_serves(client):
    engine = {"BACKEND": "opensearch", "URL": f"http://127.0.0.1:{free_port()}", "INDEX": "x"}
    with override_settings(BUURTWIJZER_SEARCH=engine):
        assert not get_backend().reachable()
        response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.json() == {"status": "beperkt"}


def test_with_the_database_down_the_load_balancer_is_told_to_wait(client, monkeypatch):
    def down():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", down)  # PostgreSQL stopped, in effect
    response = client.get("/gezond/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response.json() == {"status": "niet beschikbaar"}
