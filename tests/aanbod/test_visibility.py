"""Which offers a resident sees (aanbod/models/queryset.py), rule by rule, through every page,
feed, list, search, API and export that shows offers. An offer that ended, is a draft, sits
behind a view restriction or only had dated events that have passed shows nowhere; a
temporarily closed one is listed (with its status) but not found by search."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from buurten.models import BuurtPage, WijkPage
from overzicht import coverage
from search import related
from tests.factories import make_offer

pytestmark = pytest.mark.django_db
T = datetime.time

# Rule -> what an editor does to an offer to get there.
RULES = {
    "active": {},
    "ended": {"status": "beeindigd"},
    "closed": {"status": "tijdelijk-gesloten"},
    "draft": {"publish": False},
    "restricted": {},  # a password on the page, below
    "past event": {
        "tijden": [{"date": datetime.date(2025, 3, 1), "opens_at": T(10), "closes_at": T(12)}]
    },
}
LISTED = {"active", "closed"}
SEARCHABLE = {"active"}


@pytest.fixture
def offers():
    buurt = BuurtPage.objects.get(title="Oog in Al")
    made = {}
    for rule, fields in RULES.items():
        fields = {"tijden": [{"weekday": 1, "opens_at": T(10), "closes_at": T(12)}], **fields}
        made[rule] = make_offer(
            buurt, title=f"Zwaluwcafé {rule}", needs=("ontmoeting", "eenzaamheid"), **fields
        )
    PageViewRestriction.objects.create(
        page=made["restricted"], restriction_type="password", password="geheim"
    )
    return made


def shown_in_html(client, url, offers, **params) -> set[str]:
    html = client.get(url, params).content.decode()
    return {rule for rule, offer in offers.items() if f"Zwaluwcafé {rule}" in html}


def buurt_page(client, offers):
    return shown_in_html(client, BuurtPage.objects.get(title="Oog in Al").url, offers)


def wijk_page(client, offers):
    return shown_in_html(client, WijkPage.objects.get(slug="west").url, offers)


def theme_page(client, offers):
    return shown_in_html(client, "/thema/ontmoeting/", offers, wijk="west")


def shortlist(client, offers):
    ids = ",".join(str(o.pk) for o in offers.values())
    return shown_in_html(client, "/lijst/", offers, ids=ids)


def offer_feeds(client, offers):
    return {
        rule
        for rule, offer in offers.items()
        if client.get(f"/aanbod/{offer.pk}/agenda.ics").status_code == 200
    }


def buurt_feed(client, offers):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    body = client.get(f"/aanbod/gebied/{buurt.pk}/agenda.ics").content.decode()
    return {rule for rule in offers if f"Zwaluwcafé {rule}" in body}


def hsds_api(client, offers):
    data = client.get("/api/v1/hsds/services", {"per_page": 200}).json()
    names = {s["name"] for s in data["contents"]}
    return {rule for rule in offers if f"Zwaluwcafé {rule}" in names}


def hsds_export(client, offers):
    out = StringIO()
    call_command("export_hsds", "-", stdout=out)
    names = {s["name"] for s in json.loads(out.getvalue())["services"]}
    return {rule for rule in offers if f"Zwaluwcafé {rule}" in names}


def search_api(client, offers):
    buurt = BuurtPage.objects.get(title="Oog in Al")
    data = client.get(
        "/api/v1/zoeken", {"hulpvraag": "eenzaamheid", "buurt": buurt.cbs_code}
    ).json()
    titles = {r["title"] for r in data["results"]}
    return {rule for rule in offers if f"Zwaluwcafé {rule}" in titles}


def search_page(client, offers):
    return shown_in_html(client, "/zoeken/", offers, q="zwaluwcafé")


LISTED_CONSUMERS = [
    buurt_page,
    wijk_page,
    theme_page,
    shortlist,
    offer_feeds,
    buurt_feed,
    hsds_api,
    hsds_export,
]
SEARCH_CONSUMERS = [search_api, search_page]


@pytest.mark.parametrize("consumer", LISTED_CONSUMERS, ids=lambda f: f.__name__)
def test_lists_feeds_api_and_export_show_the_listed_offers(client, offers, consumer):
    assert consumer(client, offers) == LISTED


@pytest.mark.parametrize("consumer", SEARCH_CONSUMERS, ids=lambda f: f.__name__)
def test_search_finds_only_active_listed_offers(client, offers, consumer):
    assert consumer(client, offers) == SEARCHABLE


def test_the_overview_counts_only_searchable_offers(offers):
    counted = coverage._counts({WijkPage.objects.get(slug="west").path: "west"})
    assert counted[("eenzaamheid", "west")] == 1


def test_the_needs_that_go_together_count_only_searchable_offers(offers):
    # Six offers have both needs, but only one is searchable: too few to say they go together.
    related.forget()
    assert "eenzaamheid" not in related._count()


def test_the_offers_own_page_answers_for_visible_offers_only(client, offers):
    status = {rule: client.get(offer.url).status_code for rule, offer in offers.items()}
    assert status["active"] == status["ended"] == status["closed"] == status["past event"] == 200
    assert status["draft"] == 404
    # Wagtail asks for the password instead of showing the page.
    assert "Zwaluwcafé restricted" not in client.get(offers["restricted"].url).content.decode()


def test_a_restriction_added_or_removed_later_reaches_the_lists(client, offers):
    """The restricted sections are kept per process (home.frame): a password put on an offer
    after its buurt page was shown hides it there at once, and taking it off shows it again."""
    assert buurt_page(client, offers) == wijk_page(client, offers) == LISTED
    restriction = PageViewRestriction.objects.create(
        page=offers["active"], restriction_type="password", password="geheim"
    )
    assert buurt_page(client, offers) == wijk_page(client, offers) == {"closed"}
    restriction.delete()
    assert buurt_page(client, offers) == wijk_page(client, offers) == LISTED
