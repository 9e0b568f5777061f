"""Hypothesis for the forms residents fill in: whatever they type (any Unicode, control
characters, very long text), the page answers with a message, never a server error; text
over the limit is refused with a message that says so."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactie.models import Melding
from redactie.reports.forms import MESSAGE_MAX_LENGTH
from search.text import MAX_CHARS
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Any text, also control characters, lone surrogates excluded (they cannot be sent as UTF-8).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)


def _cleaned(text: str) -> str:
    return text.replace("\x00", "")  # the test client cannot send NUL in a query string


@BOUNDED
@given(query=ANY_TEXT)
def test_any_search_query_gets_a_page(query):
    response = Client().get(reverse("zoeken"), {"q": _cleaned(query)})
    assert response.status_code in (200, 400)


@BOUNDED
@given(postcode=ANY_TEXT)
def test_any_postcode_gets_a_page(home, postcode):
    response = Client().get("/", {"postcode": _cleaned(postcode)})
    assert response.status_code in (200, 302, 400)


@BOUNDED
@given(message=ANY_TEXT, email=st.text(max_size=300))
def test_any_report_is_stored_or_explained(message, email):
    caches["limits"].clear()  # the rate limit is not what this test is about
    offer = _offer()
    response = Client().post(
        reverse("redactie:melding", args=[offer.pk]), {"message": message, "email": email}
    )
    assert response.status_code in (302, 400)


_OFFER = {}


def _offer():
    from aanbod.models import AanbodPage

    pk = _OFFER.get("pk")
    if pk and AanbodPage.objects.filter(pk=pk).exists():
        return AanbodPage.objects.get(pk=pk)
    offer = make_offer(title="Soepmiddag")
    _OFFER["pk"] = offer.pk
    return offer


def test_an_oversized_report_is_refused_with_a_message(client):
    offer = make_offer()
    response = client.post(
        reverse("redactie:melding", args=[offer.pk]), {"message": "x" * (MESSAGE_MAX_LENGTH + 1)}
    )
    assert response.status_code == 400
    assert "Maak hem korter" in response.content.decode()
    assert not Melding.objects.exists()


def test_an_oversized_search_query_is_refused_with_a_message(client):
    response = client.get(reverse("zoeken"), {"q": "koffie " * (MAX_CHARS // 4)})
    assert response.status_code == 400
    assert "Uw zoekvraag is te lang" in response.content.decode()


def test_an_oversized_postcode_is_refused_with_a_message(client, home):
    response = client.get("/", {"postcode": "3582" * 100})
    assert "Dit is geen postcode" in response.content.decode()


def test_a_huge_request_body_is_refused(client):
    offer = make_offer()
    response = client.post(
        reverse("redactie:melding", args=[offer.pk]),
        {"message": "x" * (3 * 1024 * 1024)},
    )
    assert response.status_code in (400, 413)
