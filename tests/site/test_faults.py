"""The fault suite (bench/faults.py) in a short form: the production server under load while
its own Redis stops and starts again, and while the connection to PostgreSQL is cut and
restored. Its full form, with figures, is in bench/README.md."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _url() -> str:
    s = connection.settings_dict
    return (
        f"postgresql://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:"
        f"{s['PORT'] or 5432}/{s['NAME']}"
    )


def test_redis_down_gives_no_errors_and_the_database_down_gives_503_then_recovers():
    if connection.vendor != "postgresql":
        pytest.skip("the fault suite cuts a PostgreSQL connection (set DATABASE_URL)")
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    try:
        run = subprocess.run(  # noqa: S603
            [sys.executable, "bench/faults.py", "--seconds", "2", "--threads", "4", "--json"],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": _url()},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:  # the server counted its searches in this test database: take them out again
        with psycopg.connect(_url(), autocommit=True) as conn:
            conn.execute("DELETE FROM overzicht_zoekvraag")
    assert run.returncode == 0, run.stderr[-3000:]
    figures = json.loads(run.stdout)
    for phase in ("normal", "redis-down", "redis-back", "database-down", "database-back"):
        assert figures[phase]["requests"] > 0, phase
        assert figures[phase]["5xx_other_than_503"] == 0, (phase, figures[phase])
        assert figures[phase]["no_answer"] == 0, (phase, figures[phase])
    for phase in ("normal", "redis-down", "redis-back"):
        assert set(figures[phase]["statuses"]) == {"200"}, (phase, figures[phase])
    # once Redis is stopped, no page comes from the cache
    assert figures["redis-down"]["cache_hits"] == 0
    assert figures["redis-back"]["seconds_to_first_hit"] is not None  # caching came back
    down = figures["database-down"]
    assert down["by_kind"]["cached"] == {"200": down["by_kind"]["cached"]["200"]}
    assert down["by_kind"]["uncached"]["503"] == down["503_with_retry_after"] > 0
    back = figures["database-back"]
    assert back["seconds_to_first_uncached_200"] is not None  # recovered without a restart
    assert back["5xx_after_recovery"] == 0, back
    assert back["by_kind"]["cached"] == {"200": back["by_kind"]["cached"]["200"]}
