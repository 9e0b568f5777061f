"""Recall@5 and MRR of the search over the relevance set (``queries.json``), on the demo content.

recall@5: of the offers that should be found, the part in the first five results (out of at
most five). MRR: the mean of 1 / the place of the first offer that should be found (0 when
none is in the first 20).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.test import Client

QUERIES = Path(__file__).resolve().parent / "queries.json"
TOP = 5


@dataclass
class Score:
    query: dict
    found: list[str]
    recall: float
    reciprocal_rank: float


@dataclass
class Report:
    scores: list[Score]

    @property
    def recall_at_5(self) -> float:
        return sum(s.recall for s in self.scores) / len(self.scores)

    @property
    def mrr(self) -> float:
        return sum(s.reciprocal_rank for s in self.scores) / len(self.scores)

    def by_kind(self) -> dict[str, tuple[int, float, float]]:
        kinds = {}
        for kind in dict.fromkeys(s.query["kind"] for s in self.scores):
            part = Report([s for s in self.scores if s.query["kind"] == kind])
            kinds[kind] = (len(part.scores), part.recall_at_5, part.mrr)
        return kinds


def queries() -> list[dict]:
    return json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]


def score(query: dict, found: list[str]) -> Score:
    expected = set(query["expected"])
    hits = len(expected & set(found[:TOP]))
    recall = hits / min(len(expected), TOP)
    rank = next((i for i, source_id in enumerate(found, 1) if source_id in expected), None)
    return Score(query, found, recall, 1 / rank if rank else 0.0)


def evaluate(client: Client | None = None) -> Report:
    client = client or Client(HTTP_HOST="localhost")
    scores = []
    for query in queries():
        params = {"q": query["q"]}
        if query.get("postcode"):
            params["postcode"] = query["postcode"]
        response = client.get("/api/v1/zoeken", params)
        found = [r["hsds_id"] for r in response.json()["results"]]
        scores.append(score(query, found))
    return Report(scores)
