"""The labelled corpus: Dutch paragraphs written for this project, half plain (B1), half
officialese (policy prose, letters, regulations). The checker must classify at least 90%
correctly. Run `pytest tests/checks/test_corpus.py -s` to see the measured accuracy."""

import re
from collections import Counter
from pathlib import Path

from checks.b1 import check_text

CORPUS = Path(__file__).parent / "data" / "b1_corpus.txt"


def load_corpus() -> list[tuple[str, str, str]]:
    """(label, kind, text) for each paragraph."""
    raw = CORPUS.read_text("utf-8")
    items = []
    for block in re.split(r"^=== ", raw, flags=re.MULTILINE)[1:]:
        head, _, body = block.partition("\n")
        label, kind = (part.strip() for part in head.split("|"))
        items.append((label, kind, body.strip()))
    return items


def test_corpus_is_large_enough_and_balanced():
    labels = Counter(label for label, _kind, _text in load_corpus())
    assert set(labels) == {"B1", "boven B1"}
    assert sum(labels.values()) >= 40
    assert labels["B1"] == labels["boven B1"]
    assert any(kind == "beleid" for label, kind, _ in load_corpus() if label == "boven B1")


def test_checker_classifies_at_least_90_percent_correctly(word_list):
    items = load_corpus()
    wrong = [
        (label, text[:60])
        for label, _kind, text in items
        if check_text(text, word_list=word_list).verdict != label
    ]
    accuracy = 1 - len(wrong) / len(items)
    print(f"\nB1 corpus: {len(items) - len(wrong)}/{len(items)} correct ({accuracy:.0%})")
    assert accuracy >= 0.9, wrong
