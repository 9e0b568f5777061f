import pytest
from django.db import transaction

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


@pytest.fixture(scope="module")
def demo_offers(django_db_setup, django_db_blocker):
    """The demo offers (setup_site already ran for the session), loaded once for a module
    and rolled back at its end."""
    from hsds.load import import_file
    from inrichting import translations as translation_data
    from inrichting.management.commands.load_demo import DEMO_FILE, pair_demo_offers

    with django_db_blocker.unblock(), transaction.atomic():
        import_file(DEMO_FILE, is_demo=True)
        translation_data.apply_demo()
        pair_demo_offers()
        for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
            forget()
        yield
        transaction.set_rollback(True)
    for forget in (vocabulary.invalidate, related.forget, catalogue.forget):
        forget()
