"""Import that a partner can live with: ordinary HSDS 3.0 (the official example included) is
accepted, every field is accounted for, nothing is dropped silently, and re-exported it comes
back as sent, apart from the documented changes (hsds/README.md, "What an import keeps")."""

import copy
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from aanbod.models import AanbodPage
from hsds.dump import dump_service, dump_services

from .official_schema import errors

pytestmark = pytest.mark.django_db

OFFICIAL = (
    Path(__file__).resolve().parents[2] / "hsds" / "schema" / "examples" / "service_full.json"
)
EXAMPLE = Path(__file__).resolve().parents[2] / "hsds" / "example.json"
OFFICIAL_LIST = OFFICIAL.with_name("service_list.json")
OFFICIAL_ID = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def official():
    return json.loads(OFFICIAL.read_text(encoding="utf-8"))


@pytest.fixture
def example():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def run_import(tmp_path, data, *args) -> str:
    path = tmp_path / "partner.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = StringIO()
    call_command("import_hsds", str(path), *args, stdout=out)
    return out.getvalue()


def official_offer() -> AanbodPage:
    return AanbodPage.objects.get(translation_key=OFFICIAL_ID)


def test_the_official_example_imports_with_a_report_per_field(tmp_path, official):
    output = run_import(tmp_path, official)

    assert "Klaar: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd." in output
    assert f"service 'Community Counselling' ({OFFICIAL_ID}): nieuw" in output
    page = official_offer()
    assert page.live and page.title == "Community Counselling"
    assert page.alternate_name == "MyCity Counselling Services"
    assert page.fees_description.startswith("Non-NHS patients are expected to pay")
    assert page.alert.startswith("Following COVID-19")
    assert (page.minimum_age, page.maximum_age) == (12, 100)
    assert page.required_documents.startswith("Any official identification document")
    assert page.languages == ["ur"]
    assert page.cost == "bedrag" and page.cost_amount is None  # in pounds: not shown as euro
    assert page.cost_note == "Under 18s and Over 60s"
    assert page.phone == "" and page.contact_name == "Ann Persona"
    assert not page.plekken.exists()  # the place is in the US: not on the map of Utrecht
    assert [(t.weekday, t.opens_at.hour) for t in page.tijden.all()] == [(3, 10), (4, 10)]

    # what the site could not show is said, per field
    assert "let op: service.phones[0].number:" in output and "buitenland" in output
    assert "service.service_at_locations[0].location.addresses[0].country" in output
    assert "service.schedules[0].count" in output
    assert "service.cost_options[0].currency" in output
    assert "geen hulpvraag" in output
    assert "bewaard, niet getoond: service_areas" in output
    assert "bewaard, niet getoond: schedules[0].byweekno" in output
    assert "weggelaten: last_modified" in output
    assert 'veranderd: schedules[0].opens_at: "10:00:00" → "10:00"' in output


def test_the_official_example_comes_back_as_sent_apart_from_documented_changes(tmp_path, official):
    run_import(tmp_path, official)
    # dumped directly: its one time (2005-01-01) is over, so residents (and the export) no
    # longer see it
    (exported,) = dump_services(AanbodPage.objects.all())
    assert errors(exported, "service.json") == []

    # The documented changes (hsds/README.md), and only these:
    assert exported.pop("last_modified") != official.pop("last_modified")
    assert exported.pop("organization_id") == official["organization"]["id"]  # added
    assert exported["description"] == official["description"].strip()
    exported["description"] = official["description"]
    for schedule in exported["schedules"]:
        assert (schedule["opens_at"], schedule["closes_at"]) == ("10:00", "18:00")
        schedule["opens_at"], schedule["closes_at"] = "10:00:00", "18:00:00"
    # the site's own ids for the parts it takes over
    for name in ("schedules", "languages", "contacts", "cost_options", "required_documents"):
        for mine, theirs in zip(exported[name], official[name], strict=True):
            assert mine.pop("id") != theirs.pop("id")
    # the site's taxonomies: its kind of offer, and the organisation's kind (how to join is
    # not known, so it is not written)
    ours = [a for a in exported["attributes"] if a["taxonomy_term"]["taxonomy"] != "taxonomy"]
    assert {a["taxonomy_term"]["taxonomy"] for a in ours} == {"buurtwijzer-soort"}
    exported["attributes"] = [a for a in exported["attributes"] if a not in ours]
    organisation_kind = exported["organization"].pop("attributes")
    assert organisation_kind[0]["taxonomy_term"]["taxonomy"] == "buurtwijzer-organisatiesoort"

    assert exported == official


def test_importing_the_official_example_again_changes_nothing(tmp_path, official):
    run_import(tmp_path, official)
    revisions = official_offer().revisions.count()
    assert "1 ongewijzigd" in run_import(tmp_path, official)
    assert official_offer().revisions.count() == revisions


def test_what_was_kept_is_not_sent_once_an_editor_changed_that_part(tmp_path, official):
    run_import(tmp_path, official)
    page = official_offer()
    slot = page.tijden.first()
    slot.opens_at = slot.opens_at.replace(hour=9)
    slot.save()

    schedule = dump_service(AanbodPage.objects.get(pk=page.pk))["schedules"][0]
    assert "byweekno" not in schedule and "count" not in schedule
    assert schedule["opens_at"] == "09:00"
    assert "service_areas" in dump_service(page)  # the rest is still sent


@pytest.mark.parametrize("shape", ["single", "list", "services", "contents"])
def test_every_ordinary_shape_of_a_file_is_read(tmp_path, example, shape):
    services = example["services"]
    data = {
        "single": services[1],
        "list": services,
        "services": {"services": services},
        "contents": {"total_items": 2, "page_number": 1, "contents": services},
    }[shape]
    output = run_import(tmp_path, data)
    assert AanbodPage.objects.count() == (1 if shape == "single" else 2), output


def test_valid_only_imports_the_good_ones_and_says_why_the_others_are_refused(tmp_path, example):
    bad = copy.deepcopy(example)
    bad["services"][1]["schedules"][0]["opens_at"] = "25:00"

    with pytest.raises(CommandError) as raised:
        run_import(tmp_path, bad)
    message = str(raised.value)
    assert "niets veranderd" in message and "--valid-only" in message
    assert "services[1] 'Telefooncirkel'" in message and "geweigerd" in message
    assert "services[0] 'Buurtkamer Vogelenbuurt'" in message and "niet ingelezen" in message
    assert not AanbodPage.objects.exists()

    output = run_import(tmp_path, bad, "--valid-only")
    assert "1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 geweigerd" in output
    assert "services[1] 'Telefooncirkel'" in output and "opens_at" in output
    assert list(AanbodPage.objects.values_list("title", flat=True)) == ["Buurtkamer Vogelenbuurt"]


@pytest.mark.parametrize(
    ("code", "stored"),
    [("nld", "nl"), ("ara", "ar"), ("ukr", "uk"), ("eng", "en"), ("sgn", "sgn"), ("en", "en")],
)
def test_iso_639_3_language_codes_map_to_the_sites_languages(tmp_path, example, code, stored):
    example["services"][1]["languages"] = [{"code": code}]
    run_import(tmp_path, example)
    assert AanbodPage.objects.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223").languages == [
        stored
    ]


def test_an_unknown_language_is_kept_with_a_warning(tmp_path, example):
    example["services"][1]["languages"] = [{"code": "nl"}, {"code": "xyz", "name": "Xyz"}]
    output = run_import(tmp_path, example)
    page = AanbodPage.objects.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223")
    assert page.languages == ["nl"]
    assert "services[1].languages[1].code" in output and "niet kennen" in output
    languages = dump_service(page)["languages"]
    assert [language["code"] for language in languages] == ["nl", "xyz"]


def test_a_virtual_location_is_kept_with_a_warning(tmp_path, example):
    online = {"id": "c4b7a3d2-1111-4e5f-9a6b-0c1d2e3f4a5b", "location_type": "virtual"}
    online["name"] = "Online spreekuur"
    example["services"][0]["service_at_locations"].append({"location": online})
    output = run_import(tmp_path, example)
    page = AanbodPage.objects.get(source_id="54d3d630-fdcc-55da-8926-1bfac28acb8e")
    assert page.plekken.count() == 1
    assert "location_type" in output and "online" in output
    places = [s["location"] for s in dump_service(page)["service_at_locations"]]
    assert places[-1] == online


def test_international_and_dutch_international_phone_numbers(tmp_path, example):
    example["services"][1]["phones"] = [{"number": "+31 30 123 4567"}]
    example["services"][0]["phones"] = [{"number": "+44 1234 234567", "extension": 100}]
    output = run_import(tmp_path, example)
    assert (
        AanbodPage.objects.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223").phone
        == "+31 30 123 4567"
    )
    buurtkamer = AanbodPage.objects.get(source_id="54d3d630-fdcc-55da-8926-1bfac28acb8e")
    assert buurtkamer.phone == ""
    assert "services[0].phones[0].number" in output
    assert dump_service(buurtkamer)["phones"] == [{"number": "+44 1234 234567", "extension": 100}]


def test_a_file_without_any_need_is_imported_with_a_warning(tmp_path, example):
    example["services"][1]["attributes"] = []
    output = run_import(tmp_path, example)
    assert "2 nieuw" in output and "geen hulpvraag" in output
    assert not AanbodPage.objects.get(
        source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223"
    ).needs.exists()


def test_the_offer_page_shows_what_partners_send_in_plain_words(client, tmp_path, example):
    run_import(tmp_path, example)
    buurtkamer = AanbodPage.objects.get(source_id="54d3d630-fdcc-55da-8926-1bfac28acb8e")
    html = client.get(buurtkamer.url).content.decode()
    assert "Ook bekend als: <span>De Huiskamer</span>" in html
    assert (
        "<strong>Let op:</strong> <span>In de kerstvakantie is de buurtkamer dicht.</span>" in html
    )
    assert "Voor de maaltijd op donderdag betaalt u € 3,50." in html
    assert "Neem dit mee:" in html and "Uw U-pas, als u gratis wilt eten.</li>" in html
    assert "Leeftijd" not in html  # the partner gave no age: nothing is said about it

    telefooncirkel = AanbodPage.objects.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223")
    url = telefooncirkel.url
    assert "Leeftijd: vanaf 65 jaar." in client.get(url).content.decode()
    assert "Age: from 65 years." in client.get("/en" + url).content.decode()
    telefooncirkel.maximum_age = 99
    telefooncirkel.save()
    assert "Leeftijd: van 65 tot en met 99 jaar." in client.get(url).content.decode()


def test_editors_edit_the_new_fields_and_what_was_kept_survives_their_revisions(
    admin_client, tmp_path, official
):
    run_import(tmp_path, official)
    page = official_offer()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for name in ("alternate_name", "alert", "fees_description", "required_documents"):
        assert f'name="{name}' in html, name
    for name in ("minimum_age", "maximum_age"):
        assert f'name="{name}"' in html, name
    assert "hsds_extra" not in html  # kept for partners, not something to edit

    draft = page.get_latest_revision_as_object()
    draft.alternate_name = "Counselling"
    draft.save_revision().publish()
    page = official_offer()
    assert page.alternate_name == "Counselling" and "service_areas" in page.hsds_extra["kept"]
    assert dump_service(page)["service_areas"] == official["service_areas"]


def test_an_age_range_that_ends_before_it_starts_is_refused(tmp_path, example):
    example["services"][1]["maximum_age"] = 12
    with pytest.raises(CommandError) as raised:
        run_import(tmp_path, example)
    assert "services[1].maximum_age" in str(raised.value)
    page = AanbodPage(minimum_age=65, maximum_age=12)
    with pytest.raises(ValidationError) as invalid:
        page.clean()
    assert "De oudste leeftijd is lager dan de jongste." in str(invalid.value)


def test_how_to_join_is_not_presented_as_a_fact_when_the_partner_did_not_say(
    client, tmp_path, example
):
    service = example["services"][1]
    service["attributes"] = [
        a
        for a in service["attributes"]
        if a["taxonomy_term"]["taxonomy"] != "buurtwijzer-aanmelding"
    ]
    run_import(tmp_path, example)
    page = AanbodPage.objects.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223")
    assert page.registration == ""
    html = client.get(page.url).content.decode()
    assert "<strong>Vraag of u zich eerst moet aanmelden.</strong>" in html
    assert "U kunt zo binnenlopen" not in html and "Eerst aanmelden" not in html
    taxonomies = {a["taxonomy_term"]["taxonomy"] for a in dump_service(page)["attributes"]}
    assert "buurtwijzer-aanmelding" not in taxonomies
    assert "1 ongewijzigd" in run_import(tmp_path, {"services": [service]})


def test_the_official_page_of_services_imports(tmp_path):
    """What another HSDS API answers at /services: a Page with "contents"."""
    page = json.loads(OFFICIAL_LIST.read_text(encoding="utf-8"))
    output = run_import(tmp_path, page)
    assert "contents[0] 'Community Counselling'" in output and "1 nieuw" in output
    assert "veranderd: description: alleen spaties en witregels" in output
    assert "bewaard, niet getoond: organization.year_incorporated" in output
    assert official_offer().hsds_extra["kept"]["organization"]["inner"]["year_incorporated"]
