"""The Dutch B1 check: findings per sentence and an overall verdict, 'B1' or 'boven B1'.

A text is 'boven B1' when one of these is true:
- the sentences have more than 15 words on average;
- more than a quarter of the sentences have more than 20 words;
- a sentence has more than 25 words (an error);
- more than 1 in 20 words is hard: officialese, a long word or a rare word;
- more than a third of the sentences use the passive voice or nominal style.

For text in another language only the language-independent measures apply: sentence length
and LIX."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import grammar
from .officialese import WordList, shipped_word_list
from .scores import flesch_douma, lix
from .text import Sentence, split_sentences
from .words import difficulty

MAX_AVERAGE_WORDS = 15
WARNING_WORDS = 20
ERROR_WORDS = 25
MAX_LONG_SENTENCE_SHARE = 0.25
MAX_HARD_WORD_SHARE = 0.05
MAX_STYLE_SENTENCE_SHARE = 1 / 3
TITLE_WORDS = 4  # a "sentence" this short is a title, heading or list item

B1 = "B1"
ABOVE_B1 = "boven B1"

SEVERITY = {
    "sentence-too-long": "error",
    "sentence-long": "warning",
    "officialese": "warning",
    "long-word": "warning",
    "rare-word": "warning",
    "noun-stack": "warning",
    "passive": "warning",
    "nominalisation": "warning",
    "passive-zijn": "hint",
}
HARD_WORD_KINDS = {"officialese", "long-word", "rare-word", "noun-stack"}
STYLE_KINDS = {"passive", "nominalisation"}


@dataclass(frozen=True)
class Issue:
    kind: str
    text: str
    start: int
    end: int
    suggestion: str
    sentence_start: int
    sentence_end: int
    alternative: str = ""  # a plainer word for ``text``, when there is one (officialese)

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]

    def as_dict(self) -> dict:
        """The shape the command line prints."""
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }


@dataclass
class Result:
    verdict: str
    scores: dict
    issues: list[Issue] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def is_b1(self) -> bool:
        return self.verdict == B1

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "scores": self.scores,
            "issues": [issue.as_dict() for issue in self.issues],
        }


def check_text(text: str, language: str = "nl", word_list: WordList | None = None) -> Result:
    sentences = split_sentences(text or "")
    dutch = language.lower().split("-")[0] == "nl"
    issues = [issue for sentence in sentences for issue in _sentence_length(sentence)]
    if dutch:
        word_list = word_list or shipped_word_list()
        for sentence in sentences:
            issues += _words(sentence, word_list) + _style(sentence)
    issues.sort(key=lambda issue: (issue.start, issue.end))
    scores = _scores(sentences, issues, dutch)
    reasons = _reasons(scores, issues, dutch) if sentences else []
    return Result(ABOVE_B1 if reasons else B1, scores, issues, reasons)


def _issue(
    kind, sentence: Sentence, start: int, end: int, suggestion: str, alternative: str = ""
) -> Issue:
    text = sentence.text[start - sentence.start : end - sentence.start]
    return Issue(kind, text, start, end, suggestion, sentence.start, sentence.end, alternative)


def _sentence_length(sentence: Sentence) -> list[Issue]:
    count = len(sentence)
    if count > ERROR_WORDS:
        kind = "sentence-too-long"
        advice = _("Maak er twee of drie zinnen van.")
    elif count > WARNING_WORDS:
        kind = "sentence-long"
        advice = _("Kan het korter? Knip de zin in tweeën.")
    else:
        return []
    suggestion = _(
        "Deze zin heeft %(count)d woorden. %(advice)s Houd zinnen kort: gemiddeld 15 woorden of minder."
    ) % {"count": count, "advice": advice}
    return [_issue(kind, sentence, sentence.start, sentence.end, suggestion)]


def _words(sentence: Sentence, word_list: WordList) -> list[Issue]:
    issues = []
    taken: list[tuple[int, int]] = []
    for match in word_list.find(sentence.text):
        start, end = sentence.start + match.start, sentence.start + match.end
        taken.append((start, end))
        suggestion = _("Ambtelijk. Schrijf liever: %(plain)s.") % {"plain": match.entry.alternative}
        issues.append(
            _issue("officialese", sentence, start, end, suggestion, match.entry.alternative)
        )
    for index, word in enumerate(sentence.words):
        if any(start <= word.start < end for start, end in taken):
            continue
        if not word.is_alphabetic or _is_name_or_code(word.text, first=index == 0):
            continue
        kind = difficulty(word.text)
        # A capital at the start may still be a name: a rare word there, or any word that
        # starts a title or heading (Welgelegen, Den Hommel), is taken as one.
        if kind and index == 0 and word.text[0].isupper():
            kind = None if kind == "rare-word" or len(sentence) <= TITLE_WORDS else kind
        if kind:
            issues.append(
                _issue(kind, sentence, word.start, word.end, _word_advice(kind, word.text))
            )
    return issues


def _is_name_or_code(text: str, first: bool) -> bool:
    """Names (Overvecht, Fatima) and codes (DigiD, GGD) are not judged as words."""
    if any(char.isupper() for char in text[1:]):
        return True
    return text[0].isupper() and not first


def _word_advice(kind: str, word: str) -> str:
    if kind == "noun-stack":
        return _(
            "'%(word)s' is een lange samenstelling. Maak er meer woorden van, bijvoorbeeld met 'voor' of 'van'."
        ) % {"word": word}
    if kind == "long-word":
        return _(
            "'%(word)s' is een lang woord. Kies een korter woord, of leg uit wat het betekent."
        ) % {"word": word}
    return _(
        "Veel mensen kennen het woord '%(word)s' niet. Kies een gewoner woord, of leg het uit."
    ) % {"word": word}


def _style(sentence: Sentence) -> list[Issue]:
    issues = []
    for finding in grammar.passives(sentence):
        words = " … ".join(finding.words)
        if finding.kind == "passive":
            suggestion = _(
                "'%(words)s' is lijdende vorm. Schrijf wie het doet. Dus niet: 'het formulier wordt opgestuurd', maar: 'wij sturen het formulier op'."
            ) % {"words": words}
        else:
            suggestion = _(
                "'%(words)s' kan lijdende vorm zijn. Schrijf wie het doet, als dat duidelijker is."
            ) % {"words": words}
        issues.append(_issue(finding.kind, sentence, finding.start, finding.end, suggestion))
    for finding in grammar.nominalisations(sentence.text, sentence.start):
        suggestion = _(
            "Hier zit een werkwoord verstopt in een zelfstandig naamwoord (naamwoordstijl). "
            "Schrijf het werkwoord zelf. Dus niet: 'het versterken van de buurt', maar: "
            "'we maken de buurt sterker'."
        )
        issues.append(_issue("nominalisation", sentence, finding.start, finding.end, suggestion))
    return issues


def _scores(sentences: list[Sentence], issues: list[Issue], dutch: bool) -> dict:
    n_sentences = len(sentences)
    n_words = sum(len(s) for s in sentences)
    long_sentences = sum(1 for s in sentences if len(s) > WARNING_WORDS)
    scores = {
        "sentences": n_sentences,
        "words": n_words,
        "average_sentence_length": round(n_words / n_sentences, 1) if n_sentences else 0.0,
        "long_sentence_share": round(long_sentences / n_sentences, 2) if n_sentences else 0.0,
        "lix": lix(sentences),
    }
    if dutch:
        hard = sum(1 for issue in issues if issue.kind in HARD_WORD_KINDS)
        style_sentences = {issue.sentence_start for issue in issues if issue.kind in STYLE_KINDS}
        scores |= {
            "hard_word_share": round(hard / n_words, 3) if n_words else 0.0,
            "style_sentence_share": round(len(style_sentences) / n_sentences, 2)
            if n_sentences
            else 0.0,
            "flesch_douma": flesch_douma(sentences),
        }
    return scores


def _reasons(scores: dict, issues: list[Issue], dutch: bool) -> list[str]:
    reasons = []
    if scores["average_sentence_length"] > MAX_AVERAGE_WORDS:
        reasons.append(
            _("De zinnen zijn gemiddeld %(average)s woorden lang. Voor B1 is dat hoogstens 15.")
            % {"average": number_format(scores["average_sentence_length"], 1)}
        )
    if scores["long_sentence_share"] > MAX_LONG_SENTENCE_SHARE:
        reasons.append(_("Meer dan een kwart van de zinnen heeft meer dan 20 woorden."))
    too_long = sum(1 for issue in issues if issue.kind == "sentence-too-long")
    if too_long:
        reasons.append(
            ngettext(
                "%(count)d zin heeft meer dan 25 woorden.",
                "%(count)d zinnen hebben meer dan 25 woorden.",
                too_long,
            )
            % {"count": too_long}
        )
    if dutch and scores["hard_word_share"] > MAX_HARD_WORD_SHARE:
        percent = number_format(100 * scores["hard_word_share"], 1)
        reasons.append(
            _(
                "Te veel moeilijke of ambtelijke woorden: %(percent)s van de 100 woorden. "
                "Voor B1 zijn dat er hoogstens 5."
            )
            % {"percent": percent}
        )
    if dutch and scores["style_sentence_share"] > MAX_STYLE_SENTENCE_SHARE:
        reasons.append(_("Te veel zinnen met lijdende vorm of naamwoordstijl."))
    return reasons
