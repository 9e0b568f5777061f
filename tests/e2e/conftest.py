"""Browser tests: Debian's Chromium driven by Playwright for Python, against the site served by
pytest-django's live server, with the vendored axe-core injected into each page.

One browser per pytest worker (xdist). The live server needs committed data, so these tests
are transactional; the database as `setup_site` left it is snapshotted once per worker and
put back before each test."""

import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_VERSION = "4.14.1"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.hookimpl(tryfirst=True)  # before pytest-django orders transactional tests last
def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def browser():
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        pytest.skip(
            f"SKIPPED: no Chromium at {CHROMIUM}; `make test-e2e` installs Debian's chromium"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django then refuses
    # ORM calls from the test code ("async context") unless told that this is intended.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def site_snapshot(django_db_setup, django_db_blocker):
    """The database as setup_site left it, copied once per worker (SQLite's backup API). On
    other databases there is no copy: setup_site runs again instead."""
    if connection.vendor != "sqlite":
        return None
    with django_db_blocker.unblock():
        connection.ensure_connection()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        return snapshot


@pytest.fixture(autouse=True)
def _restore_site(request):
    """Transactional tests end with an empty database (Django flushes it), so each browser
    test first puts back the site as setup_site made it."""
    if not request.node.get_closest_marker("e2e"):
        return
    snapshot = request.getfixturevalue("site_snapshot")
    request.getfixturevalue("transactional_db")
    from wagtail.models import Page

    if Page.objects.filter(depth__gt=1).exists():
        return
    if snapshot is None:
        call_command("setup_site", verbosity=0)
    else:
        connection.ensure_connection()
        snapshot.backup(connection.connection)
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _public_url_is_the_live_server(request):
    """Absolute URLs (QR codes, share links) lead to the site under test."""
    if request.node.get_closest_marker("e2e"):
        live_server = request.getfixturevalue("live_server")
        request.getfixturevalue("settings").BUURTWIJZER_PUBLIC_URL = live_server.url


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _server_done_before_the_flush(request):
    """Let the live server answer what the browser asked last (a check while typing, a map
    tile) before the test's database is emptied. On SQLite the server shares the test's
    connection, and a request still running during that flush breaks it ("FOREIGN KEY
    constraint failed" when emptying a table). Autouse and after the database, so this runs
    once the test's browser windows are closed, whichever fixture or test opened them."""
    if not request.node.get_closest_marker("e2e"):
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    _wait_for_the_server_to_finish_its_requests()


def _wait_for_the_server_to_finish_its_requests(seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        busy = [
            t for t in threading.enumerate() if "process_request_thread" in t.name and t.is_alive()
        ]
        if not busy:
            return
        time.sleep(0.05)


def axe_violations(page) -> list[dict]:
    """Run axe with the WCAG 2.1 A and AA rules on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol: the page's Content-Security-Policy
        # (no inline scripts) stays on, and this test tool is not blocked by it.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node['target']}: {node['html'][:160]}" for node in v["nodes"][:5]]
    return "\n".join(lines)


def assert_no_violations(page):
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe(violations)}"


def _search_exists() -> bool:
    from django.urls import Resolver404, resolve

    try:
        return resolve("/zoeken/").url_name == "zoeken"
    except Resolver404:
        return False


# Until the search page is in the URLs these are expected to fail (404); then they run as
# ordinary tests. Strict: a pass while the page is missing would be reported.
needs_search = pytest.mark.xfail(
    not _search_exists(), reason="De zoekpagina /zoeken/ is er nog niet", strict=True
)
