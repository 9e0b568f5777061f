"""The words residents use for each need, read from the needs themselves (label, resident
phrasing, synonyms; editable content) in every language of the site (django-modeltranslation
columns ``label_en``, ``synonyms_ar``, ...).

Built once per process and rebuilt when a need or a translation changes (``invalidate``,
called from ``search.signals``); the version lives in the cache, so every app process sees it.
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings

from aanbod.models import Doelgroep, Hulpvraag

from . import text
from .process_cache import ProcessCache

VERSION_KEY = "search:vocabulary-version"
# What residents really type, besides the needs' own words; and what the site does not list.
WORDS_FILE = text.DATA_DIR / "words.json"
# The "need" of a phrase for something the site does not list (a permit, a licence).
ELSEWHERE = "_elsewhere"

# "Hulp bij klusjes, boodschappen of de administratie" holds three ways to say it.
_ALTERNATIVES = re.compile(r",|\bof\b|\ben\b|\bor\b|\band\b", re.IGNORECASE)


@dataclass(frozen=True)
class Phrase:
    """One way to say a need: its words, and the stems that must all occur in a query.

    A phrase of stop words only ("ik kan niet meer") matches as a whole, in this order.
    """

    need: str
    language: str
    words: tuple[str, ...]
    stems: frozenset[str]


@dataclass
class Vocabulary:
    phrases: list[Phrase] = field(default_factory=list)
    # Per language: every word that occurs in a phrase (not a stop word) -> its stem.
    known_words: dict[str, dict[str, str]] = field(default_factory=dict)
    # (code, language) -> (label, phrasing); language "nl" always present.
    labels: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    sort_order: dict[str, int] = field(default_factory=dict)
    # Target groups ("jongeren", "dakloos"): Dutch stem -> group codes, and code -> label.
    group_stems: dict[str, set[str]] = field(default_factory=dict)
    group_labels: dict[str, str] = field(default_factory=dict)
    # Dutch stem of a one-word way to say a need ("eenzaam", "schulden") -> those needs.
    word_needs: dict[str, set[str]] = field(default_factory=dict)
    _known_stems: dict[str, set[str]] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> set[str]:
        return set(self.known_words)

    def add(self, need: str, language: str, raw: str, split: bool = True) -> None:
        """``split``: a need's own text holds alternatives ("klusjes, boodschappen of de
        administratie"); a phrase from the data file is one ("lezen en schrijven")."""
        for part in _ALTERNATIVES.split(raw) if split else [raw]:
            words = tuple(text.words(part))
            if not words:
                continue
            content = [w for w in words if not text.is_stop_word(w, language)]
            stems = frozenset(text.stem(w, language) for w in content)
            self.phrases.append(Phrase(need, language, words, stems))
            if language == "nl" and len(words) == 1 and stems:
                self.word_needs.setdefault(next(iter(stems)), set()).add(need)
            self._known_stems.pop(language, None)
            known = self.known_words.setdefault(language, {})
            for w in content:
                known[w] = text.stem(w, language)

    def add_group(self, code: str, label: str) -> None:
        """A target group is recognised by each telling word of its label and code:
        "Mensen die dakloos zijn of waren" by "dakloos", "kinderen-ouders" by both words."""
        self.group_labels[code] = label
        for word in {*text.words(label), *code.split("-")}:
            if len(word) < 4 or word in GENERIC_GROUP_WORDS or text.is_stop_word(word):
                continue
            stem = text.stem(word)
            self.group_stems.setdefault(stem, set()).add(code)
            self._known_stems.pop("nl", None)
            self.known_words.setdefault("nl", {})[word] = stem

    def known_stems(self, language: str) -> set[str]:
        if language not in self._known_stems:
            self._known_stems[language] = set(self.known_words.get(language, {}).values())
        return self._known_stems[language]

    def label(self, code: str, language: str = "nl") -> tuple[str, str]:
        return self.labels.get((code, language)) or self.labels.get((code, "nl"), (code, code))


# Words in the names of target groups that say nothing about the group.
GENERIC_GROUP_WORDS = {"mensen", "iedereen", "problemen", "waren", "zijn"}


def build() -> Vocabulary:
    vocabulary = Vocabulary()
    needs = list(Hulpvraag.objects.all())
    for need in needs:
        vocabulary.sort_order[need.code] = need.sort_order
    for language, _name in settings.LANGUAGES:
        for need in needs:
            label = getattr(need, f"label_{language}") or ""
            phrasing = getattr(need, f"phrasing_{language}") or ""
            synonyms = getattr(need, f"synonyms_{language}") or ""
            if not (label or phrasing or synonyms):
                continue  # no translation: labels fall back to Dutch in ``label``
            vocabulary.labels[(need.code, language)] = (
                label or need.label_nl,
                phrasing or label or need.phrasing_nl or need.label_nl,
            )
            for raw in (label, phrasing, *synonyms.split(",")):
                vocabulary.add(need.code, language, raw)

    languages = {code for code, _name in settings.LANGUAGES}
    words = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    for code, by_language in words["needs"].items():
        if code not in vocabulary.sort_order:
            continue  # a need this site does not have (any more)
        for language, phrases in by_language.items():
            for phrase in phrases if language in languages else ():
                vocabulary.add(code, language, phrase, split=False)
    for language, phrases in words["elsewhere"].items():
        for phrase in phrases if language in languages else ():
            vocabulary.add(ELSEWHERE, language, phrase, split=False)

    for code, label in Doelgroep.objects.exclude(code="iedereen").values_list("code", "label_nl"):
        vocabulary.add_group(code, label)
    return vocabulary


# Rebuilt when a need or a translation changes (``invalidate``, called from search.signals).
_cache = ProcessCache(VERSION_KEY, build)
current = _cache.current
invalidate = _cache.forget
