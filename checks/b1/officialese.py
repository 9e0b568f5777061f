"""Officialese ('ambtelijke taal'): a list of words and phrases with plain alternatives.

The list lives in the database (the snippet 'Ambtelijke woorden', seeded from
data/ambtelijk.csv), so administrators can change it; this module only knows entries and
how to find them in a text, including the other forms of a verb (verstrekken: verstrek,
verstrekt, verstrekte, verstrekten)."""

import csv
import functools
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "ambtelijk.csv"
INSEPARABLE_PREFIXES = ("be", "ge", "ver", "ont", "her", "er", "mis")
VOWELS = "aeiouy"


@dataclass(frozen=True)
class Entry:
    word: str
    alternative: str
    is_verb: bool = False
    forms: tuple[str, ...] = ()  # extra forms, e.g. a plural or an irregular participle

    def all_forms(self) -> set[str]:
        found = {self.word.lower(), *(form.lower() for form in self.forms)}
        if self.is_verb:
            found |= verb_forms(self.word.lower())
        return found


def verb_forms(infinitive: str) -> set[str]:
    """Present, past and participle forms of a regular Dutch verb. Guessing a few stems
    that do not exist is harmless: they never occur in a text."""
    if " " in infinitive or not infinitive.endswith("en"):
        return {infinitive}
    stem = infinitive[:-2]
    stems = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stems.add(stem[:-1])  # verstrekk-en -> verstrek
    if re.search(rf"[^{VOWELS}][aeou][^{VOWELS}wj]$", stem):
        stems.add(stem[:-2] + stem[-2] * 2 + stem[-1])  # participer-en -> participeer
    forms = {infinitive}
    prefixed = infinitive.startswith(INSEPARABLE_PREFIXES)
    for s in stems:
        if s[-1] in "vz":  # behoev-en -> behoef, behoeft, behoefde (never 'behoefte')
            s = s[:-1] + {"v": "f", "z": "s"}[s[-1]]
            past = {s + "de", s + "den"}
        else:
            past = {s + "te", s + "ten", s + "de", s + "den"}
        forms |= {s, s + "t", s + "d"} | past
        if not prefixed:
            forms |= {"ge" + s + "t", "ge" + s + "d"}
    return forms


def read_csv(path: Path = CSV_PATH) -> list[Entry]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            Entry(
                word=row["woord"].strip(),
                alternative=row["alternatief"].strip(),
                is_verb=row["werkwoord"].strip().lower() == "ja",
                forms=tuple(f.strip() for f in row["vormen"].split("/") if f.strip()),
            )
            for row in csv.DictReader(fh, delimiter=";")
        ]


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    entry: Entry


class WordList:
    def __init__(self, entries: list[Entry]):
        self.entries = entries

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def _by_form(self) -> dict[str, Entry]:
        by_form = {}
        for entry in self.entries:
            for form in entry.all_forms():
                by_form.setdefault(_normalise(form), entry)
        return by_form

    @cached_property
    def _pattern(self) -> re.Pattern | None:
        forms = sorted(self._by_form, key=len, reverse=True)
        if not forms:
            return None
        alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[Match]:
        if self._pattern is None:
            return []
        return [
            Match(m.start(), m.end(), m.group(), self._by_form[_normalise(m.group())])
            for m in self._pattern.finditer(text)
        ]


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


@functools.cache
def shipped_word_list() -> WordList:
    """The list as the project ships it (data/ambtelijk.csv), compiled once per process."""
    return WordList(read_csv())
