"""Operating a search engine's index: a rebuild never leaves residents without results, and
`manage.py check` says when the index is missing or behind (engines only; see conftest)."""

from aanbod.models import AanbodPage
from buurten.models import BuurtPage
from search import checks
from tests.factories import make_offer

URL = "/api/v1/zoeken"


def found_titles(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return [r["title"] for r in response.json()["results"]]


def offer(title="Taalcafé De Brug"):
    return make_offer(BuurtPage.objects.get(title="Oog in Al"), title=title, needs=("taal",))


def test_a_rebuild_moves_the_alias_only_when_the_new_index_is_full(client, engine):
    offer()
    engine.rebuild()
    (old,) = engine.current()
    during = []
    swap = engine._update_aliases

    def search_then_swap(actions):
        # The new index is full but not yet behind the alias: residents still search the old.
        during.append((list(engine.current()), found_titles(client, "taalcafe")))
        swap(actions)

    engine._update_aliases = search_then_swap
    assert engine.rebuild() == AanbodPage.objects.searchable().count()
    assert during == [([old], ["Taalcafé De Brug"])]
    (new,) = engine.current()
    assert new != old
    assert found_titles(client, "taalcafe") == ["Taalcafé De Brug"]
    assert old not in engine._indices()  # the old index is deleted


def test_the_check_says_when_the_index_is_missing_or_behind(engine):
    assert [m.id for m in checks.search_engine()] == ["search.W002"]
    offer()
    engine.rebuild()
    assert checks.search_engine() == []
    status = engine.status()
    assert status.reachable and status.documents == status.searchable == 1
    assert status.created is not None
    offer("Taalcafé Nummer Twee")  # saved, but the hook runs only after a commit
    (message,) = checks.search_engine()
    assert message.id == "search.W003"
    assert "heeft 1 aanbod, maar 2 aanbod is vindbaar" in message.msg
