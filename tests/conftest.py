"""The test database is set up once per test run (per worker) with `setup_site`, so every test
starts from the real page tree: 10 wijken, every buurt, the needs and theme pages. Each test
runs in a transaction that is rolled back, so tests can change the tree freely."""

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
