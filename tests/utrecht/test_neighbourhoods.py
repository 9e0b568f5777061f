"""Neighbourhood data and point-in-buurt lookup (no database, no Django settings)."""

import dataclasses
import math
import re

import pytest

from utrecht import neighbourhoods as nb
from utrecht.neighbourhoods import (
    Buurt,
    buurt_at,
    buurt_by_code,
    buurten,
    distance_m,
    wijk_by_code,
    wijken,
)

# Centroids that fall outside their own generalised outline. Currently none: if a data
# refresh adds some, list them here with the reason rather than loosening the test.
UNRESOLVED_CENTROIDS: set[str] = set()

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_ten_wijken_in_code_order():
    codes = [w.code for w in wijken()]
    assert len(codes) == 10
    assert codes == sorted(codes)
    assert all(re.fullmatch(r"WK0344(0[1-9]|10)", c) for c in codes)


def test_111_buurten_with_unique_codes():
    codes = [b.code for b in buurten()]
    assert len(codes) == 111
    assert len(set(codes)) == 111


def test_every_buurt_belongs_to_an_existing_wijk_matching_its_code():
    for b in buurten():
        wijk = wijk_by_code(b.wijk_code)
        assert wijk is not None, b
        # CBS codes nest: BU0344 + wijk number + buurt number.
        assert b.code[2:8] == wijk.code[2:], b


def test_every_wijk_has_buurten():
    assert {b.wijk_code for b in buurten()} == {w.code for w in wijken()}


def test_slugs_are_unique_readable_ascii():
    slugs = [b.slug for b in buurten()] + [w.slug for w in wijken()]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert SLUG_RE.fullmatch(slug), slug
    assert wijk_by_code("WK034410").slug == "vleuten-de-meern"
    assert buurt_by_code("BU03441014").slug == "maximapark"  # Máximapark
    assert buurt_by_code("BU03441022").slug == "vleuterweide-noord-oost-centrum"


def test_lookup_by_code():
    assert wijk_by_code("WK034406").name == "Binnenstad"
    assert buurt_by_code("BU03440411").name == "Vogelenbuurt"
    assert wijk_by_code("WK999999") is None
    assert buurt_by_code("") is None
    assert buurt_by_code("bu03440411") is None


def test_results_are_immutable_and_not_shared():
    lst = buurten()
    lst.clear()
    assert len(buurten()) == 111
    with pytest.raises(dataclasses.FrozenInstanceError):
        wijken()[0].name = "x"


def test_buurt_centroids_resolve_to_their_own_buurt():
    wrong = {
        b.code: getattr(buurt_at(b.lat, b.lon), "code", None)
        for b in buurten()
        if b.code not in UNRESOLVED_CENTROIDS
    }
    wrong = {code: found for code, found in wrong.items() if found != code}
    assert wrong == {}


@pytest.mark.parametrize(
    ("lat", "lon", "buurt_code"),
    [
        (52.0907, 5.1214, "BU03440611"),  # Domtoren: Domplein, Neude, Janskerkhof
        (52.0894, 5.1100, "BU03440613"),  # Utrecht Centraal
        (52.0855, 5.1790, "BU03440533"),  # UMC Utrecht, Utrecht Science Park
        (52.0868, 5.1390, "BU03440532"),  # Wilhelminapark
        (52.1215, 4.9860, "BU03441012"),  # Kasteel De Haar, Haarzuilens
        (52.1000, 5.0300, "BU03441014"),  # Máximapark
    ],
)
def test_known_places(lat, lon, buurt_code):
    assert buurt_at(lat, lon).code == buurt_code


@pytest.mark.parametrize(
    ("lat", "lon", "wijk_code"),
    [
        (52.0907, 5.1214, "WK034406"),  # Domtoren: Binnenstad
        (52.1100, 5.1210, "WK034403"),  # station Overvecht
        (52.1040, 5.0910, "WK034402"),  # station Zuilen: Noordwest
        (52.0615, 5.1380, "WK034407"),  # station Lunetten: Zuid
        (52.0880, 5.0640, "WK034409"),  # station Leidsche Rijn
        (52.1010, 5.0090, "WK034410"),  # station Vleuten
    ],
)
def test_known_places_by_wijk(lat, lon, wijk_code):
    assert buurt_at(lat, lon).wijk_code == wijk_code


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (52.37, 4.89),  # Amsterdam
        (52.0300, 5.1000),  # Nieuwegein
        (0.0, 0.0),
        (90.0, 0.0),
        (-52.09, -5.12),
        (math.nan, 5.12),
        (52.09, math.inf),
    ],
)
def test_points_outside_utrecht_give_none(lat, lon):
    assert buurt_at(lat, lon) is None


def test_point_just_outside_the_outline_snaps_to_nearest_buurt():
    # The westernmost outline vertex is 4.970,52.122 (Haarzuilens en omgeving).
    assert buurt_at(52.122, 4.967).code == "BU03441012"  # ~200 m west
    assert buurt_at(52.122, 4.960) is None  # ~700 m west


def test_buurt_at_accepts_numeric_strings_and_rejects_garbage():
    assert buurt_at("52.0907", "5.1214").code == "BU03440611"
    assert buurt_at("x", 5.1) is None
    assert buurt_at(None, None) is None


def test_distance():
    assert distance_m(52.09, 5.12, 52.09, 5.12) == 0
    # Domtoren to Utrecht Centraal is about 800 m.
    d = distance_m(52.0907, 5.1214, 52.0894, 5.1100)
    assert 750 < d < 850
    assert d == pytest.approx(distance_m(52.0894, 5.1100, 52.0907, 5.1214))
    # One degree of latitude is about 111.2 km.
    assert distance_m(52, 5, 53, 5) == pytest.approx(111_195, rel=1e-3)


def _outline(code, geometry):
    feature = {"properties": {"buurt_code": code}, "geometry": geometry}
    return nb._parse_outline(feature)


def test_polygon_holes_and_multipolygons(monkeypatch):
    """Synthetic outlines: a square with a large hole, and a buurt of two separate parts."""
    square = [[5.0, 52.0], [5.02, 52.0], [5.02, 52.02], [5.0, 52.02], [5.0, 52.0]]
    hole = [[5.004, 52.004], [5.016, 52.004], [5.016, 52.016], [5.004, 52.016], [5.004, 52.004]]
    part_a = [[5.1, 52.0], [5.11, 52.0], [5.11, 52.01], [5.1, 52.0]]
    part_b = [[5.2, 52.0], [5.21, 52.0], [5.21, 52.01], [5.2, 52.0]]
    outlines = (
        _outline("BU03440111", {"type": "Polygon", "coordinates": [square, hole]}),
        _outline("BU03440112", {"type": "MultiPolygon", "coordinates": [[part_a], [part_b]]}),
    )
    monkeypatch.setattr(nb, "_outlines", lambda: outlines)

    assert buurt_at(52.002, 5.002).code == "BU03440111"
    assert buurt_at(52.010, 5.010) is None  # middle of the hole, >400 m from its edge
    assert buurt_at(52.005, 5.005).code == "BU03440111"  # in the hole, near its edge
    assert buurt_at(52.002, 5.108).code == "BU03440112"
    assert buurt_at(52.002, 5.208).code == "BU03440112"
    assert buurt_at(52.006, 5.104).code == "BU03440112"  # ~120 m off part a's diagonal
    assert buurt_at(52.005, 5.15) is None  # between the parts, ~2.7 km away


def test_returned_buurt_is_the_data_object():
    b = buurt_at(52.0907, 5.1214)
    assert isinstance(b, Buurt)
    assert b is buurt_by_code(b.code)
