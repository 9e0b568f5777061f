"""Text as the search compares it: normalised words, stop words and stems, per language.

Pure Python, no Django: ``words("Ik voel me ALLEEN!")`` is ``["ik", "voel", "me", "alleen"]``.
"""

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent / "data"

# What a resident types is cut to this length before anything else looks at it, so a
# 100 KB string costs no more than a long sentence.
MAX_CHARS = 200
MAX_WORDS = 30

_SNOWBALL = {
    "nl": "dutch",
    "en": "english",
    "ar": "arabic",
    "tr": "turkish",
    "pl": "polish",
    "ru": "russian",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "pt": "portuguese",
    "it": "italian",
    "fa": "persian",
    "el": "greek",
    "ro": "romanian",
    "hu": "hungarian",
    "sr": "serbian",
}

# Letters and digits of any script stay; everything else separates words.
_NOT_WORD = re.compile(r"[^\w]+|_+")


def _strip_accents(text: str) -> str:
    """café -> cafe, geïsoleerd -> geisoleerd; letters of other scripts stay as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case and without accents, as ``normalise`` makes every word (also of a long text;
    the search engine indexes Polish and Ukrainian texts folded like this)."""
    return _strip_accents(unicodedata.normalize("NFKC", str(text)).casefold())


def normalise(text: str) -> str:
    """Lower case, without accents, control characters or punctuation, words split by one space."""
    text = fold(str(text)[: MAX_CHARS * 2])
    return " ".join(_NOT_WORD.split(text)).strip()[:MAX_CHARS]


def words(text: str) -> list[str]:
    return normalise(text).split()[:MAX_WORDS]


@cache
def stop_words(language: str) -> frozenset[str]:
    data = json.loads((DATA_DIR / "stopwords.json").read_text(encoding="utf-8"))
    return frozenset(normalise(w) for w in data.get(language, []))


@cache
def _stemmer(language: str):
    algorithm = _SNOWBALL.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@cache
def kept_words(language: str) -> frozenset[str]:
    """Words the stemmer leaves alone (also used by the Elasticsearch analyzer)."""
    data = json.loads((DATA_DIR / "stopwords.json").read_text(encoding="utf-8"))
    return frozenset(data["keep"].get(language, []))


# Arabic writes the article onto the word, often after "and", "with", "for": "الديون" (the
# debts), "والديون", "بالديون", "للديون". Snowball's Arabic stemmer cuts "الديون" to "الد",
# so the article goes first. Longest first; at least three letters must remain.
_ARABIC_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
# "and", "with", "for", "so" written onto a word without the article: "وديون". Only removed
# where the rest is a word the search knows (search.understanding), as many words start so.
ARABIC_CLITICS = ("و", "ب", "ل", "ف")


def without_arabic_article(word: str) -> str:
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


@lru_cache(maxsize=20_000)
def stem(word: str, language: str = "nl") -> str:
    stemmer = _stemmer(language)
    if stemmer is None or word in kept_words(language):
        return word
    if language == "ar":
        word = without_arabic_article(word)
    return stemmer.stemWord(word)


def is_stop_word(word: str, language: str = "nl") -> bool:
    return word in stop_words(language) or word.isdigit()
