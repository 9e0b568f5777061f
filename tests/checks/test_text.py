"""Cutting text into sentences and words, with offsets the editor panel relies on."""

from checks.b1.text import html_to_text, split_sentences


def test_sentences_end_at_full_stop_question_and_exclamation_mark():
    text = "Kom langs. Heeft u vragen? Bel ons!"
    assert [s.text for s in split_sentences(text)] == ["Kom langs.", "Heeft u vragen?", "Bel ons!"]


def test_offsets_point_into_the_original_text():
    text = "Eerste zin.  Tweede zin hier."
    second = split_sentences(text)[1]
    assert text[second.start : second.end] == "Tweede zin hier."
    assert [text[w.start : w.end] for w in second.words] == ["Tweede", "zin", "hier"]


def test_abbreviations_initials_and_times_do_not_end_a_sentence():
    text = "Neem bijv. uw pas mee. Vraag naar J. de Vries om 10.00 uur."
    assert len(split_sentences(text)) == 2


def test_a_line_break_ends_a_sentence_so_headings_and_list_items_stand_alone():
    assert len(split_sentences("Wat we doen\nWe koken samen")) == 2


def test_rich_text_becomes_one_line_per_block():
    html = "<h2>Wanneer</h2><p>Elke <b>dinsdag</b>.</p><ul><li>Koffie</li><li>Thee</li></ul>"
    assert html_to_text(html) == "Wanneer\nElke dinsdag.\nKoffie\nThee"


def test_words_keep_times_codes_and_hyphens_together():
    words = [w.text for w in split_sentences("Met de U-pas om 10:00 naar e-mail.")[0].words]
    assert words == ["Met", "de", "U-pas", "om", "10:00", "naar", "e-mail"]
