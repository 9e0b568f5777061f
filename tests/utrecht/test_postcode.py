"""Postcode normalisation and lookup (no database, no Django settings)."""

import csv

import pytest

from utrecht.neighbourhoods import DATA_DIR, buurt_by_code, wijk_by_code
from utrecht.postcode import PostcodeError, buurt_for_place, lookup, normalise, written

DOMTOREN = (52.0907, 5.1214)
AMSTERDAM = (52.37, 4.89)


def _pc4_rows():
    with (DATA_DIR / "pc4.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3582 AB", "3582AB"),
        ("3582ab", "3582AB"),
        (" 3582AB ", "3582AB"),
        ("3582", "3582"),
        ("3582\u00a0AB", "3582AB"),  # non-breaking space
        ("3582\u202fab", "3582AB"),  # narrow no-break space
        ("\t3 5 8 2 a B\n", "3582AB"),
        ("1012 AB", "1012AB"),  # well-formed, though not in Utrecht
        ("9999 ZZ", "9999ZZ"),
    ],
)
def test_normalise_valid(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", [None, "", " ", "\u00a0", "\t\n "])
def test_normalise_empty(raw):
    with pytest.raises(PostcodeError) as exc:
        normalise(raw)
    assert exc.value.kind == "empty"


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        "35821",
        "358",
        "0123AB",  # never starts with 0
        "3582 A",
        "3582 ABC",
        "AB 3582",
        "3582-AB",
        "3582SA",  # SA, SD and SS are not issued
        "3582 sd",
        "3582SS",
        "3582ß",  # "ß".upper() == "SS"
        "3582ﬀ",  # the ligature upper-cases to "FF"
        "3582\u200bAB",  # zero-width space is not whitespace
        "3582\x00AB",
        "3582AB\x00",
        "3582🏠",
        "🏠",
        "\u202e3582AB",  # right-to-left override
        "٣٥٨٢AB",  # Arabic-Indic digits
        "３５８２ＡＢ",  # full-width
        "3582 AB" + " " * 14,  # longer than 20 characters
        "3" * 1000,
        "3582AB'; DROP TABLE buurt;--",
        "<script>3582AB</script>",
        3582,
    ],
)
def test_normalise_malformed(raw):
    with pytest.raises(PostcodeError) as exc:
        normalise(raw)
    assert exc.value.kind == "malformed"


def test_postcode_error_is_a_value_error():
    with pytest.raises(ValueError, match="outside"):
        lookup("1012 AB")


@pytest.mark.parametrize("raw", ["1012 AB", "1012", "3450", "3456AA", "3500", "3586 AA", "9999"])
def test_lookup_outside_utrecht(raw):
    with pytest.raises(PostcodeError) as exc:
        lookup(raw)
    assert exc.value.kind == "outside"


@pytest.mark.parametrize(("raw", "kind"), [("", "empty"), ("35 82 A", "malformed")])
def test_lookup_passes_on_input_errors(raw, kind):
    with pytest.raises(PostcodeError) as exc:
        lookup(raw)
    assert exc.value.kind == kind


def test_lookup_full_postcode():
    match = lookup(" 3582 ab ")
    assert match.postcode == "3582AB"
    assert match.pc4 == "3582"
    assert match.wijk.name == "Oost"
    assert match.buurt.wijk_code == match.wijk.code
    assert match.approximate is True


@pytest.mark.parametrize(
    ("raw", "wijk_name"),
    [
        ("3512 JE", "Binnenstad"),
        ("3561", "Overvecht"),
        ("3572", "Noordoost"),
        ("3526", "Zuidwest"),
        ("3524", "Zuid"),
        ("3533", "West"),
        ("3553", "Noordwest"),
        ("3543", "Leidsche Rijn"),
        ("3451", "Vleuten-De Meern"),
        ("3546", "Vleuten-De Meern"),
    ],
)
def test_lookup_wijk(raw, wijk_name):
    assert lookup(raw).wijk.name == wijk_name


def test_single_buurt_pc4_is_not_approximate():
    match = lookup("3455")
    assert match.buurt.name == "Haarzuilens en omgeving"
    assert match.approximate is False


def test_pc4_table_covers_the_municipality_consistently():
    rows = _pc4_rows()
    assert len(rows) == 47
    assert len({r["pc4"] for r in rows}) == 47
    for r in rows:
        match = lookup(r["pc4"])
        assert match.wijk == wijk_by_code(r["wijk_code"])
        assert match.buurt == buurt_by_code(r["buurt_code"])
        assert match.buurt.wijk_code == match.wijk.code, r
        assert r["note"], r


def test_every_wijk_has_a_postcode():
    assert {r["wijk_code"] for r in _pc4_rows()} == {f"WK0344{n:02d}" for n in range(1, 11)}


def test_buurt_for_place_prefers_coordinates():
    # 3582 is in Oost, the Domtoren in the Binnenstad: the coordinates win.
    buurt = buurt_for_place("3582 AB", *DOMTOREN)
    assert buurt.code == "BU03440611"
    assert buurt != lookup("3582 AB").buurt


def test_buurt_for_place_falls_back_to_postcode():
    expected = lookup("3582AB").buurt
    assert buurt_for_place("3582AB", *AMSTERDAM) == expected  # coordinates outside Utrecht
    assert buurt_for_place("3582AB", None, None) == expected
    assert buurt_for_place("3582AB", 52.09, None) == expected  # half a coordinate


@pytest.mark.parametrize(
    ("postcode", "lat", "lon"),
    [
        (None, None, None),
        ("", None, None),
        ("1012 AB", None, None),
        ("not a postcode", None, None),
        ("1012 AB", *AMSTERDAM),
        (None, *AMSTERDAM),
    ],
)
def test_buurt_for_place_none(postcode, lat, lon):
    assert buurt_for_place(postcode, lat, lon) is None


def test_buurt_for_place_coordinates_without_postcode():
    assert buurt_for_place(None, *DOMTOREN).code == "BU03440611"
    assert buurt_for_place("not a postcode", *DOMTOREN).code == "BU03440611"


@pytest.mark.parametrize("typed", ["3533 ab", "3533AB", " 3533ab "])
def test_a_postcode_is_shown_as_people_write_it(typed):
    assert lookup(typed).written == "3533 AB"
    assert written(normalise(typed)) == "3533 AB"
    assert written("3533") == "3533"
