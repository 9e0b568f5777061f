"""When the search engine cannot be reached, residents still get results (from the database
backend) and never an error page; the log and `manage.py check` say what is wrong."""

import logging
import socket

import pytest

from buurten.models import BuurtPage
from search import backends, checks
from tests.factories import make_offer


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture(params=["opensearch", "elasticsearch"])
def unreachable(request, settings, db):
    settings.BUURTWIJZER_SEARCH = {
        "BACKEND": request.param,
        "URL": f"http://127.0.0.1:{closed_port()}",
        "INDEX": "buurtwijzer-nergens",
        "REPLICAS": 0,
    }
    backends._backend.cache_clear()
    yield backends.get_backend()
    backends._backend.cache_clear()


def test_search_falls_back_to_the_database_with_a_warning(client, unreachable, caplog):
    make_offer(
        BuurtPage.objects.get(title="Oog in Al"), title="Open huiskamer", needs=("eenzaamheid",)
    )
    with caplog.at_level(logging.WARNING, logger="search.backends.engine"):
        response = client.get("/api/v1/zoeken", {"q": "ik voel me alleen"})
        page = client.get("/zoeken/", {"q": "ik voel me alleen"})
    assert response.status_code == 200 and page.status_code == 200
    assert [r["title"] for r in response.json()["results"]] == ["Open huiskamer"]
    assert "Open huiskamer" in page.content.decode()
    assert f"Zoekmachine {unreachable.name} niet bereikbaar" in caplog.text


def test_the_check_warns_that_the_engine_is_unreachable(unreachable):
    (message,) = checks.search_engine()
    assert message.id == "search.W001"
    assert "niet bereikbaar" in message.msg and unreachable.url in message.msg
