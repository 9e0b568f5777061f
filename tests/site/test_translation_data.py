"""The translation files that setup_site and load_demo read: every Dutch need and target group
has all five languages, and nothing is translated that has no Dutch source (no database)."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "ar", "tr", "pl", "uk")
NEED_FIELDS = ("label", "phrasing", "description", "synonyms")


def _json(relative: str):
    return json.loads((ROOT / relative).read_text(encoding="utf-8"))


def _words(synonyms: str) -> list[str]:
    return [word.strip() for word in synonyms.split(",") if word.strip()]


DUTCH_NEEDS = {item["code"]: item for item in _json("aanbod/data/hulpvragen.json")}
NEEDS = _json("aanbod/data/vertalingen/hulpvragen.json")


def test_every_need_has_all_five_languages_and_nothing_else():
    assert set(NEEDS) == set(DUTCH_NEEDS)
    for code, languages in NEEDS.items():
        assert set(languages) == set(LANGUAGES), code
        for language, fields in languages.items():
            assert set(fields) == set(NEED_FIELDS), (code, language)
            for name, text in fields.items():
                assert text.strip() == text and text, (code, language, name)


def test_need_synonyms_are_a_real_list_of_words():
    for code, languages in NEEDS.items():
        for language, fields in languages.items():
            words = _words(fields["synonyms"])
            assert 8 <= len(words) <= 15, (code, language, len(words))
            assert len({word.casefold() for word in words}) == len(words), (code, language)


def test_need_texts_fit_the_model_fields():
    for code, languages in NEEDS.items():
        for language, fields in languages.items():
            assert len(fields["label"]) <= 80, (code, language)
            assert len(fields["phrasing"]) <= 120, (code, language)


@pytest.mark.parametrize(
    "language, word",
    [("en", "lonely"), ("ar", "وحيد"), ("tr", "yalnız"), ("pl", "samotny"), ("uk", "самотній")],
)
def test_a_lonely_resident_finds_loneliness_in_their_own_language(language, word):
    assert word in _words(NEEDS["eenzaamheid"][language]["synonyms"])


DUTCH_GROUPS = {item["code"]: item for item in _json("aanbod/data/doelgroepen.json")}
GROUPS = _json("aanbod/data/vertalingen/doelgroepen.json")


def test_every_target_group_has_all_five_languages():
    assert set(GROUPS) == set(DUTCH_GROUPS)
    for code, languages in GROUPS.items():
        assert set(languages) == set(LANGUAGES), code
        for language, fields in languages.items():
            assert fields.get("label", "").strip(), (code, language)
            assert len(fields["label"]) <= 80, (code, language)


def test_a_target_group_translates_only_what_has_dutch_text():
    for code, languages in GROUPS.items():
        dutch = {name for name, text in DUTCH_GROUPS[code].items() if name != "code" and text}
        for language, fields in languages.items():
            assert set(fields) <= dutch, (code, language, set(fields) - dutch)
