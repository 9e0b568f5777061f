"""People and places for the tests of roles and rights: a buurt editor of Oog in Al, a
coordinator of wijk West, offers in their buurt, in another buurt of West and in Noordoost."""

import pytest
from django.contrib.auth.models import Group

from buurten.models import BuurtPage, WijkPage
from redactie.roles import ADMINISTRATORS, buurt_group_name, wijk_group_name
from tests.factories import make_offer, person

# Wagtail answers an editor without the right with a redirect to the dashboard and the
# message "Sorry, u heeft geen toestemming..." rather than a bare 403 page.
REFUSED = 302


@pytest.fixture
def places():
    oog_in_al = BuurtPage.objects.get(title="Oog in Al")
    lombok = BuurtPage.objects.get(title="Lombok-West")  # same wijk (West)
    voordorp = BuurtPage.objects.get(title__startswith="Voordorp")  # wijk Noordoost
    return {
        "oog_in_al": oog_in_al,
        "lombok": lombok,
        "voordorp": voordorp,
        "west": WijkPage.objects.get(slug="west"),
        "own": make_offer(oog_in_al, title="Koffie in Oog in Al"),
        "same_wijk": make_offer(lombok, title="Koffie in Lombok"),
        "elsewhere": make_offer(voordorp, title="Koffie in Voordorp"),
    }


@pytest.fixture
def editor(places):
    return person("bewoner", Group.objects.get(name=buurt_group_name(places["oog_in_al"])))


@pytest.fixture
def coordinator(places):
    return person("coordinator", Group.objects.get(name=wijk_group_name(places["west"])))


@pytest.fixture
def beheerder(db):
    return person("beheerder", Group.objects.get(name=ADMINISTRATORS))
