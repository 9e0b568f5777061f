"""The shipped translations (inrichting/data/vertalingen, inrichting/demo/vertalingen.json) are
applied by setup_site and load_demo: only empty fields are filled, a missing file is skipped."""

import json

import pytest

from aanbod.models import Doelgroep, Hulpvraag
from home.models import HomePage, StandardPage, ThemaPage
from inrichting import translations as translation_data
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def write(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def untranslated(obj, *fields):
    """Empties the given translation fields (setup_site already filled them from the shipped
    files), so a test can see what the loader fills."""
    for field in fields:
        setattr(obj, field, "")
    obj.save()
    return obj


def test_needs_and_groups_fill_only_empty_fields(tmp_path):
    need = untranslated(Hulpvraag.objects.get(code="eenzaamheid"), "synonyms_en", "label_ar")
    need.label_en = "Loneliness (by an editor)"
    need.save()
    untranslated(Doelgroep.objects.get(code="ouderen"), "label_uk")
    write(
        tmp_path / "hulpvragen.json",
        {
            "eenzaamheid": {
                "en": {"label": "Loneliness", "synonyms": "lonely"},
                "ar": {"label": "الوحدة"},
            }
        },
    )
    write(tmp_path / "doelgroepen.json", {"ouderen": {"uk": {"label": "Літні люди"}}})
    assert translation_data.apply_taxonomy(tmp_path) == 2
    need.refresh_from_db()
    assert need.label_en == "Loneliness (by an editor)"  # never overwritten
    assert need.synonyms_en == "lonely" and need.label_ar == "الوحدة"
    assert Doelgroep.objects.get(code="ouderen").label_uk == "Літні люди"
    assert translation_data.apply_taxonomy(tmp_path) == 0  # again: nothing changes


def test_pages_by_their_key_through_a_revision(tmp_path):
    untranslated(HomePage.objects.get(), "intro_en")
    untranslated(ThemaPage.objects.get(hulpvraag__code="eenzaamheid"), "title_ar", "intro_ar")
    untranslated(StandardPage.objects.get(slug="privacy"), "title_en", "body_en")
    path = write(
        tmp_path / "paginas.json",
        {
            "home": {"en": {"title": "Buurtwijzer Utrecht", "intro": "Find what is on near you."}},
            "thema/eenzaamheid": {"ar": {"title": "أشعر بالوحدة", "intro": "مكان للقاء الناس."}},
            "privacy": {"en": {"title": "Privacy", "body": "<p>We keep as little as we can.</p>"}},
            "onbekend": {"en": {"title": "Nobody"}},
        },
    )
    assert translation_data.apply_pages(path) == 3
    assert HomePage.objects.get().intro_en == "Find what is on near you."
    thema = ThemaPage.objects.get(hulpvraag__code="eenzaamheid")
    assert thema.title_ar == "أشعر بالوحدة"
    # The editor's form opens the latest revision: it holds the translation too.
    assert thema.get_latest_revision_as_object().intro_ar == "مكان للقاء الناس."
    assert StandardPage.objects.get(slug="privacy").body_en.startswith("<p>We keep")
    assert translation_data.apply_pages(path) == 0


def test_demo_offers_by_hsds_id_with_their_time_notes(tmp_path):
    offer = make_offer(
        source_id="demo-0001",
        summary="Koffie met buren.",
        tijden=[
            {"weekday": 1, "opens_at": "10:00", "closes_at": "12:00", "note": "Niet in de zomer"},
            {"weekday": 3, "opens_at": "14:00", "closes_at": "16:00", "note": ""},
        ],
    )
    path = write(
        tmp_path / "vertalingen.json",
        {
            "demo-0001": {
                "en": {"summary": "Coffee with neighbours.", "tijdstippen": ["Not in summer", ""]},
                "ar": {"summary": "قهوة مع الجيران.", "tijdstippen": ["ليس في الصيف"]},
            }
        },
    )
    assert translation_data.apply_demo(path) == 1
    offer.refresh_from_db()
    assert offer.summary_en == "Coffee with neighbours." and offer.summary_ar == "قهوة مع الجيران."
    notes = [(t.note_en, t.note_ar) for t in offer.tijden.order_by("sort_order")]
    assert notes == [("Not in summer", "ليس في الصيف"), (None, None)] or notes == [
        ("Not in summer", "ليس في الصيف"),
        ("", ""),
    ]
    assert translation_data.apply_demo(path) == 0


def test_missing_files_are_skipped_quietly(tmp_path):
    assert translation_data.apply_taxonomy(tmp_path) == 0
    assert translation_data.apply_pages(tmp_path / "paginas.json") == 0
    assert translation_data.apply_demo(tmp_path / "vertalingen.json") == 0
