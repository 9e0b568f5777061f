"""One test (or a few) per rule of the Dutch B1 check, on plain text without the database."""

import pytest

from checks.b1 import ABOVE_B1, B1, check_text
from checks.b1.officialese import Entry, WordList, verb_forms
from checks.b1.words import difficulty, syllables


def kinds(result):
    return [issue.kind for issue in result.issues]


def sentence(n_words: int) -> str:
    return " ".join(["buren"] * (n_words - 1) + ["eten."])


# Sentence length -------------------------------------------------------------------------


def test_a_sentence_of_20_words_is_fine(word_list):
    assert kinds(check_text(sentence(20), word_list=word_list)) == []


def test_more_than_20_words_is_a_warning_with_the_count(word_list):
    result = check_text(sentence(21), word_list=word_list)
    (issue,) = result.issues
    assert issue.kind == "sentence-long" and issue.severity == "warning"
    assert "21 woorden" in issue.suggestion
    assert (issue.start, issue.end) == (0, len(sentence(21)))


def test_more_than_25_words_is_an_error_and_makes_the_text_above_b1(word_list):
    text = sentence(26) + " " + " ".join(["Kom."] * 10)
    result = check_text(text, word_list=word_list)
    assert "sentence-too-long" in kinds(result)
    assert result.issues[0].severity == "error"
    assert result.verdict == ABOVE_B1
    assert any("25 woorden" in reason for reason in result.reasons)


def test_average_above_15_words_is_above_b1(word_list):
    text = " ".join([sentence(16)] * 4)
    result = check_text(text, word_list=word_list)
    assert result.scores["average_sentence_length"] == 16
    assert result.verdict == ABOVE_B1


def test_more_than_a_quarter_of_sentences_over_20_words_is_above_b1(word_list):
    short = [sentence(8)] * 2
    assert check_text(" ".join([sentence(21), *short * 2]), word_list=word_list).verdict == B1
    result = check_text(" ".join([sentence(21), sentence(21), *short]), word_list=word_list)
    assert result.scores["long_sentence_share"] == 0.5
    assert result.verdict == ABOVE_B1


# Difficult words ------------------------------------------------------------------------


def test_syllables_come_from_dutch_hyphenation():
    assert syllables("participeren") == 5
    assert syllables("koffie") == 2


@pytest.mark.parametrize("word", ["implementatie", "preventieve", "laagdrempelig"])
def test_uncommon_words_of_four_or_more_syllables_are_long_words(word):
    assert difficulty(word) == "long-word"


@pytest.mark.parametrize("word", ["activiteiten", "vrijwilligers", "informatie", "rekeningen"])
def test_common_long_words_are_fine(word):
    assert difficulty(word) is None


@pytest.mark.parametrize("word", ["mantelzorg", "buurthuis", "mantelzorger", "dagbesteding"])
def test_words_on_the_plain_list_are_fine(word):
    assert difficulty(word) is None


@pytest.mark.parametrize("word", ["koffieochtend", "buurtteam", "taalcafé", "wijkcentrum"])
def test_compounds_of_common_words_are_fine(word):
    assert difficulty(word) is None


def test_rare_words_are_flagged():
    assert difficulty("voornoemd") == "rare-word"
    assert difficulty("weerbarstig") == "rare-word"


def test_long_compounds_are_noun_stacks():
    assert difficulty("beleidsdoelstellingen") == "noun-stack"
    assert difficulty("jeugdhulpverleningsorganisaties") == "noun-stack"


def test_difficult_words_are_reported_with_offsets_and_advice(word_list):
    text = "Wij willen dat legitimeren makkelijk is."
    (issue,) = check_text(text, word_list=word_list).issues
    assert issue.kind == "long-word"
    assert text[issue.start : issue.end] == "legitimeren"
    assert "korter woord" in issue.suggestion


def test_names_in_the_middle_of_a_sentence_are_not_judged(word_list):
    assert (
        kinds(check_text("U vindt ons in Kanaleneiland bij Zuilenstein.", word_list=word_list))
        == []
    )


# Officialese ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "plain"),
    [
        ("Indien u wilt, kom dan.", "Indien", "als"),
        ("Kom teneinde te praten.", "teneinde", "om"),
        ("U was er reeds.", "reeds", "al"),
        ("Wij verstrekken een pas.", "verstrekken", "geven"),
        ("De gemeente verstrekte een pas.", "verstrekte", "geven"),
        ("Bewoners participeren graag.", "participeren", "meedoen"),
        ("Zij participeert al jaren.", "participeert", "meedoen"),
        ("Dit is ten behoeve van de buurt.", "ten behoeve van", "voor"),
        ("Dit is ten  behoeve van de buurt.", "ten  behoeve van", "voor"),
    ],
)
def test_officialese_is_found_with_a_plain_alternative(word_list, text, found, plain):
    issues = [i for i in check_text(text, word_list=word_list).issues if i.kind == "officialese"]
    assert [i.text for i in issues] == [found]
    assert plain in issues[0].suggestion


def test_the_shipped_list_has_at_least_200_entries_each_with_an_alternative(word_list):
    assert len(word_list) >= 200
    assert all(entry.alternative for entry in word_list.entries)


def test_verb_forms_cover_present_past_and_participle():
    assert {"verstrek", "verstrekt", "verstrekte", "verstrekten"} <= verb_forms("verstrekken")
    assert {"participeer", "participeerde", "geparticipeerd"} <= verb_forms("participeren")
    assert "behoefte" not in verb_forms("behoeven")  # a noun, not a form of the verb


def test_an_officialese_word_is_not_also_counted_as_a_long_word():
    words = WordList([Entry("implementatie", "invoering")])
    assert kinds(check_text("Wij doen aan implementatie.", word_list=words)) == ["officialese"]


def test_words_inside_other_words_are_not_officialese(word_list):
    assert kinds(check_text("De voorreeds is klaar.", word_list=word_list)) == []


# Passive voice and nominal style --------------------------------------------------------


def test_worden_with_a_participle_is_a_passive_warning(word_list):
    text = "Het formulier wordt door de gemeente verstuurd."
    (issue,) = check_text(text, word_list=word_list).issues
    assert issue.kind == "passive" and issue.severity == "warning"
    assert issue.text == "wordt door de gemeente verstuurd"
    assert "wij sturen" in issue.suggestion


def test_passive_in_a_subordinate_clause(word_list):
    result = check_text("U krijgt een brief als uw aanvraag is goedgekeurd.", word_list=word_list)
    assert kinds(result) == ["passive-zijn"]
    result = check_text("We bellen u zodra het geregeld wordt.", word_list=word_list)
    assert kinds(result) == ["passive"]


@pytest.mark.parametrize(
    "text", ["Het wordt gezellig.", "Hij wordt bekend in de buurt.", "Er worden kinderen geboren."]
)
def test_worden_without_a_real_participle_is_not_passive(word_list, text):
    assert "passive" not in kinds(check_text(text, word_list=word_list))


def test_zijn_with_a_participle_is_only_a_hint(word_list):
    (issue,) = check_text("De deur is gesloten.", word_list=word_list).issues
    assert issue.kind == "passive-zijn" and issue.severity == "hint"


def test_zijn_as_perfect_tense_is_no_hint(word_list):
    assert kinds(check_text("Zij is naar huis gegaan.", word_list=word_list)) == []


def test_nominalisation_het_versterken_van(word_list):
    text = "Wij werken aan het versterken van de buurt."
    issues = [i for i in check_text(text, word_list=word_list).issues if i.kind == "nominalisation"]
    assert [i.text for i in issues] == ["het versterken van"]
    assert "werkwoord" in issues[0].suggestion


def test_nominalisation_ter_and_atie(word_list):
    result = check_text(
        "Dit is ter verbetering. Wij doen de evaluatie van het plan.", word_list=word_list
    )
    found = [i.text for i in result.issues if i.kind == "nominalisation"]
    assert found == ["ter verbetering", "de evaluatie van"]


def test_ordinary_nouns_are_not_nominal_style(word_list):
    assert "nominalisation" not in kinds(
        check_text("Het leven van buren is fijn.", word_list=word_list)
    )


def test_many_sentences_in_passive_voice_make_a_text_above_b1(word_list):
    text = "Uw brief wordt gelezen. Daarna wordt u gebeld. De hulp wordt geregeld."
    assert check_text(text, word_list=word_list).verdict == ABOVE_B1


# Scores and languages -------------------------------------------------------------------


def test_scores_for_information(word_list):
    scores = check_text("Kom langs. Wij hebben koffie.", word_list=word_list).scores
    assert scores["sentences"] == 2 and scores["words"] == 5
    assert scores["flesch_douma"] > 60
    assert scores["lix"] < 40


def test_plain_text_is_b1_without_reasons(word_list):
    result = check_text("Elke dinsdag is er soep. Kom gerust binnen.", word_list=word_list)
    assert result.verdict == B1 and result.reasons == []


def test_other_languages_get_only_the_language_independent_measures(word_list):
    english = "Notwithstanding the aforementioned implementation, reeds indien participeren."
    result = check_text(english, language="en", word_list=word_list)
    assert kinds(result) == []
    assert "flesch_douma" not in result.scores and result.scores["lix"] > 0
    long_sentence = " ".join(["word"] * 30) + "."
    assert kinds(check_text(long_sentence, language="en")) == ["sentence-too-long"]


def test_empty_text_is_b1_without_issues(word_list):
    result = check_text("", word_list=word_list)
    assert result.verdict == B1 and result.issues == []


def test_json_shape(word_list):
    data = check_text("Indien u wilt.", word_list=word_list).as_dict()
    assert set(data) == {"verdict", "scores", "issues"}
    assert set(data["issues"][0]) == {"kind", "text", "start", "end", "suggestion"}


def test_a_title_made_of_names_is_not_judged(word_list):
    assert kinds(check_text("Welgelegen, Den Hommel", word_list=word_list)) == []


def test_a_hard_word_at_the_start_of_a_real_sentence_is_judged(word_list):
    text = "Legitimeren doet u bij de balie met een paspoort of een rijbewijs."
    assert kinds(check_text(text, word_list=word_list)) == ["long-word"]


def test_the_reasons_write_numbers_as_the_panel_does(word_list):
    """The editor reads "18,0" in the reasons as in the scores above them, not "18.0"."""
    from django.template import Context, Template
    from django.utils import translation

    long = " ".join(["Wij drinken elke week samen koffie in het buurthuis aan de gracht"] * 2)
    with translation.override("nl"):
        result = check_text(f"{long}. {long}.", word_list=word_list)
        reason = next(r for r in result.reasons if "gemiddeld" in r)
        shown = Template("{{ v }}").render(Context({"v": result.scores["average_sentence_length"]}))
    assert "," in shown and shown in reason and "." not in reason.split("gemiddeld")[1][:6]
