"""Every search backend must pass the same suite, each test on each of them:

- ``database``: always (on SQLite, and on PostgreSQL in the PostgreSQL leg);
- ``opensearch``: the OpenSearch backend (opensearch-py) on the node at OPENSEARCH_URL
  (default: SEARCH_NODE_URL);
- ``elasticsearch-via-opensearch-compat``: the Elasticsearch 8 backend (elasticsearch-py and
  elasticsearch-dsl) on the node at ELASTICSEARCH_URL (default: SEARCH_NODE_URL), in the
  test runs the same OpenSearch
  node through its compatibility plugin. That proves the request bodies, analyzers, scripts,
  aliases and aggregations on the same Lucene, not behaviour only Elasticsearch 8 has.

`make test` and CI start the node (scripts/with_search_node.sh). Without a URL a leg is
skipped with the reason, except under CI=true, where a skipped leg is an error.

The test settings keep the database backend as the default; this fixture chooses the
backend per test, with an index of its own per backend and per xdist worker.
"""

import logging
import os

import pytest
from django.db import connection

from search import backends, catalogue, related, vocabulary

# SEARCH_NODE_URL (set by scripts/with_search_node.sh) serves both engine legs.
NODE_URL = os.environ.get("SEARCH_NODE_URL", "")
URLS = {
    "opensearch": os.environ.get("OPENSEARCH_URL", NODE_URL),
    "elasticsearch": os.environ.get("ELASTICSEARCH_URL", NODE_URL),
}
LEGS = {
    "database": "database",
    "opensearch": "opensearch",
    "elasticsearch-via-opensearch-compat": "elasticsearch",
}


def settings_for(name: str, worker_id: str) -> dict:
    return {
        "BACKEND": name,
        "URL": URLS.get(name, ""),
        "INDEX": f"buurtwijzer-test-{name}-{worker_id}-{os.getpid()}",
        "REPLICAS": 0,
    }


# `make test-search` runs the engine legs in the PostgreSQL leg only (it sets this to
# "postgresql" when that leg will run): what an engine answers does not depend on the
# database the offers come from, and running them twice cost minutes of the suite.
ENGINES_ON = os.environ.get("SEARCH_ENGINE_LEGS_ON", "")


def pytest_collection_modifyitems(config, items):
    """Leave the engine legs out of the run on the other database (deselected, not skipped:
    they run in the same `make test`, in the leg on ENGINES_ON)."""
    if not ENGINES_ON or connection.vendor == ENGINES_ON:
        return
    here = os.path.dirname(__file__)
    kept, left_out = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        legs = [params[name] for name in ("backend", "engine") if name in params]
        in_here = str(item.path).startswith(here)
        engine_leg = any(LEGS.get(leg, "database") != "database" for leg in legs)
        (left_out if in_here and engine_leg else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def require_url(name: str) -> None:
    if name == "database":
        return
    if URLS[name]:
        return
    variable = "OPENSEARCH_URL" if name == "opensearch" else "ELASTICSEARCH_URL"
    reason = f"{name}-leg overgeslagen: {variable} is niet gezet (zie tests/contract/README.md)."
    if os.environ.get("CI"):
        pytest.fail(f"In CI mag geen zoek-leg ontbreken: {reason}")
    pytest.skip(reason)


def forget_all() -> None:
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()


def chosen_backend(leg, settings, worker_id, caplog):
    name = LEGS[leg]
    require_url(name)
    settings.BUURTWIJZER_SEARCH = settings_for(name, worker_id)
    backends._backend.cache_clear()
    forget_all()
    chosen = backends.get_backend()
    chosen.label = f"{leg} on {connection.vendor}"
    caplog.set_level(logging.WARNING, logger="search.backends.engine")
    yield chosen
    if isinstance(chosen, backends.EngineBackend):
        chosen.remove_all()
        # An engine leg that quietly fell back to the database would prove nothing.
        assert "niet bereikbaar" not in caplog.text
    backends._backend.cache_clear()


@pytest.fixture(params=list(LEGS))
def backend(request, settings, db, worker_id, caplog):
    yield from chosen_backend(request.param, settings, worker_id, caplog)


@pytest.fixture(params=[leg for leg, name in LEGS.items() if name != "database"])
def engine(request, settings, db, worker_id, caplog):
    """Only the search engines (index operations the database backend does not have)."""
    yield from chosen_backend(request.param, settings, worker_id, caplog)


@pytest.fixture
def indexed(backend, django_capture_on_commit_callbacks):
    """Call after making test data: brings the backend's index up to date, as the
    publish hooks do after a commit."""

    def run():
        forget_all()
        backend.rebuild()

    return run
