"""From a resident's own words to needs: what the chips on the search page will say."""

import pytest

from aanbod.models import Hulpvraag
from search import related
from search.understanding import interpret

pytestmark = pytest.mark.django_db


def found(query, **kwargs):
    """The needs read in the words themselves (not the ones that only go with them)."""
    return [n.code for n in interpret(query, **kwargs).needs if not n.related]


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("ik voel me alleen", "eenzaamheid"),
        ("Ik voel me ALLEEN!!", "eenzaamheid"),
        ("mijn moeder wordt vergeetachtig en ik kan niet meer", "mantelzorg"),
        ("even vrij van de zorg", "respijtzorg"),
        ("kan mijn rekeningen niet betalen", "geldzaken"),
        ("hulp met mijn DigiD", "digitale-hulp"),
        ("Nederlands leren", "taal"),
        ("taalcafé", "taal"),
        ("niets te doen overdag", "activering"),
    ],
)
def test_own_words(query, need):
    assert found(query)[0] == need


@pytest.mark.parametrize(
    ("typed", "need", "meant"),
    [
        ("eenzaamhijd", "eenzaamheid", "eenzaamheid"),
        ("mantelzorgr", "mantelzorg", "mantelzorg"),
        ("vrijwiligerswerk", "vrijwilligerswerk", "vrijwilligerswerk"),
        ("dementei", "mantelzorg", "dementie"),
    ],
)
def test_spelling_mistakes(typed, need, meant):
    result = interpret(typed)
    assert result.needs[0].code == need
    assert result.corrections == {typed: meant}
    assert meant in result.terms


def test_short_words_are_not_corrected():
    # "gold" is one letter from "geld", but short words are too easily another word.
    assert interpret("gold").needs == []


def test_compound_words():
    assert found("schuldhulpverlening") == ["geldzaken"]
    assert found("koffieochtend") == ["ontmoeting"]


@pytest.mark.parametrize("query", ["geldzaken", "hulp met geldzaken", "hulp bij geldzaken"])
def test_a_compound_of_a_short_known_word_and_a_whole_word(query):
    """ "geld·zaken": "geld" is a word of the need, "zaken" a whole second word."""
    assert found(query) == ["geldzaken"]


def test_a_short_word_with_a_few_letters_after_it_is_no_compound():
    assert found("gelden") == []  # "geld" + "en" is not two words


@pytest.mark.parametrize(
    "query", ["ik", "mijn", "hulp", "ik zoek hulp", "ik wil graag hulp", "3532"]
)
def test_stop_words_match_nothing(query):
    result = interpret(query)
    assert result.needs == [] and result.terms == []


def test_a_phrase_of_stop_words_only_matches_as_a_whole():
    assert "mantelzorg" in found("ik kan niet meer")
    assert found("ik kan meer") == [] and found("niet meer ik kan") == []


def test_nothing_understood_is_told_apart_from_an_empty_query():
    assert interpret("ik zoek hulp").nothing_understood
    assert not interpret("").nothing_understood
    assert not interpret("3531 CK").nothing_understood


def test_a_need_that_goes_with_it_is_added():
    # In the offers themselves, most offers for loneliness are also for meeting people.
    from tests.factories import make_offer

    for _ in range(3):
        make_offer(needs=("eenzaamheid", "ontmoeting"))
    related.forget()
    needs = interpret("ik voel me alleen").needs
    assert [(n.code, n.related) for n in needs] == [("eenzaamheid", False), ("ontmoeting", True)]


def test_removed_needs_stay_away():
    assert "eenzaamheid" not in [
        n.code for n in interpret("eenzaam", without=["eenzaamheid"]).needs
    ]


def test_synonyms_are_content():
    assert found("kwebbelen") == []
    need = Hulpvraag.objects.get(code="ontmoeting")
    need.synonyms += ", kwebbelen"
    need.save()
    assert found("kwebbelen") == ["ontmoeting"]


def test_target_groups():
    result = interpret("iets voor jongeren")
    assert [g.code for g in result.groups] == ["jongeren"]
    assert [g.code for g in interpret("ouderen").groups] == ["ouderen"]  # not "ouders"
    assert [g.code for g in interpret("dakloos").groups] == ["dakloosheid"]


def test_postcode_in_the_words():
    result = interpret("taalcafe 3531 ck")
    assert result.postcode == "3531CK"
    assert found("taalcafe 3531 ck") == ["taal"]


def test_english_words_and_labels(translated_needs):
    result = interpret("I feel lonely", language="en")
    assert result.needs[0].code == "eenzaamheid"
    assert result.needs[0].phrasing == "I feel alone"
    # Dutch labels when asked in Dutch, whatever the words were.
    assert interpret("lonely").needs[0].phrasing == "Ik voel me alleen"


@pytest.mark.parametrize(
    "query", ["ديون", "الديون", "والديون", "بالديون", "وديون", "مساعدة في الديون"]
)
def test_arabic_words_with_the_article_or_a_letter_written_onto_them(translated_needs, query):
    """ "الديون" is "ال" (the) + "ديون" (debts); "و" (and), "ب" (with) are written onto words."""
    assert [n.code for n in interpret(query, language="ar").needs if not n.related] == ["geldzaken"]


@pytest.mark.parametrize(
    ("language", "query"),
    [("en", "lonely"), ("ar", "وحيد"), ("tr", "yalnız"), ("pl", "samotny"), ("uk", "самотній")],
)
def test_a_need_is_found_by_its_words_in_every_language(translated_needs, language, query):
    result = interpret(query, language=language)
    assert [n.code for n in result.needs if not n.related] == ["eenzaamheid"]
    assert result.needs[0].phrasing == translated_needs["eenzaamheid"][language]["phrasing"]


def test_a_translation_made_in_the_admin_is_found_at_once(translated_needs):
    need = Hulpvraag.objects.get(code="eenzaamheid")
    need.synonyms_en = "solitary"
    need.phrasing_en = "I am lonely"
    need.save()
    assert found("solitary") == ["eenzaamheid"]
    assert interpret("solitary", language="en").needs[0].phrasing == "I am lonely"
    assert found("sad") == []  # the words it replaced are gone


def test_untranslated_need_is_labelled_in_dutch(translated_needs):
    need = Hulpvraag.objects.get(code="mantelzorg")
    need.label_ar = need.phrasing_ar = ""
    need.save()
    result = interpret("mantelzorg", language="ar")
    assert result.needs[0].phrasing == Hulpvraag.objects.get(code="mantelzorg").phrasing_nl


@pytest.mark.parametrize(
    "query",
    [
        "x" * 100_000,
        "\x00\x01<script>alert(1)</script>",
        "'; DROP TABLE aanbod_aanbodpage; --",
        "أشعر بالوحدة",
        "‮eenzaam‬",
        "🙂🙂 eenzaam 🙂",
        "e" * 41,
    ],
)
def test_hostile_input(query):
    result = interpret(query)
    assert len(result.query) <= 200
    assert all(len(term) <= 40 for term in result.terms)


def test_a_word_for_another_need_does_not_override_the_main_one():
    """ "buren" alone is housing; with "koffie drinken" the question is about meeting people."""
    result = interpret("koffie drinken met buren")
    assert [(n.code, n.weight) for n in result.needs if not n.related] == [("ontmoeting", 1.0)]


@pytest.mark.parametrize(
    ("language", "query", "need"),
    [
        ("nl", "krap bij kas", "geldzaken"),
        ("nl", "ik verveel me", "activering"),
        ("en", "I can't pay my bills", "geldzaken"),
        ("ar", "الفواتير", "geldzaken"),
        ("tr", "borçlarım var", "geldzaken"),
        ("pl", "mam długi", "geldzaken"),
        ("uk", "мені самотньо", "eenzaamheid"),
        ("uk", "доглядаю маму", "mantelzorg"),
    ],
)
def test_everyday_words_in_every_language(translated_needs, language, query, need):
    """Words people type that are no need's label or synonym (search/data/words.json)."""
    assert found(query, language=language)[0] == need


@pytest.mark.parametrize(
    "query", ["parkeervergunning", "rijbewijs halen", "tennisles", "driving licence", "ehliyet"]
)
def test_what_the_site_does_not_list_is_understood_as_such(translated_needs, query):
    result = interpret(query)
    assert result.elsewhere and result.needs == [] and result.terms == []
