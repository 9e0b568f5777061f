"""Test data: offers made the way an editor makes them (a page under a buurt, published)."""

import datetime
import itertools

from aanbod.models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Plek, Tijdstip
from buurten.models import BuurtPage, StedelijkPage

_counter = itertools.count(1)


def make_offer(
    parent=None,
    *,
    needs=("ontmoeting",),
    groups=("iedereen",),
    tijden=(),
    plekken=(),
    publish=True,
    **fields,
) -> AanbodPage:
    n = next(_counter)
    parent = parent or BuurtPage.objects.get(title="Oog in Al")
    if parent == "stad":
        parent = StedelijkPage.objects.get()
    fields.setdefault("title", f"Koffie-ochtend {n}")
    fields.setdefault("slug", f"aanbod-{n}")
    fields.setdefault("summary", "Elke week koffie drinken met buren. Iedereen is welkom.")
    fields.setdefault("last_verified", datetime.date(2026, 11, 1))
    page = AanbodPage(**fields)
    page.needs = list(Hulpvraag.objects.filter(code__in=needs))
    page.target_groups = list(Doelgroep.objects.filter(code__in=groups))
    page.tijden = [Tijdstip(**t) for t in tijden]
    page.plekken = [Plek(**p) for p in plekken]
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish() if page.live else None
    return page


def make_organisatie(**fields) -> Organisatie:
    fields.setdefault("name", "Buurthuis De Leeuw")
    return Organisatie.objects.create(**fields)
