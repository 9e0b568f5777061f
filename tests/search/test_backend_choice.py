"""Which search backend the settings choose, and that tests never share a search index."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.contract.conftest import settings_for

ROOT = Path(__file__).resolve().parent.parent.parent
NODE = "http://127.0.0.1:9"


def chosen(settings_module: str, **env) -> str:
    """The backend a fresh Django process chooses with this environment."""
    code = "import django; django.setup(); from search.backends import get_backend; print(get_backend().name)"
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SEARCH_BACKEND", "OPENSEARCH_URL", "ELASTICSEARCH_URL", "DATABASE_URL"}
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_test_settings_keep_the_database_whatever_the_environment_says():
    # Before: ELASTICSEARCH_URL switched every test, and every xdist worker's setup_site,
    # to one shared Elasticsearch index.
    assert chosen("config.settings.test", ELASTICSEARCH_URL=NODE, OPENSEARCH_URL=NODE) == (
        "database"
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "database"),
        ({"OPENSEARCH_URL": NODE}, "opensearch"),
        ({"ELASTICSEARCH_URL": NODE}, "elasticsearch"),
        ({"OPENSEARCH_URL": NODE, "SEARCH_BACKEND": "database"}, "database"),
    ],
)
def test_the_site_settings_follow_the_environment(env, expected):
    assert chosen("config.settings.dev", **env) == expected


def test_each_backend_and_xdist_worker_has_an_index_of_its_own():
    names = {
        settings_for(backend, worker)["INDEX"]
        for backend in ("opensearch", "elasticsearch")
        for worker in ("gw0", "gw1")
    }
    assert len(names) == 4
