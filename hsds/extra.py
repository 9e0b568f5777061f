"""What a partner sent that the site does not model: kept with the offer, exported again.

One rule for every field at every depth. After an import the site compares the partner's
service object (``received``) with its own export of the offer it made (``exported``):

- a field the export has too was **taken over** (the same value) or **changed** (the site
  writes it its own way: a trimmed text, ``10:00`` for ``10:00:00``, its own ids);
- a field the export does not have is **kept**: stored in ``AanbodPage.hsds_extra`` and added
  to every later export of the offer (the API too), as it was sent;
- a list item of the partner's that the export has no counterpart for (a second phone, a
  virtual place, a term of another taxonomy) is kept whole and written after the site's own.

List items are paired by what identifies them (``PAIR_KEYS``: an attribute by its taxonomy and
code, a language by its code, a place by its location id, an accessibility entry by its
``details``), the others by their position. The kept fields of an item are only added back
while the site's item is still what it was at the import: when an editor changes a time, a
phone or a place, the partner's extra details of that item are no longer sent (they may no
longer fit).

Only ``DROPPED`` fields are not kept: the site writes its own value (see hsds/README.md).
"""

from __future__ import annotations

import dataclasses
import json

from . import ids
from .parse import language_code

# Top-level fields the site always writes itself: the partner's value is not kept.
DROPPED = {
    "last_modified": "de site schrijft hier zelf wanneer het aanbod hier is gepubliceerd",
    "organization_id": "de site schrijft het id van de organisatie zelf",
}
# Lists the site takes over whole (each partner item becomes part of the site's items, maybe
# joined with another one): a partner item without counterpart was joined, not left out.
JOINED = {"schedules", "cost_options", "required_documents"}


def _language(item: dict) -> str | None:
    return language_code(item.get("code"))


def _location(item: dict) -> str | None:
    location = item.get("location")
    if not isinstance(location, dict) or not isinstance(location.get("id"), str | int):
        return None
    return str(ids.from_source_id(str(location["id"])))


def _term(item: dict) -> tuple | None:
    term = item.get("taxonomy_term")
    if not isinstance(term, dict):
        return None
    return (term.get("taxonomy"), str(term.get("code", "")).strip())


def _details(item: dict) -> str | None:
    details = item.get("details")
    return details.strip().lower() if isinstance(details, str) else None


PAIR_KEYS = {
    "attributes": _term,
    "languages": _language,
    "service_at_locations": _location,
    "accessibility": _details,
}


def _pairs(name: str, received: list, exported: list) -> list[tuple[int, int | None]]:
    """(index in received, index of its counterpart in exported or None)."""
    key = PAIR_KEYS.get(name)
    if key is None:
        return [(i, i if i < len(exported) else None) for i in range(len(received))]
    found = {}
    for index, item in enumerate(exported):
        if isinstance(item, dict):
            found.setdefault(key(item), index)
    pairs, taken = [], set()
    for index, item in enumerate(received):
        match = found.get(key(item)) if isinstance(item, dict) else None
        if match is not None and match in taken:
            match = None  # the partner sent it twice: the second one is kept whole
        if match is not None:
            taken.add(match)
        pairs.append((index, match))
    return pairs


def _container(value) -> bool:
    return isinstance(value, dict | list)


# Keeping -----------------------------------------------------------------------------------


def keep(received, exported, name: str = "") -> object:
    """What of ``received`` the export ``exported`` does not hold; None when nothing.

    Dicts give ``{field: kept}``, lists ``{"items": {index: kept}, "whole": [item, ...]}``."""
    if isinstance(received, dict) and isinstance(exported, dict):
        kept = {}
        for field, value in received.items():
            if field in DROPPED and not name:
                continue
            if field not in exported:
                kept[field] = {"whole": value}
            elif _container(value) and _container(exported[field]):
                inner = keep(value, exported[field], field)
                if inner is not None:
                    kept[field] = {"inner": inner}
        return kept or None
    if isinstance(received, list) and isinstance(exported, list):
        items, whole = {}, []
        for index, match in _pairs(name, received, exported):
            if match is None:
                if name not in JOINED:
                    whole.append(received[index])
                continue
            inner = keep(received[index], exported[match], name)
            if inner is not None:
                items[str(match)] = {"inner": inner, "was": exported[match]}
        return ({"items": items} if items else {}) | ({"whole": whole} if whole else {}) or None
    return None


def overlay(exported, kept) -> object:
    """The export with what was kept added back (the inverse of ``keep``)."""
    if not kept:
        return exported
    if isinstance(exported, dict):
        result = dict(exported)
        for field, part in kept.items():
            if "whole" in part:
                result.setdefault(field, part["whole"])
            elif field in result:
                result[field] = overlay(result[field], part["inner"])
        return result
    if isinstance(exported, list):
        result = list(exported)
        for index, part in kept.get("items", {}).items():
            index = int(index)
            if index < len(result) and result[index] == part["was"]:
                result[index] = overlay(result[index], part["inner"])
        return result + list(kept.get("whole", []))
    return exported


# The report --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FieldOutcome:
    path: str
    outcome: str  # TAKEN, CHANGED, KEPT, DROPPED
    detail: str = ""


TAKEN = "overgenomen"
CHANGED = "veranderd"
KEPT = "bewaard, niet getoond"
DROPPED_OUTCOME = "weggelaten"


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _same_words(a, b) -> bool:
    return isinstance(a, str) and isinstance(b, str) and a.split() == b.split()


def outcomes(received, exported, path: str = "", name: str = "") -> list[FieldOutcome]:
    """Per field of ``received``: taken over, changed, kept (not shown) or left out, and why."""
    if isinstance(received, dict) and isinstance(exported, dict):
        found = []
        for field, value in received.items():
            where = f"{path}.{field}" if path else field
            if field in DROPPED and not name:
                found.append(FieldOutcome(where, DROPPED_OUTCOME, DROPPED[field]))
            elif field not in exported:
                found.append(FieldOutcome(where, KEPT))
            elif _container(value) and _container(exported[field]):
                found.extend(outcomes(value, exported[field], where, field))
            elif value == exported[field]:
                found.append(FieldOutcome(where, TAKEN))
            elif field == "id":
                found.append(
                    FieldOutcome(where, CHANGED, "de site geeft dit onderdeel een eigen id")
                )
            elif _same_words(value, exported[field]):
                found.append(FieldOutcome(where, CHANGED, "alleen spaties en witregels"))
            else:
                found.append(
                    FieldOutcome(where, CHANGED, f"{_show(value)} → {_show(exported[field])}")
                )
        return found
    if isinstance(received, list) and isinstance(exported, list):
        found = []
        for index, match in _pairs(name, received, exported):
            where = f"{path}[{index}]"
            if match is not None:
                found.extend(outcomes(received[index], exported[match], where, name))
            elif name in JOINED:
                found.append(FieldOutcome(where, CHANGED, "samengevoegd met een ander onderdeel"))
            else:
                found.append(FieldOutcome(where, KEPT))
        return found
    if received == exported:
        return [FieldOutcome(path, TAKEN)]
    return [FieldOutcome(path, CHANGED, f"{_show(received)} → {_show(exported)}")]
