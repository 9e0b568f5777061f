"""The backend is chosen by settings (``BUURTWIJZER_SEARCH``, from ``ELASTICSEARCH_URL``)."""

from functools import cache

from django.conf import settings

from .base import FACETS, Found, SearchBackend
from .database import DatabaseBackend
from .elastic import ElasticsearchBackend

__all__ = ["FACETS", "Found", "SearchBackend", "get_backend"]


@cache
def _backend(name: str, url: str, index: str) -> SearchBackend:
    if name == "elasticsearch":
        return ElasticsearchBackend(url, index)
    return DatabaseBackend()


def get_backend() -> SearchBackend:
    config = getattr(settings, "BUURTWIJZER_SEARCH", {})
    return _backend(
        config.get("BACKEND", "database"), config.get("URL", ""), config.get("INDEX", "")
    )
