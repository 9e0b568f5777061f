"""Search demand on a real Redis: a search writes nothing to the database, the counts arrive
there in one go, and the counts made while the database is down are not lost."""

import datetime

import pytest
from django.db import OperationalError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_redis import get_redis_connection

from config.settings.base import redis_cache
from overzicht import demand
from overzicht.models import Zoekvraag
from tests.services import capture_log, free_port, redis_running

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not redis_running(), reason="Redis is not running on 127.0.0.1:6379"),
]


@pytest.fixture
def limits_redis(settings, worker_id):
    """The limits cache on a Redis database of its own per test worker (12, 13, ...: one
    worker's flush must not empty another's), empty before and after. Its timeouts are
    longer than the site's half second: on a loaded machine that was too short, and every
    search was written at once as if Redis were down (tested apart, on a closed port)."""
    number = 12 + int(worker_id.removeprefix("gw")) if worker_id.startswith("gw") else 12
    cache = redis_cache(f"redis://127.0.0.1:6379/{number}")
    cache["OPTIONS"] = {**cache["OPTIONS"], "SOCKET_CONNECT_TIMEOUT": 5, "SOCKET_TIMEOUT": 5}
    caches = {**settings.CACHES, "limits": cache}
    with override_settings(CACHES=caches):
        client = get_redis_connection("limits")
        client.flushdb()
        yield client
        client.flushdb()


@pytest.fixture
def demand_log(caplog):
    yield from capture_log(caplog, "overzicht.demand")


def test_a_search_is_counted_in_redis_and_the_overview_shows_it(client, limits_redis):
    limits_redis.set(demand.DUE, 1)  # a flush was made a moment ago
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("zoeken"), {"hulpvraag": "taal"})
        client.get(reverse("zoeken"), {"hulpvraag": "taal"})
    writes = [q["sql"] for q in queries if "overzicht_zoekvraag" in q["sql"]]
    assert writes == []
    assert not Zoekvraag.objects.exists()
    # the overview writes what waited (no offers here: both searches found nothing)
    assert demand.totals()[("taal", "")] == (2, 2)
    assert Zoekvraag.objects.get(need_code="taal").searches == 2
    assert not limits_redis.exists(demand.PENDING)
    assert demand.totals()[("taal", "")] == (2, 2)  # and writes it once


def test_the_first_search_after_a_minute_writes_what_waited(limits_redis):
    limits_redis.set(demand.DUE, 1)
    demand.record(["eten"], "WK034401", found_nothing=True)
    assert not Zoekvraag.objects.exists()
    limits_redis.delete(demand.DUE)  # the minute is over
    demand.record(["eten"], "WK034401", found_nothing=False)
    row = Zoekvraag.objects.get(need_code="eten", wijk_code="WK034401")
    assert (row.searches, row.found_nothing) == (2, 1)


def test_counts_made_while_the_database_is_down_arrive_when_it_is_back(
    limits_redis, monkeypatch, demand_log
):
    Zoekvraag.objects.create(
        day=datetime.date.today(), need_code="taal", wijk_code="", searches=5, found_nothing=0
    )

    def down():
        raise OperationalError("connection refused")

    with monkeypatch.context() as outage:
        outage.setattr(connection, "ensure_connection", down)
        for _ in range(30):
            demand.record(["taal"], "", found_nothing=False)
        demand.record(["taal"], "", found_nothing=True)
        demand.flush()  # fails: the database is still down
    assert "database unreachable" in demand_log.text
    assert limits_redis.exists(demand.WRITING)  # kept for the next flush
    demand.record(["taal"], "", found_nothing=False)  # a search after the outage
    totals = demand.totals()
    assert totals[("taal", "")] == (5 + 32, 1)
    assert Zoekvraag.objects.count() == 1


def test_with_redis_down_each_search_is_written_at_once(settings, demand_log):
    caches = {**settings.CACHES, "limits": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}
    with override_settings(CACHES=caches):
        for _ in range(3):
            demand.record(["taal"], "", found_nothing=True)
        assert demand.totals()[("taal", "")] == (3, 3)
    lines = [r for r in demand_log.records if r.name == "overzicht.demand"]
    assert len(lines) == 1 and "Redis unreachable" in lines[0].getMessage()
