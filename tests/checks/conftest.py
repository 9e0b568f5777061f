import pytest

from checks.b1.officialese import shipped_word_list as csv_word_list


@pytest.fixture
def word_list():
    """The project's officialese list as shipped (data/ambtelijk.csv), without the database."""
    return csv_word_list()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x" * 16)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
