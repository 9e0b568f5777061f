"""What every search backend does. The contract suite (tests/contract) holds each to it."""

from dataclasses import dataclass, field

from ..criteria import Criteria

FACETS = ("hulpvraag", "wijk", "doelgroep")


@dataclass
class Found:
    ids: list[int]  # the offers on the asked page, best first
    total: int  # all offers that were found
    facets: dict[str, dict[str, int]] = field(default_factory=lambda: {f: {} for f in FACETS})


class SearchBackend:
    name = "?"

    def search(self, criteria: Criteria) -> Found:
        raise NotImplementedError

    # Keeping the index up to date (search.signals calls these) ---------------------------

    def index_offers(self, pks) -> None:
        """(Re)index these offers: each is added, updated or removed as it now is."""

    def needs_changed(self) -> None:
        """A need's words changed (they are part of the index's synonyms in some backends)."""

    def rebuild(self) -> int:
        """Index every offer anew; returns how many are searchable."""
        return 0

    def reachable(self) -> bool:
        """Whether the backend answers now (the health check, ``config.health``)."""
        return True
