"""Every search backend must pass the same suite. The database backend always runs (on
SQLite, and on PostgreSQL in the PostgreSQL leg); Elasticsearch runs when ELASTICSEARCH_URL
points to a server, and is skipped with that reason otherwise."""

import os

import pytest
from django.db import connection

from search import backends, catalogue, related, vocabulary

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(
    params=[
        "database",
        pytest.param(
            "elasticsearch",
            marks=pytest.mark.skipif(
                not ES_URL,
                reason="Elasticsearch-leg overgeslagen: ELASTICSEARCH_URL is niet gezet "
                "(zie tests/contract/README.md).",
            ),
        ),
    ]
)
def backend(request, settings, db, worker_id):
    name = request.param
    settings.BUURTWIJZER_SEARCH = {
        "BACKEND": name,
        "URL": ES_URL,
        "INDEX": f"buurtwijzer-test-{worker_id}-{os.getpid()}",
    }
    backends._backend.cache_clear()
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()
    chosen = backends.get_backend()
    chosen.label = f"{name} on {connection.vendor}"
    yield chosen
    if name == "elasticsearch":
        for index in chosen._current():
            chosen.client.indices.delete(index=index, ignore_unavailable=True)
    backends._backend.cache_clear()


@pytest.fixture
def indexed(backend, django_capture_on_commit_callbacks):
    """Call after making test data: brings the backend's index up to date, as the
    publish hooks do after a commit."""

    def run():
        for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
            forget()
        backend.rebuild()

    return run
