"""How good the search is over the relevance set (``queries.json``), on the demo content,
through ``GET /api/v1/zoeken`` as residents and partners use it.

Each query has graded offers: ``expected`` are exactly what the resident needs (grade 2),
``acceptable`` would do (grade 1); ``language`` is the language it is asked in (``taal``);
``fallback: true`` marks a question the site has no answer to.

- nDCG@5: the first five results against the best possible first five (gain = grade).
- success@1: the first result is at least acceptable.
- MRR: the mean of 1 / the place of the first offer that is at least acceptable (0 when
  none is on the first page).
- A no-answer question is handled when the API says ``"fallback": true`` and shows no
  results as if they fitted; its nDCG and success count 1 then, else 0.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.test import Client

QUERIES = Path(__file__).resolve().parent / "queries.json"
TOP = 5


@dataclass
class Score:
    query: dict
    found: list[str]
    ndcg: float
    success: float
    reciprocal_rank: float

    @property
    def language(self) -> str:
        return self.query.get("language", "nl")

    @property
    def kind(self) -> str:
        return self.query["kind"]


@dataclass
class Report:
    scores: list[Score]

    def _mean(self, name: str) -> float:
        return sum(getattr(s, name) for s in self.scores) / len(self.scores)

    @property
    def ndcg_at_5(self) -> float:
        return self._mean("ndcg")

    @property
    def success_at_1(self) -> float:
        return self._mean("success")

    @property
    def mrr(self) -> float:
        return self._mean("reciprocal_rank")

    @property
    def no_answer_handled(self) -> float:
        """The share of no-answer questions answered with the marked fallback."""
        return self.where(lambda s: s.query.get("fallback")).success_at_1

    def where(self, keep) -> "Report":
        return Report([s for s in self.scores if keep(s)])

    def by(self, attribute: str) -> dict[str, "Report"]:
        values = dict.fromkeys(getattr(s, attribute) for s in self.scores)
        return {v: self.where(lambda s, v=v: getattr(s, attribute) == v) for v in values}


def queries() -> list[dict]:
    return json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]


def grades(query: dict) -> dict[str, int]:
    return {
        **dict.fromkeys(query.get("acceptable", []), 1),
        **dict.fromkeys(query.get("expected", []), 2),
    }


def _dcg(gains) -> float:
    return sum(gain / math.log2(place + 1) for place, gain in enumerate(gains, 1))


def score(query: dict, found: list[str], fallback: bool = False) -> Score:
    if query.get("fallback"):
        handled = float(fallback and not found)
        return Score(query, found, handled, handled, handled)
    grade = grades(query)
    ideal = _dcg(sorted(grade.values(), reverse=True)[:TOP])
    ndcg = _dcg(grade.get(f, 0) for f in found[:TOP]) / ideal if ideal else 0.0
    rank = next((i for i, source_id in enumerate(found, 1) if source_id in grade), None)
    success = float(bool(found) and found[0] in grade)
    return Score(query, found, ndcg, success, 1 / rank if rank else 0.0)


def evaluate(client: Client | None = None) -> Report:
    client = client or Client(HTTP_HOST="localhost")
    scores = []
    for query in queries():
        params = {"q": query["q"], "taal": query.get("language", "nl")}
        if query.get("postcode"):
            params["postcode"] = query["postcode"]
        answer = client.get("/api/v1/zoeken", params).json()
        found = [r["hsds_id"] for r in answer["results"]]
        scores.append(score(query, found, answer.get("fallback", False)))
    return Report(scores)
