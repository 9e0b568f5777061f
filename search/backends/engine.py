"""Search on a search engine (OpenSearch or Elasticsearch 8), whatever its client.

One document per searchable offer in an index behind an alias. A rebuild makes a new index,
fills it, then moves the alias in one step and deletes the old index: searches go on against
the old index until the new one is complete. What is sent is made in ``bodies``; a subclass
(``opensearch``, ``elastic``) only says how its client sends it.

When the engine cannot be reached, a search is answered by the database backend and a
warning is logged: residents get results, never an error page.
"""

import datetime
import logging
import time
from dataclasses import dataclass

from django.utils import timezone, translation

from aanbod.models import AanbodPage

from ..criteria import Criteria
from . import bodies
from .base import Found, SearchBackend
from .database import DatabaseBackend

logger = logging.getLogger(__name__)


def bulk_failures(errors) -> list:
    """Bulk errors other than deleting a document that was not there."""
    return [e for e in errors if not ("delete" in e and e["delete"].get("status") == 404)]


@dataclass
class Status:
    """What an administrator wants to know about the index (``search.checks``)."""

    reachable: bool
    index: str = ""  # the index behind the alias; empty when there is none
    created: datetime.datetime | None = None
    documents: int = 0
    searchable: int = 0  # offers that should be in it (AanbodPage.objects.searchable())

    @property
    def in_step(self) -> bool:
        return self.documents == self.searchable


class EngineBackend(SearchBackend):
    """The index lifecycle, the same for every engine. Subclasses set ``unavailable`` (the
    client's exceptions for "cannot reach the engine") and the small methods at the end."""

    unavailable: tuple[type[Exception], ...] = ()
    not_found: type[Exception] = Exception

    def __init__(self, url: str, alias: str, replicas: int = 0):
        self.url = url
        self.alias = alias
        self.replicas = replicas
        self.fallback = DatabaseBackend()

    def search(self, criteria: Criteria) -> Found:
        if criteria.nothing_understood:
            return Found([], 0)
        try:
            response = self._search(bodies.search_body(criteria))
        except self.not_found:  # no index yet: nothing is searchable
            return Found([], 0)
        except self.unavailable as error:
            logger.warning(
                "Zoekmachine %s niet bereikbaar (%s); deze zoekvraag gaat via de database.",
                self.name,
                type(error).__name__,
            )
            return self.fallback.search(criteria)
        return bodies.found(response)

    # Keeping the index up to date ------------------------------------------------------

    def current(self) -> dict[str, dict]:
        """The indices behind the alias (normally one), with their settings."""
        try:
            return self._indices()
        except self.not_found:
            return {}

    @translation.override("nl")  # the index holds the Dutch text in title, summary, body
    def _fill(self, index: str, queryset, remove=()) -> None:
        actions = [
            {"_op_type": "index", "_index": index, "_id": pk, "_source": doc}
            for pk, doc in bodies.documents(queryset)
        ]
        actions += [{"_op_type": "delete", "_index": index, "_id": pk} for pk in remove]
        self._bulk(actions)

    def index_offers(self, pks) -> None:
        current = self.current()
        if not current:
            self.rebuild()
            return
        pks = set(pks)
        searchable = AanbodPage.objects.searchable().filter(pk__in=pks)
        keep = set(searchable.values_list("pk", flat=True))
        for index in current:
            self._fill(index, searchable, remove=pks - keep)

    def needs_changed(self) -> None:
        self.rebuild()

    def rebuild(self) -> int:
        """A new index (with the needs' current labels in its documents), filled, then the
        alias moved to it."""
        new = f"{self.alias}-{time.time_ns()}"
        self._create(new, bodies.index_body(self.replicas))
        queryset = AanbodPage.objects.searchable()
        self._fill(new, queryset)
        old = list(self.current())
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self._update_aliases(actions)
        for index in old:
            self._delete(index)
        return queryset.count()

    def remove_all(self) -> None:
        """Deletes the indices behind the alias (the tests clean up with this)."""
        for index in self.current():
            self._delete(index)

    def reachable(self) -> bool:
        try:
            self.current()
        except self.unavailable:
            return False
        return True

    def status(self) -> Status:
        searchable = AanbodPage.objects.searchable().count()
        try:
            current = self.current()
            if not current:
                return Status(True, searchable=searchable)
            index, info = next(iter(current.items()))
            created_ms = int(info["settings"]["index"]["creation_date"])
            created = datetime.datetime.fromtimestamp(created_ms / 1000, tz=datetime.UTC)
            return Status(True, index, timezone.localtime(created), self._count(index), searchable)
        except self.unavailable:
            return Status(False, searchable=searchable)

    # What each client does its own way -------------------------------------------------

    def _search(self, body: dict) -> dict:
        raise NotImplementedError

    def _indices(self) -> dict[str, dict]:
        """``GET /<alias>``: {index name: {"settings": ...}}; raises ``not_found``."""
        raise NotImplementedError

    def _create(self, index: str, body: dict) -> None:
        raise NotImplementedError

    def _bulk(self, actions: list[dict]) -> None:
        """Runs the actions and waits until searches see them."""
        raise NotImplementedError

    def _update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def _delete(self, index: str) -> None:
        raise NotImplementedError

    def _count(self, index: str) -> int:
        raise NotImplementedError
