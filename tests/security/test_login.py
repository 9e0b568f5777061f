"""The admin login: a rate limit per account and per client, strong passwords, sessions that end."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from security import login_limit

PASSWORD = "een-lang-en-sterk-wachtwoord"


@pytest.fixture(autouse=True)
def _empty_cache():
    caches["limits"].clear()
    yield
    caches["limits"].clear()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.org", PASSWORD)
    user.is_staff = True
    user.save()
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _login(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_five_wrong_passwords_stop_that_client_with_a_clear_message(client, editor):
    for _ in range(login_limit.PER_PAIR):
        assert _login(client, "redacteur", "fout").status_code == 200
    # Even the right password is refused now from here, with a message in plain Dutch and 429.
    response = _login(client, "redacteur", PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == str(login_limit.WINDOW_SECONDS)
    assert "te vaak een verkeerd wachtwoord" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_someone_guessing_elsewhere_does_not_lock_the_real_editor_out(client, editor):
    for _ in range(login_limit.PER_PAIR + 3):
        _login(client, "redacteur", "fout", address="203.0.113.66")
    response = _login(client, "redacteur", PASSWORD, address="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_many_wrong_passwords_from_many_addresses_are_told_to_the_owner_once(
    client, editor, mailoutbox
):
    for n in range(login_limit.NOTICE_AFTER + 5):
        _login(client, "redacteur", "fout", address=f"203.0.113.{n + 1}")
    assert len(mailoutbox) == 1
    notice = mailoutbox[0]
    assert notice.to == ["r@example.org"]
    assert "verkeerd wachtwoord" in notice.body
    assert "/admin/password_reset/" in notice.body
    assert "203.0.113" not in notice.body


@pytest.mark.django_db
def test_a_successful_login_gives_its_attempts_back(client, editor):
    for _ in range(login_limit.PER_PAIR - 1):
        _login(client, "redacteur", "fout")
    assert _login(client, "redacteur", PASSWORD).status_code == 302
    client.logout()
    for _ in range(login_limit.PER_PAIR - 1):
        _login(client, "redacteur", "fout")
    assert _login(client, "redacteur", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_one_client_trying_many_accounts_is_stopped(client, editor):
    for n in range(login_limit.PER_CLIENT):
        _login(client, f"iemand-{n}", "fout")
    assert _login(client, "redacteur", PASSWORD).status_code == 429
    # Someone else, elsewhere, can still log in.
    response = _login(client, "redacteur", PASSWORD, address="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_the_right_password_before_the_limit_logs_in(client, editor):
    _login(client, "redacteur", "fout")
    response = _login(client, "redacteur", PASSWORD)
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_cache_holds_no_user_name_or_address(client, editor):
    _login(client, "redacteur", "fout", address="203.0.113.5")
    keys = list(caches["limits"]._cache.keys()) if hasattr(caches["limits"], "_cache") else []
    assert keys, "the locmem cache should hold the counters"
    assert not any("redacteur" in key or "203.0.113.5" in key for key in keys)


def test_passwords_must_be_long_uncommon_and_unlike_the_user_and_are_explained_in_dutch(
    django_user_model,
):
    user = django_user_model(username="janvandijk", email="jan@example.org")
    with translation.override("nl"):
        for weak, words in [
            ("kort1234", "te kort. Gebruik minstens 12 tekens"),
            ("password1234", "te algemeen"),
            ("janvandijk2024", "lijkt te veel op"),
            ("123456789012345", "alleen cijfers"),
        ]:
            with pytest.raises(ValidationError) as raised:
                validate_password(weak, user)
            assert any(words in message for message in raised.value.messages), (
                weak,
                raised.value.messages,
            )
    validate_password("fiets-over-de-Catharijnesingel", user)


def test_sessions_end_after_eight_hours():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_without_remember_me_the_session_ends_when_the_browser_closes(client, editor):
    _login(client, "redacteur", PASSWORD)
    assert client.session.get_expire_at_browser_close()


def test_the_login_limit_survives_emptying_the_page_cache(client, django_user_model):
    """The counters live in the cache "limits", apart from the page cache: a full or emptied
    page cache does not forget the failed attempts."""
    from django.core.cache import cache as page_cache

    django_user_model.objects.create_user("ria", "ria@example.org", "een-goed-wachtwoord-1")
    for _ in range(5):
        client.post("/admin/login/", {"username": "ria", "password": "fout"})
    page_cache.clear()
    response = client.post("/admin/login/", {"username": "ria", "password": "fout"})
    assert response.status_code == 429
