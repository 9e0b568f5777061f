"""Readability scores, shown for information: Flesch-Douma (the Dutch version of Flesch
Reading Ease) and LIX (language independent)."""

from .text import Sentence
from .words import syllables


def flesch_douma(sentences: list[Sentence]) -> float | None:
    """206.84 - 0.77 x syllables per 100 words - 0.93 x words per sentence.
    Higher is easier; 60-70 is about B1."""
    words = [word for sentence in sentences for word in sentence.words if word.is_alphabetic]
    if not words:
        return None
    syllables_per_100 = 100 * sum(syllables(word.text) for word in words) / len(words)
    words_per_sentence = sum(len(s) for s in sentences) / len(sentences)
    return round(206.84 - 0.77 * syllables_per_100 - 0.93 * words_per_sentence, 1)


def lix(sentences: list[Sentence]) -> float | None:
    """Words per sentence + percentage of words longer than 6 letters. Lower is easier;
    under 40 is easy to read."""
    words = [word for sentence in sentences for word in sentence.words]
    if not words:
        return None
    long_words = sum(1 for word in words if len(word.text) > 6)
    return round(len(words) / len(sentences) + 100 * long_words / len(words), 1)
