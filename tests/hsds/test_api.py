"""The read-only HSDS API: pagination as an HSDS "Page", 400 and 404 as {"error": ...}."""

import json
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from aanbod.models import AanbodPage, Hulpvraag, Organisatie
from hsds.ids import from_source_id, taxonomy_id, term_id
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "hsds" / "example.json"
URL = "/api/v1/hsds/services"


@pytest.fixture
def offers():
    call_command("import_hsds", str(EXAMPLE), stdout=StringIO())
    make_offer(title="Aanbod uit de beheeromgeving")
    return AanbodPage.objects.order_by("title")


def test_first_page(client, offers):
    response = client.get(URL, {"per_page": 2})
    assert response.status_code == 200
    data = response.json()
    assert {key: data[key] for key in data if key != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert [service["name"] for service in data["contents"]] == [
        "Aanbod uit de beheeromgeving",
        "Buurtkamer Vogelenbuurt",
    ]


def test_last_page_and_beyond(client, offers):
    data = client.get(URL, {"per_page": 2, "page": 2}).json()
    assert (data["page_number"], data["first_page"], data["last_page"], data["empty"]) == (
        2,
        False,
        True,
        False,
    )
    assert [service["name"] for service in data["contents"]] == ["Telefooncirkel"]

    beyond = client.get(URL, {"per_page": 2, "page": 9}).json()
    assert beyond["empty"] is True and beyond["contents"] == [] and beyond["last_page"] is True


def test_size_is_the_number_of_items_on_the_page(client, offers):
    data = client.get(URL).json()
    assert (data["size"], data["total_pages"], len(data["contents"])) == (3, 1, 3)
    assert client.get(URL, {"per_page": 2, "page": 2}).json()["size"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page": -1},
        {"page": "abc"},
        {"page": "1.5"},
        {"per_page": 0},
        {"per_page": 201},
        {"per_page": "veel"},
    ],
)
def test_bad_parameters_are_a_400_in_plain_dutch(client, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert isinstance(error, str) and ("page" in error or "per_page" in error)


def test_one_service_by_its_uuid(client, offers):
    imported = offers.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223")
    response = client.get(f"{URL}/{imported.translation_key}")
    assert response.status_code == 200
    assert response.json()["name"] == "Telefooncirkel"
    assert response.json()["id"] == str(from_source_id("76b1d2f3-68d8-5216-928e-9d4f4bfc7223"))

    own = offers.get(title="Aanbod uit de beheeromgeving")
    assert client.get(f"{URL}/{own.translation_key}").json()["id"] == str(own.translation_key)


def test_unknown_service_is_a_404(client, offers):
    response = client.get(f"{URL}/bestaat-niet")
    assert response.status_code == 404
    assert "bestaat-niet" in response.json()["error"]
    assert client.get(f"{URL}/{uuid.uuid4()}").status_code == 404


def test_only_live_public_offers(client, offers):
    offers.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223").unpublish()
    private = offers.get(source_id="54d3d630-fdcc-55da-8926-1bfac28acb8e")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")

    data = client.get(URL).json()

    assert [service["name"] for service in data["contents"]] == ["Aanbod uit de beheeromgeving"]
    assert client.get(f"{URL}/76b1d2f3-68d8-5216-928e-9d4f4bfc7223").status_code == 404
    assert client.get(f"{URL}/54d3d630-fdcc-55da-8926-1bfac28acb8e").status_code == 404


def test_the_api_serves_what_the_export_writes(client, offers):
    out = StringIO()
    call_command("export_hsds", "-", stdout=out)
    exported = {service["id"]: service for service in json.loads(out.getvalue())["services"]}
    listed = {service["id"]: service for service in client.get(URL).json()["contents"]}
    assert listed == exported


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [service["name"] for service in response.json()["contents"]]


def test_filters_narrow_the_list(client, offers):
    telefooncirkel = offers.get(source_id="76b1d2f3-68d8-5216-928e-9d4f4bfc7223")
    need = telefooncirkel.needs.first()
    with_need = names(
        client.get(URL, {"taxonomy_term_id": term_id("buurtwijzer-hulpvraag", need.code)})
    )
    assert "Telefooncirkel" in with_need and len(with_need) < 3
    other = Hulpvraag.objects.exclude(aanbod__isnull=False).first()
    assert (
        names(client.get(URL, {"taxonomy_term_id": term_id("buurtwijzer-hulpvraag", other.code)}))
        == []
    )

    assert names(client.get(URL, {"search": "telefoon"})) == ["Telefooncirkel"]
    organisation = offers.exclude(organisatie=None).first().organisatie
    by_organisation = names(client.get(URL, {"organization_id": str(organisation.hsds_id)}))
    assert by_organisation == sorted(o.title for o in offers.filter(organisatie=organisation))
    assert names(client.get(URL, {"taxonomy_id": taxonomy_id("buurtwijzer-hulpvraag")})) != []
    assert names(client.get(URL, {"modified_after": "2999-01-01T00:00:00Z"})) == []
    assert len(names(client.get(URL, {"modified_after": "2000-01-01T00:00:00+01:00"}))) == 3

    minimal = client.get(URL, {"minimal": "true"}).json()["contents"]
    assert {key for item in minimal for key in item} == {"id", "name", "status", "last_modified"}


@pytest.mark.parametrize(
    "params",
    [
        {"zoek": "koffie"},
        {"taxonomy_term_id": "koffie"},
        {"organization_id": "42"},
        {"modified_after": "gisteren"},
        {"format": "ndjson"},
        {"minimal": "misschien"},
    ],
)
def test_unknown_or_malformed_parameters_are_a_400(client, offers, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_cors_for_get_also_on_errors(client, offers):
    assert client.get(URL)["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"{URL}/bestaat-niet")["Access-Control-Allow-Origin"] == "*"


def test_root_organizations_taxonomies_and_terms(client, offers):
    root = client.get("/api/v1/hsds/").json()
    assert root["version"] == "3.0" and root["openapi_url"].endswith("/api/v1/openapi.json")

    organisations = client.get("/api/v1/hsds/organizations").json()["contents"]
    shared = Organisatie.objects.filter(aanbod__in=AanbodPage.objects.listed()).distinct()
    assert sorted(o["name"] for o in organisations) == sorted(shared.values_list("name", flat=True))
    full = client.get(f"/api/v1/hsds/organizations/{organisations[0]['id']}", {"full_service": "1"})
    assert full.json()["services"]

    taxonomies = client.get("/api/v1/hsds/taxonomies").json()["contents"]
    assert "buurtwijzer-hulpvraag" in [t["name"] for t in taxonomies]
    needs = client.get(
        "/api/v1/hsds/taxonomy_terms",
        {"taxonomy_id": taxonomy_id("buurtwijzer-hulpvraag"), "per_page": 200},
    ).json()
    assert needs["total_items"] == Hulpvraag.objects.count()
    assert all(term["description"] for term in needs["contents"])

    places = client.get("/api/v1/hsds/service_at_locations").json()["contents"]
    assert places and all(p["service"]["id"] and p["location"]["id"] for p in places)
    one = client.get(f"/api/v1/hsds/service_at_locations/{places[0]['id']}")
    assert one.json()["id"] == places[0]["id"]
