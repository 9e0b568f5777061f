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


DUTCH_NEEDS = {item["code"]: item for item in _json("inrichting/data/hulpvragen.json")}
NEEDS = _json("inrichting/data/vertalingen/hulpvragen.json")


def test_every_need_is_translated_in_all_five_languages_where_the_dutch_has_text():
    assert set(NEEDS) == set(DUTCH_NEEDS)
    for code, languages in NEEDS.items():
        assert set(languages) == set(LANGUAGES), code
        dutch = {name for name in NEED_FIELDS if DUTCH_NEEDS[code].get(name)}
        for language, fields in languages.items():
            assert set(fields) == dutch, (code, language)
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


DUTCH_GROUPS = {item["code"]: item for item in _json("inrichting/data/doelgroepen.json")}
GROUPS = _json("inrichting/data/vertalingen/doelgroepen.json")


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
PAGES = _json("inrichting/data/vertalingen/paginas.json")


def _dutch_pages() -> dict[str, dict[str, str]]:
    """What setup_site writes, by the keys of paginas.json."""
    from inrichting.areas import STEDELIJK
    from inrichting.needs import THEMA_INDEX
    from inrichting.pages import HOME_INTRO, HOME_TITLE, STANDARD_PAGES

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


OFFERS = _json("inrichting/demo/vertalingen.json")
# Service attributes that become translated AanbodPage fields (hsds/load.py).
OFFER_TEXT_FIELDS = (
    "title",
    "summary",
    "body",
    "cost_note",
    "registration_note",
    "referral",
    "eligibility",
)


def _dutch_offers() -> dict[str, dict]:
    """The demo offers' Dutch texts as the HSDS import puts them on the page (hsds/)."""
    from hsds.parse import ACCESSIBILITY, KnownCodes, parse_service

    raw_services = _json("inrichting/demo/demo_hsds.json")["services"]
    buurten = {
        attribute["taxonomy_term"]["code"]
        for raw in raw_services
        for attribute in raw.get("attributes", [])
        if attribute["taxonomy_term"]["taxonomy"] == "buurtwijzer-buurt"
    }
    vocabulary = KnownCodes(frozenset(DUTCH_NEEDS), frozenset(DUTCH_GROUPS), frozenset(buurten))
    offers = {}
    for raw in raw_services:
        errors = []
        service = parse_service(raw, vocabulary, errors)
        assert service is not None, errors
        texts = {name: getattr(service, name) for name in OFFER_TEXT_FIELDS}
        for name in ACCESSIBILITY.values():
            texts[f"{name}_note"] = service.accessibility.get(name, "")
        texts = {name: text for name, text in texts.items() if text}
        # One note per Tijdstip row, in import order (a weekly schedule "MO,TH" gives two rows).
        if any(schedule.note for schedule in service.schedules):
            texts["tijdstippen"] = [schedule.note for schedule in service.schedules]
        offers[service.source_id] = texts
    return offers


def test_at_least_twelve_demo_offers_are_fully_translated_in_english_and_arabic():
    """Some also in another language they are offered in; every language given is complete."""
    dutch = _dutch_offers()
    assert len(OFFERS) >= 12
    for source_id, languages in OFFERS.items():
        assert source_id in dutch, source_id
        assert {"en", "ar"} <= set(languages) <= set(LANGUAGES), source_id
        for language, fields in languages.items():
            assert set(fields) == set(dutch[source_id]), (source_id, language)


def test_translated_offers_cover_the_needs_residents_ask_about_most():
    raw = {
        service["id"]: service for service in _json("inrichting/demo/demo_hsds.json")["services"]
    }
    needs = {
        attribute["taxonomy_term"]["code"]
        for source_id in OFFERS
        for attribute in raw[source_id]["attributes"]
        if attribute["taxonomy_term"]["taxonomy"] == "buurtwijzer-hulpvraag"
    }
    assert {"eenzaamheid", "mantelzorg", "respijtzorg", "geldzaken", "digitale-hulp"} <= needs


def test_an_offer_translation_fits_the_page_and_keeps_the_html():
    dutch = _dutch_offers()
    for source_id, languages in OFFERS.items():
        for language, fields in languages.items():
            where = (source_id, language)
            assert all(text.strip() for name, text in fields.items() if name != "tijdstippen"), (
                where
            )
            assert len(fields["summary"]) <= 300, where
            assert _tags(fields["body"]) == _tags(dutch[source_id]["body"]), where
            for name, text in fields.items():
                if name.endswith("_note") and name != "registration_note":  # CharField(200)
                    assert len(text) <= 200, (*where, name)
            if "tijdstippen" in fields:
                notes = dutch[source_id]["tijdstippen"]
                assert len(fields["tijdstippen"]) == len(notes), where
                for translated, note in zip(fields["tijdstippen"], notes, strict=True):
                    assert bool(translated) == bool(note), where
                    assert len(translated) <= 200, where
