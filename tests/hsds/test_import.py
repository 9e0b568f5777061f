"""Open Referral (HSDS 3.0) import: every field lands, re-import updates in place, placement
by postcode and coordinates, and a bad file changes nothing."""

import copy
import datetime
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from aanbod.models import AanbodPage, Organisatie
from buurten.models import BuurtPage, StedelijkPage
from hsds.dump import dump_services
from hsds.load import load_services
from hsds.parse import HsdsErrors, KnownCodes, parse_services
from inrichting.management.commands.load_demo import DEMO_FILE
from tests.factories import make_offer
from utrecht.postcode import lookup

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "hsds" / "example.json"
PLACE_ID = "54d3d630-fdcc-55da-8926-1bfac28acb8e"
CITY_ID = "76b1d2f3-68d8-5216-928e-9d4f4bfc7223"
LAUWERECHT = (52.1019, 5.1138)  # in Lauwerecht, while PC4 3514's main buurt is Vogelenbuurt


@pytest.fixture
def example():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def run_import(tmp_path, data) -> str:
    path = tmp_path / "aanbod.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_hsds", str(path), stdout=out)
    return out.getvalue()


def offer(source_id) -> AanbodPage:
    return AanbodPage.objects.get(source_id=source_id)


def parent_code(page) -> str:
    parent = page.get_parent().specific
    return getattr(parent, "cbs_code", "stad")


def test_every_field_lands(tmp_path, example):
    output = run_import(tmp_path, example)
    assert "2 nieuw" in output

    page = offer(PLACE_ID)
    assert page.live and page.live_revision_id and not page.has_unpublished_changes
    assert page.title == "Buurtkamer Vogelenbuurt"
    assert page.summary.startswith("Een huiskamer in de buurt.")
    assert page.body == (
        "<p>Er is altijd een vrijwilliger. U hoeft niets te kopen.</p>"
        "<p>Op donderdag eten we samen. Geef u dan vóór woensdag op.</p>"
    )
    assert (page.website, page.email, page.phone) == (
        "https://www.example.org/buurtkamer",
        "buurtkamer@example.org",
        "030 123 4567",
    )
    assert page.status == "actief"
    assert page.last_verified == datetime.date(2026, 1, 15)
    assert page.referral.startswith("Bel of mail Fatima.")
    assert page.eligibility.startswith("Voor iedereen uit de buurt")
    assert (page.contact_name, page.contact_role, page.contact_email, page.contact_phone) == (
        "Fatima",
        "Coördinator",
        "fatima@example.org",
        "06 12345678",
    )
    assert page.languages == ["nl", "ar"]
    assert (page.cost, page.cost_amount) == ("gratis", None)
    assert page.cost_note == "De maaltijd op donderdag kost € 3,50, met U-pas gratis"
    assert page.kind == "ontmoetingsplek"
    assert page.registration == "inloop"
    assert page.registration_note.startswith("Loop gewoon binnen.")
    assert sorted(page.needs.values_list("code", flat=True)) == [
        "eenzaamheid",
        "eten",
        "ontmoeting",
    ]
    assert sorted(page.target_groups.values_list("code", flat=True)) == ["iedereen", "ouderen"]
    assert sorted(page.also_serves.values_list("cbs_code", flat=True)) == [
        "BU03440412",
        "BU03440413",
    ]
    assert (page.rolstoel, page.rolstoel_note) == (True, "Ingang zonder drempel")
    assert (page.toilet, page.toilet_note) == (True, "")
    assert page.ringleiding and page.stille_ruimte and page.geleidehond
    assert not page.is_demo
    assert (page.alternate_name, page.alert) == (
        "De Huiskamer",
        "In de kerstvakantie is de buurtkamer dicht.",
    )
    assert page.fees_description.startswith("Koffie en thee zijn gratis.")
    assert page.required_documents == "Uw U-pas, als u gratis wilt eten."
    # a term of another taxonomy is not the site's: it is kept and exported again
    (kept,) = page.hsds_extra["kept"]["attributes"]["inner"]["whole"]
    assert kept["taxonomy_term"]["taxonomy"] == "open-eligibility"

    slots = [
        (t.weekday, t.date, t.opens_at, t.closes_at, t.past_midnight, t.note)
        for t in page.tijden.all()
    ]
    time = datetime.time
    assert slots == [
        (0, None, time(10), time(12, 30), False, "Koffie-ochtend"),
        (3, None, time(10), time(12, 30), False, "Koffie-ochtend"),
        (4, None, time(20), time(0, 30), True, "Spelletjesavond"),
        (None, datetime.date(2026, 12, 12), time(14), time(17), False, "Kerstmarkt"),
    ]
    (plek,) = page.plekken.all()
    assert (plek.source_id, plek.name, plek.address, plek.postcode, plek.city) == (
        "9aa2f9f9-eeec-50ff-a73d-9f03d37a52af",
        "Buurthuis De Leeuw",
        "Voorbeeldstraat 1",
        "3514 AB",
        "Utrecht",
    )
    assert (plek.latitude, plek.longitude, plek.buurt_code) == (52.099, 5.119, "BU03440411")
    assert parent_code(page) == "BU03440411"

    organisatie = page.organisatie
    assert (organisatie.source_id, organisatie.name, organisatie.kind) == (
        "4f1fa197-deb7-5864-913a-398a5f12dbd6",
        "Stichting Buurtkamer (voorbeeld)",
        "bewonersinitiatief",
    )
    assert (organisatie.website, organisatie.email, organisatie.phone) == (
        "https://www.example.org",
        "info@example.org",
        "030 765 4321",
    )

    city = offer(CITY_ID)
    assert city.live and parent_code(city) == "stad"
    assert (city.cost, city.cost_amount, city.cost_note) == ("bedrag", Decimal("5.00"), "Per maand")
    assert city.status == "tijdelijk-gesloten"
    assert (city.kind, city.registration) == ("hulp", "aanmelden")
    assert (
        city.organisatie is None and city.body == "<p>De vrijwilliger belt op een vaste tijd.</p>"
    )
    assert [t.weekday for t in city.tijden.all()] == [0, 1, 2, 3, 4]
    assert (city.minimum_age, city.maximum_age) == (65, None)


def test_imported_offers_are_in_the_search_index(tmp_path, example):
    run_import(tmp_path, example)
    assert list(AanbodPage.objects.live().search("Telefooncirkel")) == [offer(CITY_ID)]


def test_reimport_updates_in_place(tmp_path, example):
    run_import(tmp_path, example)
    page_count, pk = Page.objects.count(), offer(PLACE_ID).pk
    example["services"][0]["name"] = "Buurtkamer De Leeuw"
    example["services"][0]["schedules"] = [
        {"dtstart": "2027-01-05", "opens_at": "10:00", "closes_at": "11:00"}
    ]
    example["services"][0]["attributes"][0]["taxonomy_term"]["code"] = "taal"

    output = run_import(tmp_path, example)

    assert "0 nieuw, 1 bijgewerkt, 1 ongewijzigd" in output
    assert Page.objects.count() == page_count
    page = offer(PLACE_ID)
    assert page.pk == pk and page.title == "Buurtkamer De Leeuw" and page.live
    assert [(t.weekday, t.date) for t in page.tijden.all()] == [(None, datetime.date(2027, 1, 5))]
    assert "taal" in page.needs.values_list("code", flat=True)
    assert Organisatie.objects.filter(source_id="4f1fa197-deb7-5864-913a-398a5f12dbd6").count() == 1


def test_reimport_of_the_same_file_adds_no_revisions(tmp_path, example):
    run_import(tmp_path, example)
    revisions = {page.pk: page.revisions.count() for page in AanbodPage.objects.all()}
    assert "2 ongewijzigd" in run_import(tmp_path, example)
    assert {page.pk: page.revisions.count() for page in AanbodPage.objects.all()} == revisions


def test_page_moves_when_its_postcode_moves_to_another_buurt(tmp_path, example):
    run_import(tmp_path, example)
    pk = offer(PLACE_ID).pk
    location = example["services"][0]["service_at_locations"][0]["location"]
    del location["latitude"], location["longitude"]
    location["addresses"][0]["postal_code"] = "3561 AB"

    run_import(tmp_path, example)

    page = offer(PLACE_ID)
    assert page.pk == pk
    assert parent_code(page) == lookup("3561").buurt.code
    assert page.url_path.startswith(page.get_parent().url_path)
    assert page.plekken.get().buurt_code == lookup("3561").buurt.code


def test_moved_page_gets_a_free_address_in_its_new_buurt(tmp_path, example):
    run_import(tmp_path, example)
    overvecht = BuurtPage.objects.get(cbs_code=lookup("3561").buurt.code)
    make_offer(overvecht, title="Bezet", slug=offer(PLACE_ID).slug)
    location = example["services"][0]["service_at_locations"][0]["location"]
    del location["latitude"], location["longitude"]
    location["addresses"][0]["postal_code"] = "3561 AB"

    run_import(tmp_path, example)

    page = offer(PLACE_ID)
    assert page.get_parent().pk == overvecht.pk and page.slug.endswith("-2")


@pytest.mark.parametrize(
    ("postcode", "coordinates", "buurt"),
    [
        ("3582 AB", None, lookup("3582").buurt.code),  # by postcode
        ("3514 AB", LAUWERECHT, "BU03440412"),  # by coordinates, not PC4 3514's main buurt
        ("3514 AB", None, "BU03440411"),  # the same PC4 without coordinates: its main buurt
    ],
)
def test_placement(tmp_path, example, postcode, coordinates, buurt):
    location = example["services"][0]["service_at_locations"][0]["location"]
    location["addresses"][0]["postal_code"] = postcode
    del location["latitude"], location["longitude"]
    if coordinates:
        location["latitude"], location["longitude"] = coordinates
        assert lookup(postcode).buurt.code != buurt  # the PC4 alone would say another buurt

    run_import(tmp_path, example)

    assert parent_code(offer(PLACE_ID)) == buurt


def test_no_place_or_a_place_outside_utrecht_goes_under_heel_utrecht(tmp_path, example):
    location = example["services"][0]["service_at_locations"][0]["location"]
    del location["latitude"], location["longitude"]
    location["addresses"][0]["postal_code"] = "3431 AA"  # Nieuwegein
    run_import(tmp_path, example)
    stad = StedelijkPage.objects.get()
    assert offer(PLACE_ID).get_parent().pk == stad.pk
    assert offer(CITY_ID).get_parent().pk == stad.pk


def test_an_offer_made_in_the_admin_is_updated_not_copied(tmp_path, example):
    page = make_offer(title="Oude naam")
    service = example["services"][1]
    service["id"] = str(page.translation_key)  # as the export writes it
    run_import(tmp_path, {"services": [service]})
    assert AanbodPage.objects.count() == 1
    page.refresh_from_db()
    assert page.title == "Telefooncirkel"


def test_a_bare_list_is_read_too(tmp_path, example):
    run_import(tmp_path, example["services"])
    assert AanbodPage.objects.count() == 2


# Bad files: the message names the offer and the field, and nothing changes. --------------


def _set(path, value):
    """A change to the example: set the value at a path like [1, "schedules", 0, "opens_at"]."""

    def change(services):
        target = services
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()
_LOC = [0, "service_at_locations", 0, "location"]

BAD = {
    "missing id": (_set([1, "id"], _DELETE), "(zonder id)", "services[1].id"),
    "missing name": (_set([1, "name"], _DELETE), CITY_ID, "services[1].name"),
    "unknown need code": (
        _set([1, "attributes", 0, "taxonomy_term", "code"], "vliegen"),
        CITY_ID,
        "services[1].attributes[0].taxonomy_term.code",
    ),
    "latitude is not a number": (
        _set([*_LOC, "latitude"], "abc"),
        PLACE_ID,
        "services[0].service_at_locations[0].location.latitude",
    ),
    "schedules not a list": (_set([1, "schedules"], "maandag"), CITY_ID, "services[1].schedules"),
    "unknown day": (
        _set([1, "schedules", 0, "byday"], "MO,XX"),
        CITY_ID,
        "services[1].schedules[0].byday",
    ),
    "hour 25": (
        _set([1, "schedules", 0, "opens_at"], "25:00"),
        CITY_ID,
        "services[1].schedules[0].opens_at",
    ),
    "bad date": (_set([1, "assured_date"], "gisteren"), CITY_ID, "services[1].assured_date"),
    "summary too long": (_set([1, "description"], "a" * 301), CITY_ID, "services[1].description"),
    "no language code": (  # ISO 639-3 (nld) is fine: test_import_partner.py
        _set([1, "languages", 0, "code"], "Nederlands"),
        CITY_ID,
        "services[1].languages[0].code",
    ),
    "unknown kind": (
        _set([1, "attributes", 2, "taxonomy_term", "code"], "feest"),
        CITY_ID,
        "services[1].attributes[2].taxonomy_term.code",
    ),
    "unknown buurt": (
        _set([0, "attributes", 7, "taxonomy_term", "code"], "BU99999999"),
        PLACE_ID,
        "services[0].attributes[7].taxonomy_term.code",
    ),
    "bad e-mail": (_set([1, "email"], "niet-een-adres"), CITY_ID, "services[1].email"),
    "bad phone": (
        _set([1, "phones", 0, "number"], "bel me"),
        CITY_ID,
        "services[1].phones[0].number",
    ),
    "bad postcode": (
        _set([*_LOC, "addresses", 0, "postal_code"], "ABCD"),
        PLACE_ID,
        "services[0].service_at_locations[0].location.addresses[0].postal_code",
    ),
    "negative amount": (
        _set([1, "cost_options", 0, "amount"], -5),
        CITY_ID,
        "services[1].cost_options[0].amount",
    ),
    "unknown status": (_set([1, "status"], "open"), CITY_ID, "services[1].status"),
    "duplicate id": (_set([1, "id"], PLACE_ID), PLACE_ID, "services[1].id"),
}


@pytest.fixture
def imported(tmp_path, example):
    """The example is in the database; the test then offers a changed copy."""
    run_import(tmp_path, example)
    return Page.objects.count()


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_a_bad_file_names_the_offer_and_field_and_changes_nothing(
    tmp_path, example, imported, case
):
    change, service_id, path = case
    bad = copy.deepcopy(example)
    bad["services"][0]["name"] = "Deze naam mag er niet komen"  # a valid change, not applied
    change(bad["services"])

    with pytest.raises(CommandError) as raised:
        run_import(tmp_path, bad)

    message = str(raised.value)
    assert service_id in message and path in message, message
    assert "niets veranderd" in message
    assert Page.objects.count() == imported
    assert offer(PLACE_ID).title == "Buurtkamer Vogelenbuurt"


def test_invalid_json_names_the_line_and_changes_nothing(tmp_path, imported):
    with pytest.raises(CommandError) as raised:
        run_import(tmp_path, '{"services": [\n  {"id": "x",}\n]}')
    assert "JSON" in str(raised.value) and "regel 2" in str(raised.value)
    assert Page.objects.count() == imported


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_hsds", str(tmp_path / "weg.json"))


def test_every_error_of_the_file_is_reported_at_once(tmp_path, example):
    example["services"][0]["schedules"][0]["closes_at"] = "9 uur"
    example["services"][1]["languages"][1]["code"] = 12
    with pytest.raises(CommandError) as raised:
        run_import(tmp_path, example)
    message = str(raised.value)
    assert "services[0].schedules[0].closes_at" in message
    assert "services[1].languages[1].code" in message
    assert "2 fouten" in message
    assert not AanbodPage.objects.exists()


# load_demo -------------------------------------------------------------------------------


def test_load_demo_twice_changes_nothing():
    assert DEMO_FILE.exists()
    call_command("load_demo", stdout=StringIO())
    pages = Page.objects.count()
    demo = AanbodPage.objects.filter(is_demo=True)
    assert demo.exists() and demo.count() == AanbodPage.objects.count()
    before = dump_services(AanbodPage.objects.all())
    revisions = sorted(demo.values_list("latest_revision_id", flat=True))

    call_command("load_demo", stdout=StringIO())

    assert Page.objects.count() == pages
    assert dump_services(AanbodPage.objects.all()) == before
    assert sorted(demo.values_list("latest_revision_id", flat=True)) == revisions


def test_a_problem_only_the_model_sees_is_reported_too(example):
    """parse checks everything the model checks; should they ever differ, say it plainly."""
    services = parse_services(example, KnownCodes.from_database())
    services[1].phone = "bel me"
    with pytest.raises(HsdsErrors) as raised:
        load_services(services)
    (error,) = raised.value.errors
    assert (error.service_id, error.path) == (CITY_ID, "services[1] (phone)")
    assert "telefoonnummer" in error.message


# Repeating schedules ------------------------------------------------------------------------


def with_schedules(example, *schedules) -> dict:
    data = copy.deepcopy(example)
    data["services"][1]["schedules"] = list(schedules)
    return data


def test_every_other_week_until_2005_is_not_every_week_forever(client, tmp_path, example):
    biweekly = {
        "freq": "WEEKLY",
        "interval": 2,
        "byday": "TU",
        "dtstart": "2005-01-04",
        "until": "2005-06-28",
        "opens_at": "10:00",
        "closes_at": "11:00",
    }
    run_import(tmp_path, with_schedules(example, biweekly))
    (slot,) = offer(CITY_ID).tijden.all()
    assert (slot.weekday, slot.repeat, slot.interval) == (1, "2-weken", 2)
    assert (slot.valid_from, slot.valid_until) == (
        datetime.date(2005, 1, 4),
        datetime.date(2005, 6, 28),
    )
    assert not AanbodPage.objects.listed().filter(source_id=CITY_ID).exists()  # it has ended
    assert "Om de week op dinsdag" not in client.get(offer(CITY_ID).url).content.decode()


def test_every_other_week_without_a_first_date_is_refused(tmp_path, example, imported):
    biweekly = {"freq": "WEEKLY", "interval": 2, "byday": "TU", "until": "2005-06-28"}
    with pytest.raises(CommandError) as raised:
        run_import(
            tmp_path,
            with_schedules(example, {**biweekly, "opens_at": "10:00", "closes_at": "11:00"}),
        )
    assert "services[1].schedules[0].dtstart" in str(raised.value)
    # what was there stays: every weekday, every week
    assert {(s.repeat, s.valid_until) for s in offer(CITY_ID).tijden.all()} == {("week", None)}


def test_monthly_schedules_are_accepted(tmp_path, example):
    third_thursday = {"freq": "MONTHLY", "byday": "3TH", "opens_at": "19:30", "closes_at": "21:30"}
    last_friday = {"freq": "MONTHLY", "byday": "-1FR", "opens_at": "12:00", "closes_at": "13:00"}
    fifteenth = {"freq": "MONTHLY", "bymonthday": "15", "opens_at": "10:00", "closes_at": "11:00"}
    run_import(tmp_path, with_schedules(example, third_thursday, last_friday, fifteenth))
    slots = list(offer(CITY_ID).tijden.order_by("sort_order"))
    assert [(s.weekday, s.repeat, s.month_day) for s in slots] == [
        (3, "maand-3", None),
        (4, "maand-laatste", None),
        (None, "maand-datum", 15),
    ]
