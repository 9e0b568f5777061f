"""Creates the needs, target groups and one theme page per need. Editors' changes to labels
and synonyms are kept: only what is missing is added."""

import json
from pathlib import Path

from django.db import transaction

from aanbod.models import Doelgroep, Hulpvraag
from home.models import StandardPage, ThemaPage

DATA = Path(__file__).resolve().parent / "data"

THEMA_INDEX = {
    "slug": "thema",
    "title": "Waar zoekt u hulp bij?",
    "intro": "Kies een onderwerp. Dan ziet u wat er in Utrecht is.",
    "show_in_menus": True,
}


def _load(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@transaction.atomic
def ensure_taxonomy() -> None:
    for order, item in enumerate(_load("hulpvragen.json")):
        Hulpvraag.objects.get_or_create(code=item["code"], defaults={**item, "sort_order": order})
    for order, item in enumerate(_load("doelgroepen.json")):
        Doelgroep.objects.get_or_create(code=item["code"], defaults={**item, "sort_order": order})


@transaction.atomic
def ensure_theme_pages(home) -> None:
    index = StandardPage.objects.child_of(home).filter(slug=THEMA_INDEX["slug"]).first()
    if index is None:
        index = home.add_child(instance=StandardPage(**THEMA_INDEX))
    have = set(ThemaPage.objects.values_list("hulpvraag_id", flat=True))
    for need in Hulpvraag.objects.exclude(pk__in=have):
        index.add_child(
            instance=ThemaPage(
                title=need.phrasing, slug=need.code, hulpvraag=need, intro=need.description
            )
        )
