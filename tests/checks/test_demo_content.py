"""The demo content passes its own checks: every demo page is B1 and has no accessibility
errors (the issue's "done when"). The import publishes each page, which stores its check."""

from pathlib import Path

import pytest

from aanbod.models import AanbodPage
from checks.models import PaginaControle
from checks.models.words import current_word_list
from checks.page_checks import check_page
from hsds.load import import_file

DEMO_FILE = Path(__file__).resolve().parents[2] / "inrichting" / "demo" / "demo_hsds.json"


@pytest.mark.django_db
def test_every_demo_page_is_b1_without_accessibility_errors():
    import_file(DEMO_FILE, is_demo=True)
    offers = AanbodPage.objects.filter(is_demo=True)
    assert offers.count() >= 64
    problems = []
    for controle in PaginaControle.objects.filter(page__in=offers).select_related("page"):
        if not controle.is_ok:
            data = controle.bevindingen
            problems.append((controle.page.title, data["reasons"], data["accessibility"]))
    assert PaginaControle.objects.filter(page__in=offers).count() == offers.count()
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    [
        "home.HomePage",
        "home.StandardPage",
        "home.ThemaPage",
        "buurten.WijkPage",
        "buurten.BuurtPage",
        "buurten.StedelijkPage",
    ],
)
def test_pages_made_by_setup_site_pass(kind):
    from django.apps import apps

    for page in apps.get_model(kind).objects.all()[:5]:
        result = check_page(page, current_word_list())
        assert result.passes, (page.title, result.language.reasons, result.accessibility)
