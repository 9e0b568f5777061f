"""What a search asks for, after checking: the same for the page, the API and every backend."""

from dataclasses import dataclass, field

from utrecht.neighbourhoods import Buurt, Wijk, buurt_by_code, wijk_by_code
from utrecht.postcode import written

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")  # index = Python's weekday()

PER_PAGE = 20
MAX_PAGE = 500


@dataclass(frozen=True)
class Location:
    """Where the resident is: from a postcode, or the middle of a chosen buurt or wijk."""

    lat: float
    lon: float
    buurt: Buurt | None = None
    wijk: Wijk | None = None
    postcode: str = ""  # normalised, "3582AB" (the API gives it so)

    @property
    def written_postcode(self) -> str:
        """For people: "3582 AB"."""
        return written(self.postcode)

    @classmethod
    def of_postcode(cls, match) -> "Location":
        buurt = match.buurt
        return cls(buurt.lat, buurt.lon, buurt, match.wijk, match.postcode)

    @classmethod
    def of_buurt(cls, code: str) -> "Location":
        buurt = buurt_by_code(code)
        return cls(buurt.lat, buurt.lon, buurt, wijk_by_code(buurt.wijk_code))

    @classmethod
    def of_wijk(cls, code: str) -> "Location":
        wijk = wijk_by_code(code)
        return cls(wijk.lat, wijk.lon, None, wijk)


@dataclass(frozen=True)
class Filters:
    buurt: str = ""  # CBS code: offers in or for this buurt, and offers for the whole city
    wijk: str = ""  # CBS code: the same for a wijk
    needs: tuple[str, ...] = ()  # any of these
    target_groups: tuple[str, ...] = ()  # any of these
    free: bool = False
    walk_in: bool = False
    wheelchair: bool = False
    day: int | None = None  # 0 = Monday
    speaks: str = ""  # ISO 639-1 code


@dataclass(frozen=True)
class AskedNeed:
    code: str
    related: bool = False  # not in the words, but usually goes with a need that is
    weight: float = 1.0  # how strongly the words say it, 1 for the need they say most


@dataclass(frozen=True)
class Criteria:
    """Everything a backend needs: the words and needs to rank by, filters, and a place."""

    terms: tuple[str, ...] = ()
    needs: tuple[AskedNeed, ...] = ()
    groups: tuple[str, ...] = ()  # target groups named in the query (ranked higher, not a filter)
    filters: Filters = field(default_factory=Filters)
    location: Location | None = None
    page: int = 1
    per_page: int = PER_PAGE
    # A query was typed but nothing in it can be searched for ("ik zoek hulp").
    nothing_understood: bool = False
    language: str = "nl"  # equal fits are ordered by their title in this language

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page
