import pytest

from search import catalogue, related, vocabulary


@pytest.fixture(autouse=True)
def fresh_search_memory():
    """Each test starts with what search keeps in memory built from its own data (tests
    roll back their changes, which no signal reports)."""
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()
    yield
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()
