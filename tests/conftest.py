"""The test database is set up once per test run (per worker) with `setup_site`, so every test
starts from the real page tree: 10 wijken, every buurt, the needs and theme pages. Each test
runs in a transaction that is rolled back, so tests can change the tree freely."""

from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("setup_site", verbosity=0)


@pytest.fixture
def home(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def time_machine_tuesday(monkeypatch):
    """Freeze 'now' at Tuesday 24 November 2026, 10:00 in Utrecht, for today's activities."""
    import datetime

    from aanbod import when

    frozen = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=when.UTRECHT)
    monkeypatch.setattr(
        when, "local_now", lambda now=None: (now or frozen).astimezone(when.UTRECHT)
    )
    return frozen


@pytest.fixture(autouse=True)
def dutch_to_start_with():
    """Every test starts in Dutch: a request to /ar/ leaves Arabic active in this thread, and
    django-modeltranslation reads and filters the active language's columns."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")


# The shipped translations of needs and target groups: what residents search with.
TRANSLATIONS = Path(__file__).resolve().parent.parent / "inrichting" / "data" / "vertalingen"


@pytest.fixture
def translated_needs(db):
    """Applies the shipped need and target-group translations with the loader setup_site uses
    (again: a test may have changed them) and returns them; search rebuilds its words."""
    from inrichting import translations as translation_data
    from search import vocabulary

    translation_data.apply_taxonomy(TRANSLATIONS)
    vocabulary.invalidate()
    return translation_data.read(TRANSLATIONS / "hulpvragen.json")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters (the cache ``limits``) start empty in every test, as for a new
    visitor: a test that posts many reports must not make the next one answer 429."""
    from django.core.cache import caches

    caches["limits"].clear()
    yield


@pytest.fixture(autouse=True)
def fresh_frame():
    """The frame kept per process (home.frame: site, menus, contact details) starts empty in
    every test: a rolled-back test raises no page-cache version."""
    from home import frame

    frame.forget()
    yield
