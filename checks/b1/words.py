"""Is a Dutch word hard to read? Syllables come from Dutch hyphenation (pyphen, nl_NL), how
common a word is from the word frequencies that ship with `wordfreq`, and the project keeps a
list of plain words that these measures would wrongly call hard (data/gewone_woorden.txt)."""

import re
from functools import cache
from pathlib import Path

import pyphen
from wordfreq import zipf_frequency

DATA = Path(__file__).resolve().parent.parent / "data"

LONG_WORD_SYLLABLES = 4  # the rule: 4 or more syllables is a long word
# Zipf scale: 6 = "de", 3 = once per million words. A word of 4+ syllables that is at least
# this common (vrijwilligers, informatie, activiteiten) is familiar enough.
COMMON_ZIPF = 4.0
# Below this a word is rare: most readers at B1 will not know it.
RARE_ZIPF = 2.8
# The parts of a plain compound (koffie + ochtend) must each be at least this common.
PART_ZIPF = 3.3
MIN_PART = 3
LINKS = ("", "s", "e", "en")  # tussenklanken: buurtteam, verjaardagsfeest, pannenkoek
# A compound this long, or of 3+ words with this many syllables, is a stack of nouns
# (beleidsdoelstellingen, samenwerkingsverband).
NOUN_STACK_LETTERS = 20
NOUN_STACK_SYLLABLES = 7


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def read_list(path: Path) -> list[str]:
    """One entry per line; '#' starts a comment."""
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


@cache
def plain_words() -> frozenset[str]:
    return frozenset(read_list(DATA / "gewone_woorden.txt"))


def syllables(word: str) -> int:
    return sum(syllables_of_part(part) for part in word.split("-") if part)


@cache
def syllables_of_part(part: str) -> int:
    return len(_hyphenator().positions(part.lower())) + 1


@cache
def zipf(word: str) -> float:
    """How common a word is, counting its base form too: rekeningen -> rekening,
    gezelligheid -> gezellig, motortje -> motor, houdbare -> houdbaar, naai -> naaien."""
    return max(zipf_frequency(form, "nl") for form in base_forms(word.lower()))


SUFFIXES = ("heden", "heid", "etjes", "tjes", "pjes", "jes", "etje", "tje", "pje", "je", "en", "es", "s", "e", "n")  # fmt: skip


def base_forms(word: str) -> set[str]:
    forms = {word, word + "en"}
    if re.search(r"(aa|ee|oo|uu)[^aeiou]$", word):  # repareer -> repareren
        forms.add(word[:-2] + word[-1] + "en")
    for suffix in SUFFIXES:
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        forms.add(base)
        if re.search(r"[^aeiou][aeou][^aeiou]$", base):  # houdbar(e) -> houdbaar
            forms.add(base[:-2] + base[-2] * 2 + base[-1])
        if base[-1] == base[-2] and base[-1] not in "aeiou":  # clubb(en) -> club
            forms.add(base[:-1])
    return forms


def is_plain(word: str) -> bool:
    word = word.lower()
    return word in plain_words() or (word.endswith("s") and word[:-1] in plain_words())


# Short words that are never a part of a plain compound (weer-bars-tig, der-ving).
FUNCTION_WORDS = {
    "der", "des", "den", "ten", "ter", "tig", "een", "het", "van", "wat", "die", "dat", "zij",
    "wij", "hun", "ons", "ook", "nog", "wel", "niet", "maar", "dan", "als", "met", "per",
}  # fmt: skip


def _plain_part(part: str) -> bool:
    """A part of a compound: a plain word as it stands (no base forms: 'noemd' is no word)."""
    if is_plain(part):
        return True
    if part in FUNCTION_WORDS:
        return False
    frequency = zipf_frequency(part, "nl")
    if len(part) < 4:
        return frequency >= COMMON_ZIPF
    return frequency >= COMMON_ZIPF or (
        frequency >= PART_ZIPF and syllables_of_part(part) < LONG_WORD_SYLLABLES
    )


@cache
def compound_parts(word: str, max_parts: int = 4) -> tuple[str, ...] | None:
    """The fewest common words a word is made of (koffie|ochtend, buurt|team), or None.
    A linking sound (verjaardag-s-feest) stays with the part before it."""
    word = word.lower()
    if _plain_part(word):
        return (word,)
    if max_parts < 2:
        return None
    best = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:cut], word[cut:]
        if not _plain_part(head):
            continue
        for link in LINKS:
            tail = rest[len(link) :]
            if not rest.startswith(link) or len(tail) < MIN_PART:
                continue
            found = compound_parts(tail, max_parts - 1)
            if found and (best is None or len(found) + 1 < len(best)):
                best = (head + link, *found)
    return best


def difficulty(word: str) -> str | None:
    """'noun-stack', 'long-word', 'rare-word' or None, for a word of letters (the caller
    leaves out names, numbers and codes)."""
    parts = [part for part in word.lower().split("-") if len(part) > 3]
    if not parts or is_plain(word) or all(is_plain(part) for part in parts):
        return None
    for part in parts:
        if is_plain(part):
            continue
        found = compound_parts(part)
        n_parts = len(found) if found else 1
        if len(part) >= NOUN_STACK_LETTERS or (
            n_parts >= 3 and syllables_of_part(part) >= NOUN_STACK_SYLLABLES
        ):
            return "noun-stack"
        if zipf(part) >= COMMON_ZIPF:
            continue
        if syllables_of_part(part) >= LONG_WORD_SYLLABLES and n_parts != 2:
            return "long-word"
        if zipf(part) < RARE_ZIPF and not found:
            return "rare-word"
    return None
