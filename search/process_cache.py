"""A value that each app process builds once and builds again after a change anywhere.

The version lives in the shared cache (Redis in production), so a change seen by one process
(a need edited, an offer published) reaches every process: each builds anew before its next
use. ``search.vocabulary`` and ``search.catalogue`` keep their data this way."""

from collections.abc import Callable
from typing import Generic, TypeVar

from django.core.cache import cache
from django.utils import translation

T = TypeVar("T")


class ProcessCache(Generic[T]):
    def __init__(self, key: str, build: Callable[[], T], also_changes: Callable = lambda: None):
        """``also_changes``: part of the version besides the shared number (e.g. the day)."""
        self.key = key
        self.build = build
        self.also_changes = also_changes
        self._version = None
        self._value: T | None = None

    def current(self) -> T:
        version = (cache.get(self.key, 0), self.also_changes())
        if self._value is None or self._version != version:
            with translation.override("nl"):  # built once for every language
                self._value = self.build()
            self._version = version
        return self._value

    def forget(self) -> None:
        """Something changed: every process builds anew on its next use."""
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 1, timeout=None)
        self._value = None
