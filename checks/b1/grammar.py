"""Sentence patterns that make Dutch harder to read: the passive voice ('wordt verstuurd')
and nominal style ('het versterken van'). Found with patterns and word lists, not a parser,
so the findings are warnings and hints, not errors."""

import re
from dataclasses import dataclass
from functools import cache

from .text import Sentence, Word
from .words import DATA, read_list

WORDEN = {"word", "wordt", "worden", "werd", "werden"}
ZIJN = {"ben", "bent", "is", "zijn", "was", "waren", "geweest"}
CLAUSE_WORDS = {
    "en", "maar", "want", "of", "omdat", "zodat", "als", "wanneer", "terwijl", "voordat",
    "nadat", "dat", "die", "waar", "waarin", "waarmee", "hoe", "wat",
}  # fmt: skip
SEPARABLE = (
    "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "terug", "toe",
    "uit", "voor", "weg", "samen", "vast", "los", "klaar", "thuis", "rond", "neer", "tegen",
    "binnen", "buiten", "vrij", "open", "dicht", "goed", "kwijt", "schoon",
)  # fmt: skip
GE_PARTICIPLE = re.compile(rf"^(?:{'|'.join(SEPARABLE)})?ge[^\W\d_]{{2,}}(?:d|t|en)$")
PREFIX_PARTICIPLE = re.compile(r"^(?:be|ver|ont|her)[^\W\d_]{2,}(?:d|t)$")
NOMINAL_INFINITIVE = re.compile(
    r"\b(?:het|dit|dat)\s+([^\W\d_]{4,}en)\s+(?:van|door|voor)\b", re.IGNORECASE
)
NOMINAL_TER = re.compile(r"\b(?:ter|ten)\s+([^\W\d_]{4,}(?:ing|atie|ering))\b", re.IGNORECASE)
NOMINAL_ATIE = re.compile(
    r"\b(?:de|een)\s+([^\W\d_]{4,}(?:atie|isatie))\s+(?:van|door)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Finding:
    kind: str  # "passive", "passive-zijn" or "nominalisation"
    start: int
    end: int
    words: tuple[str, ...]


@cache
def not_participles() -> frozenset[str]:
    """Words that look like a participle but are not (gezond, geboren, bekend, geleden)."""
    return frozenset(read_list(DATA / "geen_deelwoord.txt"))


@cache
def zijn_verbs() -> frozenset[str]:
    """Participles that make the perfect tense with 'zijn' (is gegaan), not a passive."""
    return frozenset(read_list(DATA / "zijn_werkwoorden.txt"))


@cache
def not_nominal() -> frozenset[str]:
    return frozenset(read_list(DATA / "geen_naamwoordstijl.txt"))


def is_participle(word: str) -> bool:
    word = word.lower()
    if word in not_participles() or not word.isalpha():
        return False
    return bool(GE_PARTICIPLE.match(word) or PREFIX_PARTICIPLE.match(word))


def clauses(sentence: Sentence) -> list[list[Word]]:
    """Parts of a sentence between commas and joining words (en, maar, omdat, dat, die...)."""
    parts: list[list[Word]] = [[]]
    previous_end = sentence.start
    for word in sentence.words:
        gap = sentence.text[previous_end - sentence.start : word.start - sentence.start]
        if re.search(r"[,;:()–—]", gap) or word.lower in CLAUSE_WORDS:
            parts.append([])
        parts[-1].append(word)
        previous_end = word.end
    return [part for part in parts if part]


def _participle_near(clause: list[Word], index: int) -> Word | None:
    """The participle that belongs to the auxiliary at `index`: right next to it
    ('dat wordt betaald', 'betaald wordt') or at the end of the clause ('wordt door ons
    betaald')."""
    candidates = []
    if index + 1 < len(clause):
        candidates.append(clause[index + 1])
    if index > 0:
        candidates.append(clause[index - 1])
    if index + 1 < len(clause):
        candidates.append(clause[-1])
    for word in candidates:
        if is_participle(word.text):
            return word
    return None


def passives(sentence: Sentence) -> list[Finding]:
    found = []
    for clause in clauses(sentence):
        for index, word in enumerate(clause):
            lower = word.lower
            if lower not in WORDEN and lower not in ZIJN:
                continue
            participle = _participle_near(clause, index)
            if participle is None or participle.lower == "geworden":
                continue
            if lower in ZIJN and participle.lower in zijn_verbs():
                continue
            kind = "passive" if lower in WORDEN else "passive-zijn"
            first, last = sorted((word, participle), key=lambda w: w.start)
            found.append(Finding(kind, first.start, last.end, (word.text, participle.text)))
            break
    return found


def nominalisations(text: str, offset: int = 0) -> list[Finding]:
    found = []
    for pattern in (NOMINAL_INFINITIVE, NOMINAL_TER, NOMINAL_ATIE):
        for m in pattern.finditer(text):
            noun = m.group(1)
            if noun.lower() in not_nominal():
                continue
            found.append(Finding("nominalisation", m.start() + offset, m.end() + offset, (noun,)))
    return sorted(found, key=lambda f: f.start)
