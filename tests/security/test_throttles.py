"""Throttles on the admin's password reset and on a page's password: nobody can send a
hundred e-mails to an editor or guess a page's password by trying many."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from security import throttles
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_limits():
    caches["limits"].clear()
    yield
    caches["limits"].clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur", "r@example.org", "een-lang-en-sterk-wachtwoord", is_staff=True
    )


def _reset(client, email, address="203.0.113.5"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_twenty_five_reset_requests_send_at_most_three_e_mails(client, editor, mailoutbox):
    answers = [
        _reset(client, "r@example.org", address=f"203.0.113.{n}").status_code for n in range(25)
    ]
    assert len(mailoutbox) == throttles.RESET_PER_ADDRESS
    # Every address got the usual answer: nothing tells whether the e-mail address has an account.
    assert set(answers) == {302}


def test_one_client_asking_again_and_again_is_told_to_wait(client, editor, mailoutbox):
    for n in range(throttles.RESET_PER_CLIENT):
        assert _reset(client, f"iemand-{n}@example.org").status_code == 302
    response = _reset(client, "r@example.org")
    assert response.status_code == 429
    assert "nieuw wachtwoord aangevraagd" in response.content.decode()
    assert mailoutbox == []


@pytest.fixture
def private_offer():
    page = make_offer(title="Alleen voor de groep", slug="alleen-voor-de-groep")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="juist-wachtwoord"
    )
    return page, restriction


def _guess(client, page, restriction, password, language="nl"):
    with translation.override(language):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return client.post(
        url, {"password": password, "return_url": page.url}, REMOTE_ADDR="203.0.113.9"
    )


def test_after_ten_wrong_page_passwords_even_the_right_one_waits(client, private_offer):
    page, restriction = private_offer
    for n in range(throttles.PAGE_PASSWORD_PER_CLIENT):
        assert _guess(client, page, restriction, f"fout-{n}").status_code == 200
    refused = _guess(client, page, restriction, "juist-wachtwoord")
    assert refused.status_code == 429
    assert "te vaak een verkeerd wachtwoord" in refused.content.decode()
    assert client.get(page.url).status_code == 200
    assert "Alleen voor de groep" not in client.get(page.url).content.decode()


def test_the_right_page_password_opens_the_page_and_does_not_count(client, private_offer):
    page, restriction = private_offer
    for _ in range(throttles.PAGE_PASSWORD_PER_CLIENT - 1):
        _guess(client, page, restriction, "fout")
    assert _guess(client, page, restriction, "juist-wachtwoord").status_code == 302
    assert "Alleen voor de groep" in client.get(page.url).content.decode()
    assert _guess(client, page, restriction, "fout").status_code == 200  # not yet stopped


def test_the_page_password_throttle_speaks_the_visitors_language(client, private_offer):
    page, restriction = private_offer
    for _ in range(throttles.PAGE_PASSWORD_PER_CLIENT):
        _guess(client, page, restriction, "fout", language="en")
    refused = _guess(client, page, restriction, "fout", language="en")
    assert refused.status_code == 429
    assert "too many times" in refused.content.decode()
