"""Applies the shipped translations (inrichting/data/vertalingen/*.json, inrichting/demo/vertalingen.json)
to needs, target groups, the pages setup_site makes and the demo offers.

Only translation fields that are still empty are filled, so running it again changes nothing
and an editor's translation is never overwritten. A missing file is skipped quietly. Keys in
the files are field names without the language suffix: ``label`` fills ``label_en``.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from aanbod.models import AanbodPage, Doelgroep, Hulpvraag
from buurten.models import StedelijkPage
from home.models import HomePage, StandardPage, ThemaPage
from vertalingen.i18n import SOURCE_LANGUAGE

DATA = Path(__file__).resolve().parent / "data" / "vertalingen"
DEMO = Path(__file__).resolve().parent / "demo" / "vertalingen.json"


def read(path: Path) -> dict:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def _languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES} - {SOURCE_LANGUAGE}


def fill(obj, by_language: dict) -> bool:
    """Sets ``<field>_<language>`` from ``{language: {field: text}}`` where it is empty and the
    object has that field. True when anything changed."""
    changed = False
    for language, fields in by_language.items():
        if language not in _languages() or not isinstance(fields, dict):
            continue
        for field, value in fields.items():
            name = f"{field}_{language}"
            if not isinstance(value, str) or not value.strip() or not hasattr(obj, name):
                continue
            if not getattr(obj, name):
                setattr(obj, name, value.strip())
                changed = True
    return changed


@transaction.atomic
def apply_taxonomy(folder: Path = DATA) -> int:
    changed = 0
    for model, name in ((Hulpvraag, "hulpvragen.json"), (Doelgroep, "doelgroepen.json")):
        data = read(folder / name)
        for obj in model.objects.filter(code__in=data):
            if fill(obj, data[obj.code]):
                obj.save()
                changed += 1
    return changed


def _publish(page) -> None:
    """Through a revision, so the editor's form (which opens the latest revision) shows it."""
    page.save_revision().publish()


def _pages_by_key():
    pages = {}
    home = HomePage.objects.first()
    if home is not None:
        pages["home"] = home
        for page in StandardPage.objects.child_of(home):
            pages[page.slug] = page
    for page in StedelijkPage.objects.all():
        pages["stedelijk"] = page
    for page in ThemaPage.objects.select_related("hulpvraag"):
        pages[f"thema/{page.hulpvraag.code}"] = page
    return pages


@transaction.atomic
def apply_pages(path: Path = DATA / "paginas.json") -> int:
    data = read(path)
    if not data:
        return 0
    changed = 0
    for key, page in _pages_by_key().items():
        if key not in data:
            continue
        if page.has_unpublished_changes:
            # An editor's draft: the translation joins the draft; the editor publishes it.
            draft = page.get_latest_revision_as_object()
            if fill(draft, data[key]):
                draft.save_revision()
                changed += 1
        elif fill(page, data[key]):
            _publish(page)
            changed += 1
    return changed


@transaction.atomic
def apply_demo(path: Path = DEMO) -> int:
    """Demo offers by their HSDS id; ``tijdstippen`` holds the notes of their times in order."""
    data = read(path)
    if not data:
        return 0
    changed = 0
    for page in AanbodPage.objects.filter(source_id__in=data):
        by_language = data[page.source_id]
        page_changed = fill(page, by_language)
        slots = list(page.tijden.all())
        for language, fields in by_language.items():
            notes = fields.get("tijdstippen") if isinstance(fields, dict) else None
            for slot, note in zip(slots, notes or [], strict=False):
                page_changed |= fill(slot, {language: {"note": note}})
        if page_changed:
            page.tijden = slots
            _publish(page)
            changed += 1
    return changed
