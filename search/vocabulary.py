"""The words residents use for each need, read from the needs themselves (label, resident
phrasing, synonyms; editable content) and their translations.

Built once per process and rebuilt when a need or a translation changes (``invalidate``,
called from ``search.signals``); the version lives in the cache, so every app process sees it.
"""

import json
import re
from dataclasses import dataclass, field
from functools import cache

from django.core.cache import cache as django_cache

from . import text

VERSION_KEY = "search:vocabulary-version"

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
    _known_stems: dict[str, set[str]] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> set[str]:
        return set(self.known_words)

    def add(self, need: str, language: str, raw: str) -> None:
        for part in _ALTERNATIVES.split(raw):
            words = tuple(text.words(part))
            if not words:
                continue
            content = [w for w in words if not text.is_stop_word(w, language)]
            stems = frozenset(text.stem(w, language) for w in content)
            self.phrases.append(Phrase(need, language, words, stems))
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


@cache
def shipped_translations(language: str) -> dict:
    path = text.DATA_DIR / f"needs.{language}.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: item for code, item in data.items() if not code.startswith("_")}


SHIPPED_LANGUAGES = ("en",)
# Words in the names of target groups that say nothing about the group.
GENERIC_GROUP_WORDS = {"mensen", "iedereen", "problemen", "waren", "zijn"}


def build() -> Vocabulary:
    from aanbod.models import Doelgroep, Hulpvraag

    from .models import NeedTranslation

    vocabulary = Vocabulary()
    needs = list(Hulpvraag.objects.all())
    for need in needs:
        vocabulary.sort_order[need.code] = need.sort_order
        vocabulary.labels[(need.code, "nl")] = (need.label, need.phrasing or need.label)
        for raw in (need.label, need.phrasing, *need.synonym_list):
            vocabulary.add(need.code, "nl", raw)

    for code, label in Doelgroep.objects.exclude(code="iedereen").values_list("code", "label"):
        vocabulary.add_group(code, label)

    translations = {
        (t.need.code, t.language): (t.label, t.phrasing, t.synonyms)
        for t in NeedTranslation.objects.select_related("need")
    }
    for language in SHIPPED_LANGUAGES:
        for code, item in shipped_translations(language).items():
            translations.setdefault(
                (code, language), (item["label"], item["phrasing"], item["synonyms"])
            )
    codes = {need.code for need in needs}
    for (code, language), (label, phrasing, synonyms) in sorted(translations.items()):
        if code not in codes:
            continue
        vocabulary.labels[(code, language)] = (label, phrasing or label)
        for raw in (label, phrasing, *synonyms.split(",")):
            vocabulary.add(code, language, raw)
    return vocabulary


_built: dict = {}


def current() -> Vocabulary:
    version = django_cache.get(VERSION_KEY, 0)
    if _built.get("version") != version or "vocabulary" not in _built:
        _built["vocabulary"] = build()
        _built["version"] = version
    return _built["vocabulary"]


def invalidate() -> None:
    """Needs or translations changed: every process rebuilds on its next search."""
    try:
        django_cache.incr(VERSION_KEY)
    except ValueError:
        django_cache.set(VERSION_KEY, 1, timeout=None)
    _built.clear()
