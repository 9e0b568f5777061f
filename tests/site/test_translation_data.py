"""The translation files that setup_site and load_demo read: every Dutch need and target group
has all five languages, and nothing is translated that has no Dutch source (no database)."""

import json
from html.parser import HTMLParser
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


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(f"<{tag}>")

    def handle_endtag(self, tag):
        self.tags.append(f"</{tag}>")


def _tags(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


PAGE_FIELDS = ("title", "seo_title", "intro", "body")
PAGES = _json("aanbod/data/vertalingen/paginas.json")


def _dutch_pages() -> dict[str, dict[str, str]]:
    """What setup_site writes, by the keys of paginas.json."""
    from aanbod.setup import THEMA_INDEX
    from buurten.setup import STEDELIJK
    from home.setup import HOME_INTRO, HOME_TITLE, STANDARD_PAGES

    pages = {
        "home": {"title": HOME_TITLE, "seo_title": HOME_TITLE, "intro": HOME_INTRO},
        "stedelijk": STEDELIJK,
        "thema": THEMA_INDEX,
        **{page["slug"]: page for page in STANDARD_PAGES},
        **{
            f"thema/{code}": {"title": need["phrasing"], "intro": need["description"]}
            for code, need in DUTCH_NEEDS.items()
        },
    }
    return {
        key: {name: fields[name] for name in PAGE_FIELDS if fields.get(name)}
        for key, fields in pages.items()
    }


def test_every_page_setup_site_makes_is_translated_in_english_and_arabic():
    dutch = _dutch_pages()
    assert set(PAGES) == set(dutch)
    for key, languages in PAGES.items():
        assert set(languages) <= set(LANGUAGES), key
        for language in ("en", "ar"):
            assert set(languages.get(language, {})) == set(dutch[key]), (key, language)


def test_home_and_theme_titles_are_in_all_five_languages():
    for key, languages in PAGES.items():
        if key in ("home", "thema") or key.startswith("thema/"):
            assert set(languages) == set(LANGUAGES), key
            assert all(fields.get("title") for fields in languages.values()), key


def test_a_page_translates_only_what_has_dutch_text_and_keeps_the_html():
    dutch = _dutch_pages()
    for key, languages in PAGES.items():
        for language, fields in languages.items():
            assert set(fields) <= set(dutch[key]), (key, language)
            assert all(text.strip() for text in fields.values()), (key, language)
            if "body" in fields:
                assert _tags(fields["body"]) == _tags(dutch[key]["body"]), (key, language)


def test_theme_pages_say_what_the_need_says():
    """A theme page is titled with the need's phrasing, in every language."""
    for code, languages in NEEDS.items():
        for language, need in languages.items():
            page = PAGES[f"thema/{code}"][language]
            assert page == {"title": need["phrasing"], "intro": need["description"]}
