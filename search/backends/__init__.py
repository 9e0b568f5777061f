"""The backend is chosen by settings (``BUURTWIJZER_SEARCH``, from ``SEARCH_BACKEND``,
``OPENSEARCH_URL`` and ``ELASTICSEARCH_URL``; see config/settings/base.py)."""

from functools import cache

from django.conf import settings

from .base import FACETS, Found, SearchBackend
from .database import DatabaseBackend
from .elastic import ElasticsearchBackend
from .engine import EngineBackend, Status
from .opensearch import OpenSearchBackend

__all__ = ["FACETS", "EngineBackend", "Found", "SearchBackend", "Status", "get_backend"]

ENGINES = {"opensearch": OpenSearchBackend, "elasticsearch": ElasticsearchBackend}


@cache
def _backend(name: str, url: str, index: str, replicas: int) -> SearchBackend:
    if name in ENGINES:
        return ENGINES[name](url, index, replicas)
    return DatabaseBackend()


def get_backend() -> SearchBackend:
    config = getattr(settings, "BUURTWIJZER_SEARCH", {})
    return _backend(
        config.get("BACKEND", "database"),
        config.get("URL", ""),
        config.get("INDEX", ""),
        int(config.get("REPLICAS", 0)),
    )
