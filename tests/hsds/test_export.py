"""Open Referral (HSDS 3.0) export: the format, the round trip and a fixed number of queries."""

import datetime
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbod.models import AanbodPage, Organisatie
from buurten.models import BuurtPage
from hsds.dump import dump_services, rich_text_paragraphs
from hsds.ids import from_source_id
from tests.factories import make_offer, make_organisatie

from .official_schema import errors

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "hsds" / "example.json"


def export(tmp_path, name="export.json") -> str:
    path = tmp_path / name
    call_command("export_hsds", str(path), stdout=StringIO())
    return path.read_text(encoding="utf-8")


def import_file(path):
    call_command("import_hsds", str(path), stdout=StringIO())


def admin_offer() -> AanbodPage:
    """An offer as an editor makes it: no source ids, rich text with a heading and a list."""
    organisatie = make_organisatie(name="Buurthuis De Leeuw", kind="vrijwilligersorganisatie")
    return make_offer(
        BuurtPage.objects.get(title="Oog in Al"),
        title="Taalcafé",
        summary="Nederlands oefenen met buren.\n\nElke week.",  # a blank line inside the summary
        body=(
            '<h2>Wat doen we?</h2><p>We praten <b>samen</b> &amp; <a href="https://x.nl">lezen</a>.</p>'
            "<ul><li>koffie</li><li>thee</li></ul>"
        ),
        needs=("taal", "ontmoeting"),
        groups=("nieuwkomers",),
        organisatie=organisatie,
        cost="bedrag",
        cost_amount=Decimal("2.50"),
        cost_note="Met U-pas gratis",
        status="tijdelijk-gesloten",
        registration="verwijzing",
        languages=["nl", "uk"],
        rolstoel=True,
        tijden=[
            {"weekday": 1, "opens_at": datetime.time(19), "closes_at": datetime.time(21)},
            {"weekday": 3, "opens_at": datetime.time(19), "closes_at": datetime.time(21)},
            {
                "weekday": 5,
                "opens_at": datetime.time(22),
                "closes_at": datetime.time(1),
                "past_midnight": True,
            },
        ],
        plekken=[{"name": "De Leeuw", "address": "Leeuwstraat 2", "postcode": "3533AA"}],
    )


def test_export_format(tmp_path):
    import_file(EXAMPLE)
    page = admin_offer()

    text = export(tmp_path)

    assert "Coördinator" in text  # UTF-8, not \u escapes
    assert text.startswith('{\n  "services": [\n')
    services = json.loads(text)["services"]
    assert [s["id"] for s in services] == sorted(
        [
            str(page.translation_key),
            str(from_source_id("54d3d630-fdcc-55da-8926-1bfac28acb8e")),
            str(from_source_id("76b1d2f3-68d8-5216-928e-9d4f4bfc7223")),
        ]
    )
    by_name = {s["name"]: s for s in services}
    own = by_name[page.title]
    assert own["description"] == (
        "Nederlands oefenen met buren.\nElke week.\n\nWat doen we?\n\nWe praten samen & lezen."
        "\n\n- koffie\n\n- thee"
    )
    assert own["status"] == "temporarily closed"
    assert without_ids(own["cost_options"]) == [
        {"option": "Met U-pas gratis", "amount": 2.5, "currency": "EUR"}
    ]
    assert without_ids(own["schedules"]) == [
        {"freq": "WEEKLY", "byday": "TU,TH", "opens_at": "19:00", "closes_at": "21:00"},
        {"freq": "WEEKLY", "byday": "SA", "opens_at": "22:00", "closes_at": "01:00"},
    ]
    organisation = own["organization"]
    assert organisation["id"] == str(page.organisatie.hsds_id)
    assert own["organization_id"] == organisation["id"]
    location = own["service_at_locations"][0]["location"]
    assert location["location_type"] == "physical"
    assert location["addresses"][0]["postal_code"] == "3533 AA"
    assert without_ids(location["accessibility"]) == [{"details": "rolstoel"}]
    terms = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in own["attributes"]
    }
    assert terms == {
        ("buurtwijzer-hulpvraag", "taal"),
        ("buurtwijzer-hulpvraag", "ontmoeting"),
        ("buurtwijzer-doelgroep", "nieuwkomers"),
        ("buurtwijzer-soort", "activiteit"),
        ("buurtwijzer-aanmelding", "verwijzing"),
    }

    city = by_name["Telefooncirkel"]
    assert city["status"] == "temporarily closed"
    assert "service_at_locations" not in city and "organization" not in city
    assert without_ids(city["cost_options"]) == [
        {"option": "Per maand", "amount": 5.0, "currency": "EUR"}
    ]


def without_ids(items: list[dict]) -> list[dict]:
    return [{key: value for key, value in item.items() if key != "id"} for item in items]


def without_last_modified(text: str) -> list[dict]:
    """``last_modified`` is when this database published the offer: a documented change."""
    services = json.loads(text)["services"]
    return [{k: v for k, v in s.items() if k != "last_modified"} for s in services]


def test_export_to_stdout_and_only_live_offers():
    import_file(EXAMPLE)
    make_offer(title="Nog een concept", publish=False)
    out = StringIO()
    call_command("export_hsds", "-", stdout=out)
    names = [service["name"] for service in json.loads(out.getvalue())["services"]]
    assert names == ["Buurtkamer Vogelenbuurt", "Telefooncirkel"]


def test_round_trip_gives_identical_json(tmp_path):
    import_file(EXAMPLE)
    admin_offer()
    make_offer("stad", title="Zonder plek of organisatie", needs=("vervoer",), groups=())
    first = export(tmp_path, "first.json")

    for page in AanbodPage.objects.all():
        page.delete()
    Organisatie.objects.all().delete()
    import_file(tmp_path / "first.json")

    assert without_last_modified(export(tmp_path, "second.json")) == without_last_modified(first)
    # Importing the export into the database it came from changes nothing, not even the time.
    second = export(tmp_path, "second.json")
    import_file(tmp_path / "second.json")
    assert export(tmp_path, "third.json") == second


def _offers(count: int):
    for n in range(count):
        make_offer(
            title=f"Aanbod {n}",
            organisatie=make_organisatie(name=f"Organisatie {n}"),
            needs=("ontmoeting", "taal"),
            groups=("iedereen", "ouderen"),
            tijden=[
                {"weekday": n % 7, "opens_at": datetime.time(9), "closes_at": datetime.time(10)}
            ],
            plekken=[{"address": f"Straat {n}", "postcode": "3514 AB"}],
        )


def _export_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        services = dump_services(AanbodPage.objects.live())
    assert services
    return len(queries)


def test_export_uses_a_fixed_number_of_queries():
    _offers(3)
    three = _export_queries()
    _offers(27)
    assert AanbodPage.objects.count() == 30
    assert _export_queries() == three


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        ("", []),
        ("<p>Een</p><p>Twee &amp; drie</p>", ["Een", "Twee & drie"]),
        ("<p>regel<br/>twee</p>", ["regel", "twee"]),
        ('<h2>Kop</h2><ol><li><a linktype="page" id="3">Link</a></li></ol>', ["Kop", "- Link"]),
        ("<p>  veel \n ruimte </p><p></p>", ["veel ruimte"]),
    ],
)
def test_rich_text_paragraphs(html, paragraphs):
    assert rich_text_paragraphs(html) == paragraphs


SCHEDULE_FIELDS = (
    "weekday",
    "repeat",
    "month_day",
    "valid_from",
    "valid_until",
    "skip_dates",
    "opens_at",
    "closes_at",
)


def test_repeating_times_are_exported_valid_and_read_back_the_same(tmp_path):
    """The third Thursday as "3TH", every other week with its first and last date, the 15th;
    valid against the official schema; importing the export gives the same times."""
    T = datetime.time
    make_offer(
        title="Mantelzorgcafé West",
        tijden=[{"weekday": 3, "repeat": "maand-3", "opens_at": T(19, 30), "closes_at": T(21, 30)}],
    )
    make_offer(
        title="Repair Café",
        tijden=[
            {
                "weekday": 1,
                "repeat": "2-weken",
                "valid_from": datetime.date(2027, 1, 5),
                "valid_until": datetime.date(2027, 6, 29),
                "skip_dates": ["2027-04-27"],
                "opens_at": T(14),
                "closes_at": T(16),
            },
            {"repeat": "maand-datum", "month_day": 15, "opens_at": T(10), "closes_at": T(11)},
        ],
    )
    services = {s["name"]: s for s in json.loads(export(tmp_path))["services"]}
    for service in services.values():
        assert errors(service, "service.json") == [], service["name"]
    (cafe,) = services["Mantelzorgcafé West"]["schedules"]
    assert (cafe["freq"], cafe["byday"], cafe["opens_at"]) == ("MONTHLY", "3TH", "19:30")
    assert "interval" not in cafe and "until" not in cafe
    biweekly, fifteenth = services["Repair Café"]["schedules"]
    assert (biweekly["freq"], biweekly["interval"], biweekly["byday"]) == ("WEEKLY", 2, "TU")
    assert (biweekly["dtstart"], biweekly["valid_from"]) == ("2027-01-05", "2027-01-05")
    assert (biweekly["until"], biweekly["valid_to"]) == ("2027-06-29", "2027-06-29")
    assert "2027-04-27" in biweekly["notes"]
    assert (fifteenth["freq"], fifteenth["bymonthday"]) == ("MONTHLY", "15")

    def times():
        return sorted(
            (
                tuple(getattr(slot, name) for name in SCHEDULE_FIELDS)
                for page in AanbodPage.objects.all()
                for slot in page.tijden.all()
            ),
            key=repr,
        )

    before = times()
    for page in AanbodPage.objects.all():
        page.delete()
    import_file(tmp_path / "export.json")
    assert times() == before
