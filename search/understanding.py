"""From what a resident types to the needs behind it.

``interpret("mijn moeder wordt vergeetachtig en ik kan niet meer")`` finds "mantelzorg" in
the needs' own words (stems, so "rekeningen" finds "rekening"; spelling mistakes within one
or two letters; parts of compound words), adds a need that usually goes with it ("respijtzorg",
see ``search.related``), and keeps the remaining words for the full-text search.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from . import related, text, vocabulary

MAX_NEEDS = 3  # needs found in the words themselves
MAX_RELATED = 1  # plus at most this many needs that usually go with them
MIN_COMPOUND_PART = 5
# A compound may start with a shorter known word when a whole second word follows:
# "geld·zaken", "taal·les".
MIN_COMPOUND_HEAD = 4
MIN_COMPOUND_TAIL = 4
MAX_TERM_LENGTH = 40

_POSTCODE_IN_TEXT = re.compile(r"\b([1-9][0-9]{3})\s?([a-zA-Z]{2})?\b")


@dataclass(frozen=True)
class Need:
    code: str
    label: str
    phrasing: str
    related: bool = False  # not in the words, but usually goes with a need that is
    weight: float = 1.0  # how strongly the words say it: 1 for the need they say most


@dataclass(frozen=True)
class Group:
    code: str
    label: str


@dataclass
class Interpretation:
    query: str
    needs: list[Need] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)  # target groups named in the query
    terms: list[str] = field(default_factory=list)  # words for the full-text search
    corrections: dict[str, str] = field(default_factory=dict)  # typed -> meant
    postcode: str = ""  # a postcode written in the query, e.g. "taalcafe 3531"
    # About something the site does not list ("parkeervergunning", "rijbewijs", "tennis"):
    # no needs, no words searched; search.service shows where to ask instead.
    elsewhere: bool = False
    typed_words: int = 0  # words in the query besides a postcode

    @property
    def codes(self) -> list[str]:
        return [n.code for n in self.needs]

    @property
    def is_empty(self) -> bool:
        return not self.needs and not self.groups and not self.terms

    @property
    def nothing_understood(self) -> bool:
        """Words were typed, but none to search for: "ik zoek hulp"."""
        return self.typed_words > 0 and self.is_empty


def _max_typos(word: str) -> int:
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def _closest(word: str, known: dict[str, str]) -> str | None:
    """The known word within a few typing mistakes of ``word``, or None."""
    limit = _max_typos(word)
    if not limit or not known:
        return None
    best = process.extractOne(
        word, known.keys(), scorer=DamerauLevenshtein.distance, score_cutoff=limit
    )
    return best[0] if best else None


def _compound_part(word: str, known: dict[str, str]) -> str | None:
    """ "schuldhulpverlening" starts with "schuld", "geldzaken" with "geld": the longest known
    word at either end."""
    if len(word) < MIN_COMPOUND_HEAD + MIN_COMPOUND_TAIL:
        return None
    parts = [
        k
        for k in known
        if (len(k) >= MIN_COMPOUND_PART and (word.startswith(k) or word.endswith(k)))
        or (
            len(k) >= MIN_COMPOUND_HEAD
            and len(word) - len(k) >= MIN_COMPOUND_TAIL
            and word.startswith(k)
        )
    ]
    return max(parts, key=len) if parts else None


def _without_clitic(word: str, language: str, vocab) -> str | None:
    """ "وديون" is "و" (and) + "ديون" (debts): the known word after a letter written onto it."""
    if language != "ar" or not word.startswith(text.ARABIC_CLITICS):
        return None
    rest = text.stem(word[1:], language)
    return rest if len(word) > 3 and rest in vocab.known_stems(language) else None


def _query_stems(words: list[str], vocab, corrections: dict) -> dict[str, dict[str, str]]:
    """Per language, each word's stem; a word that no language knows is read as the known
    word it is closest to (a typing mistake) or that it starts or ends with (a compound)."""
    stems: dict[str, dict[str, str]] = {}
    unknown = []
    for word in words:
        found = False
        for language in sorted(vocab.languages):
            if text.is_stop_word(word, language):
                continue
            stem = text.stem(word, language)
            stems.setdefault(language, {})[word] = stem
            found = found or stem in vocab.known_stems(language)
        if not found and not any(text.is_stop_word(word, lang) for lang in vocab.languages):
            unknown.append(word)
    for word in unknown:
        for language in sorted(vocab.languages, key=lambda lang: lang != "nl"):
            bare = _without_clitic(word, language, vocab)
            if bare:
                stems.setdefault(language, {})[word] = bare
                break
            known = vocab.known_words.get(language, {})
            meant = _closest(word, known)
            if meant:
                corrections.setdefault(word, meant)
            meant = meant or _compound_part(word, known)
            if meant:
                stems.setdefault(language, {})[word] = known[meant]
                break
    return stems


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def _score_needs(stems_by_language, words: list[str], vocab) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    present = {language: set(stems.values()) for language, stems in stems_by_language.items()}
    for phrase in vocab.phrases:
        stems = present.get(phrase.language, set())
        # A phrase of stop words only ("ik kan niet meer") must occur as a whole.
        matched = phrase.stems <= stems if phrase.stems else _contains(words, phrase.words)
        if matched:
            # A longer phrase says more: "ik kan niet meer" counts more than "rust".
            scores[phrase.need] += len(phrase.words) ** 0.5
    return scores


def main_needs(written: str, needs, word_needs: dict[str, set[str]]) -> set[str]:
    """Which of an offer's ``needs`` its title and summary name (one-word ways to say a
    need, Dutch): what the offer is made for. "Bezoekmaatje tegen eenzaamheid" is for
    loneliness first, even when it also lists "ontmoeting". Empty when it names none.
    ``word_needs``: ``Vocabulary.word_needs`` (read once for all offers)."""
    named = {code for w in text.words(written) for code in word_needs.get(text.stem(w), ())}
    return named & set(needs)


def find_postcode(raw: str) -> str:
    match = _POSTCODE_IN_TEXT.search(raw or "")
    return (match[1] + (match[2] or "")).upper() if match else ""


def interpret(query: str, language: str = "nl", without=()) -> Interpretation:
    """What the resident means; ``without`` are need codes they removed from the result."""
    query = (query or "")[: text.MAX_CHARS]
    vocab = vocabulary.current()
    result = Interpretation(query=query, postcode=find_postcode(query))
    words = text.words(_POSTCODE_IN_TEXT.sub(" ", query) if result.postcode else query)
    result.typed_words = len(words)

    stems = _query_stems(words, vocab, result.corrections)
    scores = _score_needs(stems, words, vocab)
    if scores.pop(vocabulary.ELSEWHERE, None):
        result.elsewhere = True
        return result
    for code in without:
        scores.pop(code, None)
    if scores:
        top = max(scores.values())
        ranked = sorted(scores, key=lambda c: (-scores[c], vocab.sort_order.get(c, 0), c))
        chosen = [c for c in ranked if scores[c] >= top / 2][:MAX_NEEDS]
        for code in chosen:
            label, phrasing = vocab.label(code, language)
            result.needs.append(Need(code, label, phrasing, weight=scores[code] / top))
        extra = related.related_to(chosen, exclude={*chosen, *without})[:MAX_RELATED]
        for code in extra:
            label, phrasing = vocab.label(code, language)
            result.needs.append(Need(code, label, phrasing, related=True))

    dutch = stems.get("nl", {})
    groups = {code for stem in dutch.values() for code in vocab.group_stems.get(stem, ())}
    result.groups = [
        Group(code, vocab.group_labels[code]) for code in sorted(groups) if code not in without
    ]

    # Every telling word is also searched for as full text: "taalcafé" is the need "taal",
    # and the word ranks the taalcafés first among its offers.
    stop = text.stop_words(language) | text.stop_words("nl")
    # A corrected word is searched as typed too: "resim" (Turkish) is a real word in an
    # offer's text even though the vocabulary reads it as "resmi".
    terms = [
        term
        for w in words
        if w not in stop and not w.isdigit()
        for term in (result.corrections.get(w, w), w)
    ]
    result.terms = list(dict.fromkeys(t for t in terms if 1 < len(t) <= MAX_TERM_LENGTH))
    return result
