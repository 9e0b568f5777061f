import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from aanbod.models import Doelgroep, Hulpvraag
from buurten.models import BuurtPage, StedelijkPage, WijkPage
from home.models import HomePage, StandardPage, ThemaPage
from tests.inrichting import demo_rules as design_codes

DATA = Path(__file__).resolve().parents[2] / "utrecht" / "data"
# The need and target group codes, written down once in the demo check (docs/architecture.md, "Codes").
NEED_CODES = set(design_codes.NEED_CODES)
TARGET_GROUP_CODES = set(design_codes.TARGET_GROUP_CODES)

pytestmark = pytest.mark.django_db


def tree_snapshot():
    return sorted(Page.objects.values_list("url_path", "content_type__model", "live"))


def test_home_page_is_the_default_site_root(home):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert not Page.objects.filter(title__icontains="Welcome").exists()


def test_every_wijk_and_buurt_has_a_page_with_its_cbs_code(home):
    with open(DATA / "buurten.csv", encoding="utf-8") as handle:
        expected = {row["code"]: row for row in csv.DictReader(handle)}
    wijken = WijkPage.objects.child_of(home).live()
    assert wijken.count() == 10
    assert set(wijken.values_list("title", flat=True)) >= {
        "Noordoost",
        "Vleuten-De Meern",
        "Zuidwest",
    }
    buurten = {page.cbs_code: page for page in BuurtPage.objects.live()}
    assert set(buurten) == set(expected)
    assert len(buurten) == 111
    for code, page in buurten.items():
        assert page.title == expected[code]["name"]
        assert page.get_parent().specific.cbs_code == expected[code]["wijk_code"]


def test_known_buurt_urls(client):
    voordorp = BuurtPage.objects.get(title__startswith="Voordorp")
    assert voordorp.url.startswith("/noordoost/voordorp")
    assert client.get(voordorp.url).status_code == 200


def test_themes_standard_pages_and_heel_utrecht(home):
    assert set(Hulpvraag.objects.values_list("code", flat=True)) == NEED_CODES
    assert set(Doelgroep.objects.values_list("code", flat=True)) == TARGET_GROUP_CODES
    themes = ThemaPage.objects.live()
    assert {t.hulpvraag.code for t in themes} == NEED_CODES
    assert ThemaPage.objects.get(hulpvraag__code="mantelzorg").url == "/thema/mantelzorg/"
    assert StedelijkPage.objects.get().url == "/heel-utrecht/"
    slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert {"over", "toegankelijkheid", "privacy"} <= slugs


def test_running_setup_site_again_changes_nothing():
    before = tree_snapshot()
    call_command("setup_site", verbosity=0)
    call_command("setup_site", verbosity=0)
    assert tree_snapshot() == before
    assert HomePage.objects.count() == 1


def test_setup_site_keeps_what_editors_changed():
    need = Hulpvraag.objects.get(code="eenzaamheid")
    need.synonyms = "eenzaam, alleen, alleen thuis"
    need.save()
    buurt = BuurtPage.objects.get(title="Oog in Al")
    buurt.intro = "Een groene buurt aan het kanaal."
    buurt.save_revision().publish()
    call_command("setup_site", verbosity=0)
    assert Hulpvraag.objects.get(code="eenzaamheid").synonyms == "eenzaam, alleen, alleen thuis"
    assert BuurtPage.objects.get(title="Oog in Al").intro == "Een groene buurt aan het kanaal."


def test_setup_site_restores_a_deleted_buurt():
    BuurtPage.objects.get(title="Oog in Al").delete()
    call_command("setup_site", verbosity=0)
    assert BuurtPage.objects.filter(title="Oog in Al").live().count() == 1
