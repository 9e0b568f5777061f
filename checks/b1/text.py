"""Cutting plain text into sentences and words, keeping character offsets, and turning rich
text (HTML) into plain text with one block per line."""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

# Abbreviations whose full stop does not end a sentence (lower case, without the last dot).
ABBREVIATIONS = {
    "bijv", "bv", "o.a", "d.w.z", "m.a.w", "ca", "nr", "e.d", "enz", "incl", "excl", "evt",
    "i.p.v", "t.a.v", "m.b.t", "n.a.v", "z.s.m", "a.u.b", "s.v.p", "dhr", "mevr", "mw", "dr",
    "drs", "ir", "mr", "prof", "st", "tel", "jl", "resp", "vs", "blz", "p", "art", "lid",
}  # fmt: skip

WORD_RE = re.compile(r"[^\W_]+(?:[-'’.:,/][^\W_]+)*")
LETTER_WORD_RE = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
# A sentence ends at . ! ? (possibly followed by quotes or a bracket) before white space.
END_RE = re.compile(r"[.!?…]+[\"'”’)]*(?=\s|$)")
BLOCK_TAGS = (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "td", "th",
    "caption", "figcaption", "pre", "div", "section", "article", "tr",
)  # fmt: skip


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_alphabetic(self) -> bool:
        return bool(LETTER_WORD_RE.match(self.text))


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    words: tuple[Word, ...]

    def __len__(self) -> int:
        return len(self.words)


def words_in(text: str, offset: int = 0) -> tuple[Word, ...]:
    return tuple(
        Word(m.group(), m.start() + offset, m.end() + offset) for m in WORD_RE.finditer(text)
    )


def _ends_sentence(text: str, match: re.Match) -> bool:
    """A full stop after an abbreviation or an initial ("J. de Vries") does not end a sentence."""
    if not match.group().startswith("."):
        return True
    before = re.search(r"([^\W\d_][\w.]*)$", text[: match.start()])
    if not before:
        return True
    token = before.group(1).lower()
    return token not in ABBREVIATIONS and len(token) > 1


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in `text`. Line breaks always end a sentence, so a heading
    or a list item counts as a sentence of its own."""
    sentences = []
    for line in re.finditer(r"[^\n]+", text):
        line_text, line_start = line.group(), line.start()
        start = 0
        for end_match in END_RE.finditer(line_text):
            if _ends_sentence(line_text, end_match):
                _add(sentences, text, line_start + start, line_start + end_match.end())
                start = end_match.end()
        _add(sentences, text, line_start + start, line_start + len(line_text))
    return sentences


def _add(sentences: list, text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(stripped)
    words = words_in(stripped, start)
    if words:
        sentences.append(Sentence(stripped, start, end, words))


def html_to_text(html: str) -> str:
    """Plain text of rich text: each block (paragraph, heading, list item) on its own line."""
    soup = BeautifulSoup(html or "", "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(BLOCK_TAGS):
        block.insert_before("\n")
        block.insert_after("\n")
    text = soup.get_text()
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
