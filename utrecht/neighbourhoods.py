"""Utrecht's wijken and buurten (CBS 2024) and which buurt a coordinate lies in.

Pure Python: reads the files in ``utrecht/data`` once and needs no Django settings.
"""

import csv
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# A point outside every outline still belongs to the nearest buurt when it is this
# close: the outlines are generalised to about 100 m.
NEAREST_MAX_M = 300.0

EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True)
class Wijk:
    code: str
    name: str
    slug: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Buurt:
    code: str
    name: str
    slug: str
    wijk_code: str
    subwijk: str
    lat: float
    lon: float


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def _wijken() -> tuple[Wijk, ...]:
    rows = _read_csv("wijken.csv")
    items = (Wijk(r["code"], r["name"], r["slug"], float(r["lat"]), float(r["lon"])) for r in rows)
    return tuple(sorted(items, key=lambda w: w.code))


@cache
def _buurten() -> tuple[Buurt, ...]:
    items = (
        Buurt(
            r["code"],
            r["name"],
            r["slug"],
            r["wijk_code"],
            r["subwijk"],
            float(r["lat"]),
            float(r["lon"]),
        )
        for r in _read_csv("buurten.csv")
    )
    return tuple(sorted(items, key=lambda b: b.code))


@cache
def _wijk_index() -> dict[str, Wijk]:
    return {w.code: w for w in _wijken()}


@cache
def _buurt_index() -> dict[str, Buurt]:
    return {b.code: b for b in _buurten()}


def wijken() -> list[Wijk]:
    """All 10 wijken, in code order."""
    return list(_wijken())


def buurten() -> list[Buurt]:
    """All buurten, in code order (which groups them by wijk)."""
    return list(_buurten())


def wijk_by_code(code: str) -> Wijk | None:
    """The wijk with this CBS code (``WK0344xx``), or None."""
    return _wijk_index().get(code)


def buurt_by_code(code: str) -> Buurt | None:
    """The buurt with this CBS code (``BU0344xxxx``), or None."""
    return _buurt_index().get(code)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


# Geometry: a polygon is a list of rings (exterior first, then holes), a ring a list
# of (lon, lat) points, as in GeoJSON.
Ring = list[tuple[float, float]]
Polygon = list[Ring]


@dataclass(frozen=True)
class _Outline:
    buurt_code: str
    polygons: tuple[Polygon, ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


def _parse_outline(feature: dict) -> _Outline:
    """One GeoJSON feature (Polygon or MultiPolygon) as an _Outline."""
    geometry = feature["geometry"]
    coords = geometry["coordinates"]
    parts = [coords] if geometry["type"] == "Polygon" else coords
    polygons = tuple([[(float(x), float(y)) for x, y, *_ in ring] for ring in p] for p in parts)
    xs = [x for p in polygons for x, _ in p[0]]
    ys = [y for p in polygons for _, y in p[0]]
    bbox = (min(xs), min(ys), max(xs), max(ys))
    return _Outline(feature["properties"]["buurt_code"], polygons, bbox)


@cache
def _outlines() -> tuple[_Outline, ...]:
    with (DATA_DIR / "buurten.geojson").open(encoding="utf-8") as f:
        return tuple(_parse_outline(feature) for feature in json.load(f)["features"])


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    """Ray casting: does a ray from (x, y) to the east cross the ring an odd number of times?"""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def _in_polygon(x: float, y: float, polygon: Polygon) -> bool:
    exterior, *holes = polygon
    return _in_ring(x, y, exterior) and not any(_in_ring(x, y, h) for h in holes)


def _distance_to_outline_m(lat: float, lon: float, outline: _Outline) -> float:
    """Shortest distance from the point to any edge, on a local flat projection."""
    ky = math.radians(1) * EARTH_RADIUS_M
    kx = ky * math.cos(math.radians(lat))
    best = math.inf
    for polygon in outline.polygons:
        for ring in polygon:
            pts = [((x - lon) * kx, (y - lat) * ky) for x, y in ring]
            for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1], strict=True):
                dx, dy = bx - ax, by - ay
                seg = dx * dx + dy * dy
                t = 0.0 if seg == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def buurt_at(lat: float, lon: float) -> Buurt | None:
    """The buurt whose outline contains the point (WGS84).

    A point outside every outline gets the nearest buurt within ``NEAREST_MAX_M``
    (the outlines are generalised); further away, or for invalid input, None.
    """
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -89 < lat < 89):
        return None
    # Only outlines whose bounding box, widened by NEAREST_MAX_M, holds the point.
    dy = math.degrees(NEAREST_MAX_M / EARTH_RADIUS_M)
    dx = dy / math.cos(math.radians(lat))
    near = [
        o
        for o in _outlines()
        if o.bbox[0] - dx <= lon <= o.bbox[2] + dx and o.bbox[1] - dy <= lat <= o.bbox[3] + dy
    ]
    for o in near:
        if any(_in_polygon(lon, lat, p) for p in o.polygons):
            return buurt_by_code(o.buurt_code)
    if not near:
        return None
    distance, code = min((_distance_to_outline_m(lat, lon, o), o.buurt_code) for o in near)
    return buurt_by_code(code) if distance <= NEAREST_MAX_M else None
