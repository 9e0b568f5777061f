"""GET /api/v1/zoeken: the answer's shape, 400 in plain Dutch for what cannot be used, and
never a 500, whatever comes in."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buurten.models import BuurtPage
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

URL = "/api/v1/zoeken"
PARAMS = [
    "q",
    "postcode",
    "buurt",
    "wijk",
    "hulpvraag",
    "doelgroep",
    "gratis",
    "inloop",
    "rolstoel",
    "dag",
    "spreekt",
    "taal",
    "zonder",
    "pagina",
]


@pytest.fixture
def offer(db):
    return make_offer(
        BuurtPage.objects.get(title="Oog in Al"),
        title="Open huiskamer",
        summary="Koffie voor wie alleen is.",
        needs=("eenzaamheid", "ontmoeting"),
        groups=("ouderen",),
        source_id="demo-9999",
        plekken=[
            {
                "address": "Palestrinastraat 1",
                "postcode": "3533EH",
                "latitude": 52.08706,
                "longitude": 5.08772,
            }
        ],
        tijden=[{"weekday": 1, "opens_at": datetime.time(10), "closes_at": datetime.time(12)}],
    )


def test_answer_shape(client, offer):
    data = client.get(URL, {"q": "eenzaam", "postcode": "3533 eh"}).json()
    assert {"query", "interpreted_needs", "location", "total", "page", "results", "facets"} <= set(
        data
    )
    assert data["query"] == "eenzaam"
    assert data["interpreted_needs"][0] == {"code": "eenzaamheid", "label": "Ik voel me alleen"}
    assert data["location"] == {
        "postcode": "3533EH",
        "buurt": {"code": "BU03440112", "name": "Oog in Al"},
        "wijk": {"code": "WK034401", "name": "West"},
    }
    assert (data["total"], data["page"]) == (1, 1)
    result = data["results"][0]
    assert set(result) == {
        "id",
        "hsds_id",
        "title",
        "url",
        "summary",
        "title_lang",
        "summary_lang",
        "needs",
        "target_groups",
        "buurt",
        "wijk",
        "distance_m",
        "open_today",
    }
    assert result["id"] == offer.pk and result["hsds_id"] == "demo-9999"
    assert result["url"] == f"http://testserver{offer.url}"
    assert result["target_groups"] == [{"code": "ouderen", "label": "Ouderen"}]
    assert result["distance_m"] < 200
    assert set(data["facets"]) == {"hulpvraag", "wijk", "doelgroep"}
    assert {"code": "WK034401", "label": "West", "count": 1} in data["facets"]["wijk"]


def test_no_location_is_null(client, offer):
    data = client.get(URL, {"q": "eenzaam"}).json()
    assert data["location"] is None and data["results"][0]["distance_m"] is None


def test_labels_in_the_asked_language(client, offer, translated_needs):
    data = client.get(URL, {"q": "lonely", "taal": "en"}).json()
    assert data["interpreted_needs"][0] == {"code": "eenzaamheid", "label": "I feel alone"}
    assert {"code": "eenzaamheid", "label": "I feel alone"} in data["results"][0]["needs"]


def test_lenient_where_it_is_clear(client, offer):
    for params in (
        {"buurt": "bu03440112"},
        {"dag": "DI"},
        {"hulpvraag": "eenzaamheid,ontmoeting"},
        {"hulpvraag": ["eenzaamheid", "taal"]},
        {"gratis": "ja", "q": ""},
    ):
        assert client.get(URL, params).json()["total"] == 1, params


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"pagina": "0"}, "1 of hoger"),
        ({"pagina": "abc"}, "heel getal"),
        ({"pagina": "100000"}, "hoogstens"),
        ({"dag": "maandag1"}, "ma, di, wo"),
        ({"buurt": "BU999"}, "buurt kennen we niet"),
        ({"wijk": "Noord"}, "wijk kennen we niet"),
        ({"postcode": "abc"}, "geen postcode"),
        ({"postcode": "1011 AB"}, "niet in de gemeente Utrecht"),
        ({"hulpvraag": "onbekend"}, "onderwerp kennen we niet"),
        ({"doelgroep": "marsmannetjes"}, "groep kennen we niet"),
        ({"gratis": "misschien"}, "ja of nee"),
        ({"spreekt": "123"}, "taalcode"),
        ({"taal": "xx"}, "taal kennen we niet"),
        ({"q": "a" * 201}, "te lang"),
    ],
)
def test_bad_parameters_get_400_in_plain_dutch(client, params, says):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert says in response.json()["error"]
    assert list(params)[0] in response.json()["error"]


def test_documented_in_openapi(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/zoeken"]["get"]
    assert {p["name"] for p in operation["parameters"]} == set(PARAMS)
    assert "400" in operation["responses"]


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=50),
    st.sampled_from(
        ["", " ", "\x00", "<b>x</b>", "' OR 1=1 --", "‮", "🙂", "x" * 100_000, "NaN", "-1"]
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.sampled_from(PARAMS), value=HOSTILE, q=HOSTILE)
def test_never_a_500(client, name, value, q):
    response = client.get(URL, {"q": q, name: value})
    assert response.status_code in (200, 400)
    data = response.json()
    assert ("error" in data) if response.status_code == 400 else ("results" in data)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200))
def test_raw_query_strings_never_a_500(client, raw):
    response = client.get(f"{URL}?{raw.decode('latin-1')}")
    assert response.status_code in (200, 400)
