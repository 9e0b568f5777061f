"""Search on Elasticsearch 8: the elasticsearch 8 client and ``elasticsearch-dsl`` around
what ``bodies`` builds, the index lifecycle of ``engine``. In the test suite it runs against
the OpenSearch node through its Elasticsearch compatibility plugin (search-node/README.md)."""

import logging

from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import ConnectionTimeout, Elasticsearch, NotFoundError, helpers
from elasticsearch_dsl import Search

from .engine import EngineBackend, bulk_failures

logger = logging.getLogger(__name__)


class ElasticsearchBackend(EngineBackend):
    name = "elasticsearch"
    unavailable = (EsConnectionError, ConnectionTimeout)
    not_found = NotFoundError

    def __init__(self, url: str, alias: str, replicas: int = 0):
        super().__init__(url, alias, replicas)
        self.client = Elasticsearch(url, request_timeout=10, max_retries=1)

    def _search(self, body: dict) -> dict:
        search = Search(using=self.client, index=self.alias).update_from_dict(body)
        return search.execute().to_dict()

    def _indices(self) -> dict[str, dict]:
        return dict(self.client.indices.get(index=self.alias))

    def _create(self, index: str, body: dict) -> None:
        self.client.indices.create(index=index, **body)

    def _bulk(self, actions: list[dict]) -> None:
        _, errors = helpers.bulk(self.client, actions, refresh="wait_for", raise_on_error=False)
        if failures := bulk_failures(errors):
            logger.warning(
                "Zoekindex: %d fouten bij bijwerken, eerste: %s", len(failures), failures[0]
            )

    def _update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(actions=actions)

    def _delete(self, index: str) -> None:
        self.client.indices.delete(index=index, ignore_unavailable=True)

    def _count(self, index: str) -> int:
        return self.client.count(index=index)["count"]
