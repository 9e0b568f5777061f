"""The read-only HSDS API: pagination as an HSDS "Page", 400 and 404 as {"error": ...}."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from aanbod.models import AanbodPage
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


def test_default_page_size(client, offers):
    data = client.get(URL).json()
    assert (data["size"], data["total_pages"], len(data["contents"])) == (50, 1, 3)


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


def test_one_service(client, offers):
    response = client.get(f"{URL}/voorbeeld-telefooncirkel")
    assert response.status_code == 200
    assert response.json()["name"] == "Telefooncirkel"

    own = offers.get(title="Aanbod uit de beheeromgeving")
    assert client.get(f"{URL}/buurtwijzer-{own.pk}").json()["id"] == f"buurtwijzer-{own.pk}"


def test_unknown_service_is_a_404(client, offers):
    response = client.get(f"{URL}/bestaat-niet")
    assert response.status_code == 404
    assert "bestaat-niet" in response.json()["error"]


def test_only_live_public_offers(client, offers):
    offers.get(source_id="voorbeeld-telefooncirkel").unpublish()
    private = offers.get(source_id="voorbeeld-buurtkamer-vogelenbuurt")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")

    data = client.get(URL).json()

    assert [service["name"] for service in data["contents"]] == ["Aanbod uit de beheeromgeving"]
    assert client.get(f"{URL}/voorbeeld-telefooncirkel").status_code == 404
    assert client.get(f"{URL}/voorbeeld-buurtkamer-vogelenbuurt").status_code == 404


def test_the_api_serves_what_the_export_writes(client, offers):
    out = StringIO()
    call_command("export_hsds", "-", stdout=out)
    exported = {service["id"]: service for service in json.loads(out.getvalue())["services"]}
    listed = {service["id"]: service for service in client.get(URL).json()["contents"]}
    assert listed == exported
