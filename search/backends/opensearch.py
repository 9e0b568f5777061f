"""Search on OpenSearch: the ``opensearch-py`` client around what ``bodies`` builds, the
index lifecycle of ``engine``."""

import logging

from opensearchpy import ConnectionError as OsConnectionError
from opensearchpy import ConnectionTimeout, NotFoundError, OpenSearch, helpers

from .engine import EngineBackend, bulk_failures

logger = logging.getLogger(__name__)


class OpenSearchBackend(EngineBackend):
    name = "opensearch"
    unavailable = (OsConnectionError, ConnectionTimeout)
    not_found = NotFoundError

    def __init__(self, url: str, alias: str, replicas: int = 0):
        super().__init__(url, alias, replicas)
        self.client = OpenSearch(hosts=[url], timeout=10, max_retries=1)

    def _search(self, body: dict) -> dict:
        return self.client.search(index=self.alias, body=body)

    def _indices(self) -> dict[str, dict]:
        return self.client.indices.get(index=self.alias)

    def _create(self, index: str, body: dict) -> None:
        self.client.indices.create(index=index, body=body)

    def _bulk(self, actions: list[dict]) -> None:
        _, errors = helpers.bulk(self.client, actions, refresh="wait_for", raise_on_error=False)
        if failures := bulk_failures(errors):
            logger.warning(
                "Zoekindex: %d fouten bij bijwerken, eerste: %s", len(failures), failures[0]
            )

    def _update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(body={"actions": actions})

    def _delete(self, index: str) -> None:
        self.client.indices.delete(index=index, ignore_unavailable=True)

    def _count(self, index: str) -> int:
        return self.client.count(index=index)["count"]
