"""Dutch postcodes: normalise, and find the wijk and buurt of an Utrecht postcode.

Errors carry a ``kind`` ("empty", "malformed", "outside"); the view turns it into text.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache

from .neighbourhoods import (
    DATA_DIR,
    Buurt,
    Wijk,
    buurt_at,
    buurt_by_code,
    buurten,
    wijk_by_code,
)

MAX_INPUT_LENGTH = 20

# Four digits, not starting with 0, optionally two letters; SA, SD and SS are never issued.
_POSTCODE_RE = re.compile(r"[1-9][0-9]{3}(?:(?!SA|SD|SS)[A-Z]{2})?")


class PostcodeError(ValueError):
    """A postcode that cannot be used; ``kind`` is "empty", "malformed" or "outside"."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class PostcodeMatch:
    postcode: str
    pc4: str
    wijk: Wijk
    buurt: Buurt
    approximate: bool  # the PC4 spans several buurten; buurt is its main one

    @property
    def written(self) -> str:
        """The postcode to show: "3582 AB"."""
        return written(self.postcode)


@dataclass(frozen=True)
class _Pc4:
    wijk_code: str
    buurt_code: str
    note: str


@cache
def _pc4_table() -> dict[str, _Pc4]:
    with (DATA_DIR / "pc4.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {r["pc4"]: _Pc4(r["wijk_code"], r["buurt_code"], r["note"]) for r in rows}


def normalise(raw: str | None) -> str:
    """Return "3582AB" or "3582" for input like "3582 ab"; raise PostcodeError otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise PostcodeError("empty")
    if not isinstance(raw, str) or len(raw) > MAX_INPUT_LENGTH:
        raise PostcodeError("malformed")
    compact = "".join(raw.split())  # drops every Unicode space, also inside
    # Check ASCII before upper(): "ß".upper() == "SS" and "ﬀ".upper() == "FF".
    if not compact.isascii():
        raise PostcodeError("malformed")
    compact = compact.upper()
    if not _POSTCODE_RE.fullmatch(compact):
        raise PostcodeError("malformed")
    return compact


def written(postcode: str) -> str:
    """A normalised postcode as people write it: "3582AB" -> "3582 AB"; "3582" stays."""
    return f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode


def lookup(raw: str | None) -> PostcodeMatch:
    """The wijk and main buurt of an Utrecht postcode; PostcodeError if none."""
    postcode = normalise(raw)
    pc4 = postcode[:4]
    row = _pc4_table().get(pc4)
    if row is None:
        raise PostcodeError("outside")
    wijk = wijk_by_code(row.wijk_code)
    buurt = buurt_by_code(row.buurt_code)
    if wijk is None or buurt is None:  # only if the data files disagree
        raise LookupError(f"pc4.csv refers to unknown codes for {pc4}")
    return PostcodeMatch(postcode, pc4, wijk, buurt, approximate="several" in row.note)


def buurt_for_place(postcode: str | None, lat: float | None, lon: float | None) -> Buurt | None:
    """The buurt of a place: by coordinates when they lie in Utrecht, else by postcode.

    Returns None when neither gives a buurt (an unusable postcode is not an error here).
    """
    if lat is not None and lon is not None:
        buurt = buurt_at(lat, lon)
        if buurt is not None:
            return buurt
    if postcode:
        try:
            return lookup(postcode).buurt
        except PostcodeError:
            return None
    return None


def estimated_point(postcode: str | None) -> tuple[float, float] | None:
    """Where a place with this postcode lies, as well as we can tell without a geocoder: the
    centre of the postcode's main buurt (within about a kilometre). None outside Utrecht."""
    try:
        buurt = lookup(postcode).buurt
    except PostcodeError:
        return None
    return (buurt.lat, buurt.lon)


def is_estimated_point(lat: float | None, lon: float | None) -> bool:
    """Whether (lat, lon) is a point ``estimated_point`` gives (a buurt's centre), not one
    that was measured (an import, a map)."""
    return (lat, lon) in _buurt_centres()


@cache
def _buurt_centres() -> frozenset[tuple[float, float]]:
    return frozenset((b.lat, b.lon) for b in buurten())
