"""'Vul uw postcode in' on the home page: a good postcode leads to the buurt page, anything
else stays on the home page with a plain-Dutch message and the form."""

import pytest

from buurten.models import BuurtPage

pytestmark = pytest.mark.django_db


def buurt_at_url(location: str) -> BuurtPage:
    path = location.split("?")[0]
    return next(page for page in BuurtPage.objects.live() if page.url == path)


@pytest.mark.parametrize("typed", ["3582 AB", "3582ab", " 3582AB ", "3582"])
def test_valid_postcode_leads_to_its_buurt(client, typed):
    response = client.get("/", {"postcode": typed})
    assert response.status_code == 302
    buurt = buurt_at_url(response["Location"])
    assert buurt.get_parent().specific.cbs_code == "WK034405"  # 3582 is in Oost
    assert client.get(response["Location"]).status_code == 200


def test_postcode_spanning_buurten_lands_on_its_main_buurt(client):
    response = client.get("/", {"postcode": "3572"})
    assert buurt_at_url(response["Location"]).get_parent().title == "Noordoost"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Vul uw postcode in"),
        ("   ", "Vul uw postcode in"),
        ("abc", "Dit is geen postcode"),
        ("35821", "Dit is geen postcode"),
        ("<script>alert(1)</script>", "Dit is geen postcode"),
        ("3582' OR 1=1 --", "Dit is geen postcode"),
        ("٣٥٨٢", "Dit is geen postcode"),
        ("🏠🏠", "Dit is geen postcode"),
        ("1012 AB", "niet in de gemeente Utrecht"),
        ("9999", "niet in de gemeente Utrecht"),
    ],
)
def test_bad_postcode_stays_on_the_home_page_with_a_message(client, typed, message):
    response = client.get("/", {"postcode": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert "<script>alert(1)</script>" not in html


def test_null_byte_and_huge_input_do_not_break_the_page(client):
    for typed in ["3582\x00AB", "3" * 10_000]:
        response = client.get("/", {"postcode": typed})
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.content.decode()


def test_the_buurt_page_writes_the_postcode_as_people_do():
    from buurten.models import BuurtPage

    page = BuurtPage(title="Oog in Al", cbs_code="BU03440112")
    assert "Postcode 3533 AB ligt in deze buurt" in page.postcode_note("3533ab")
