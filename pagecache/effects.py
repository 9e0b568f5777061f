"""Work a page does for every visitor, also when the page comes from the cache.

The search page counts anonymous search demand (``overzicht.demand.record``) on every search;
a search answered from the page cache must count too. A view calls
``run_every_time(request, func, *args)``: the work runs now, and the page cache stores the call
with the page and runs it again on every hit. ``func`` must be importable by its dotted name and
its arguments plain values, because they are stored in the cache.
"""

import logging

from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def run_every_time(request, func, *args, **kwargs) -> None:
    func(*args, **kwargs)
    calls = request.__dict__.setdefault("_pagecache_calls", [])
    calls.append((f"{func.__module__}.{func.__qualname__}", args, kwargs))


def recorded(request) -> list:
    return list(getattr(request, "_pagecache_calls", []))


def replay(calls) -> None:
    """On a cache hit. A failing call is logged; the visitor still gets the page."""
    for path, args, kwargs in calls:
        try:
            import_string(path)(*args, **kwargs)
        except Exception:
            logger.exception("Page cache: could not repeat %s", path)
