"""Every record the site gives partners is valid against the official HSDS 3.0 schemas."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import make_offer

from .official_schema import errors, response_errors

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "hsds" / "example.json"
DEMO = Path(__file__).resolve().parents[2] / "inrichting" / "demo" / "demo_hsds.json"
API = "/api/v1/hsds"


def export() -> list[dict]:
    out = StringIO()
    call_command("export_hsds", "-", stdout=out)
    return json.loads(out.getvalue())["services"]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())
    make_offer(title="Aanbod uit de beheeromgeving")


def test_every_demo_service_the_export_and_every_api_endpoint_validate(client, demo):
    """One test, so the demo (75 offers) is loaded once."""
    services = export()
    assert len(services) > 70
    problems = {service["name"]: errors(service, "service.json") for service in services}
    assert {name: found for name, found in problems.items() if found} == {}
    check_api(client)

    call_command("load_demo", stdout=StringIO())
    assert export() == services, "ids and content stay the same when the demo is loaded again"


def test_the_example_file_validates():
    services = json.loads(EXAMPLE.read_text())["services"]
    assert {s["id"]: errors(s, "service.json") for s in services if errors(s, "service.json")} == {}


def check_api(client):
    checked = 0
    for path in (
        "/",
        "/services",
        "/organizations",
        "/taxonomies",
        "/taxonomy_terms",
        "/service_at_locations",
    ):
        response = client.get(f"{API}{path}", {"per_page": 200} if path != "/" else {})
        assert response.status_code == 200, path
        data = response.json()
        assert response_errors(data, path) == [], path
        checked += 1
        if path == "/":
            continue
        assert data["size"] == len(data["contents"]) > 0, path
        single = {
            "/services": "service.json",
            "/organizations": "organization.json",
            "/taxonomies": "taxonomy.json",
            "/taxonomy_terms": "taxonomy_term.json",
            "/service_at_locations": "service_at_location.json",
        }[path]
        for item in data["contents"][:5]:
            one = client.get(f"{API}{path}/{item['id']}")
            assert one.status_code == 200, (path, item["id"])
            assert (
                one.json() == item
                if path != "/service_at_locations"
                else one.json()["id"] == item["id"]
            )
            assert errors(one.json(), single) == [], (path, item["id"])
    full = client.get(f"{API}/organizations", {"full_service": "true"}).json()
    assert response_errors(full, "/organizations") == []
    assert all(errors(s, "service.json") == [] for o in full["contents"] for s in o["services"])
    assert checked == 6
