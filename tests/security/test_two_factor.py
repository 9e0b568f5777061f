"""Two-step login: optional for editors, required for administrators; codes computed from the
device's key as the resident's authenticator app would."""

import re
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from redactie.roles import ADMINISTRATORS

PASSWORD = "een-lang-en-sterk-wachtwoord"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("_required_for_admins"),
]


@pytest.fixture
def _required_for_admins():
    with override_settings(BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS=True):
        yield


def code_for(device, offset=0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def _editor(django_user_model, name="redacteur"):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _log_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def _set_up(client):
    """Open the set-up page, read the key it shows, confirm with a code: as a person would."""
    page = client.get(reverse("security_2fa_setup"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html  # the QR code, drawn here, not fetched from elsewhere
    secret = re.search(r"<code>([A-Z2-7=]+)</code>", html).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    assert secret.rstrip("=") in __import__("base64").b32encode(device.bin_key).decode()
    return device, client.post(reverse("security_2fa_setup"), {"code": code_for(device)})


def test_an_editor_may_work_without_two_step_login(client, django_user_model):
    editor = _editor(django_user_model)
    _log_in(client, editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_editor_can_switch_it_on_and_is_then_asked_for_a_code(client, django_user_model):
    editor = _editor(django_user_model)
    _log_in(client, editor)
    device, response = _set_up(client)
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # Same session: already verified.
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # Next login: password alone is not enough.
    client.logout()
    _log_in(client, editor)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security_2fa_verify"))

    wrong = client.post(reverse("security_2fa_verify"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()

    # django-otp slows down guessing (1 s after one wrong code) and refuses a code twice,
    # so wait a moment and take the next 30-second code, as the app would show soon.
    time.sleep(1.1)
    right = client.post(
        reverse("security_2fa_verify"),
        {"code": code_for(device, offset=1), "next": reverse("wagtailadmin_explore_root")},
    )
    assert right.status_code == 302, right.content.decode()[:500]
    assert right["Location"] == reverse("wagtailadmin_explore_root")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_code_page_is_shown_once_and_leads_back_to_where_the_editor_was(
    client, django_user_model
):
    """The admin's icon sprite, fetched by every admin page (the code page too), is not sent to
    the code page: else the code page appears twice and the code leads to the raw SVG."""
    editor = _editor(django_user_model)
    _log_in(client, editor)
    device, _response = _set_up(client)
    client.logout()
    _log_in(client, editor)

    sprite = client.get(reverse("wagtailadmin_sprite") + "?h=abc")
    assert sprite.status_code == 200
    assert sprite["Content-Type"].startswith("image/svg") or b"<svg" in sprite.content
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response["Location"].startswith(reverse("security_2fa_verify"))
    assert "sprite" not in response["Location"]


def test_a_wrong_code_during_set_up_does_not_switch_it_on(client, django_user_model):
    _log_in(client, _editor(django_user_model))
    client.get(reverse("security_2fa_setup"))
    response = client.post(reverse("security_2fa_setup"), {"code": "12345x"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


@pytest.mark.parametrize("kind", ["superuser", "beheerder"])
def test_administrators_are_sent_to_set_up_until_done(client, django_user_model, kind):
    if kind == "superuser":
        user = django_user_model.objects.create_superuser("baas", "b@example.org", PASSWORD)
    else:
        user = _editor(django_user_model, "beheerder")
        user.groups.add(Group.objects.get_or_create(name=ADMINISTRATORS)[0])
    _log_in(client, user)
    for url in [reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("security_2fa_setup"))
    page = client.get(reverse("security_2fa_setup"))
    assert "U bent beheerder" in page.content.decode()

    device, response = _set_up(client)
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # An administrator cannot switch it off.
    client.post(reverse("security_2fa_off"))
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_an_editor_can_switch_it_off_again(client, django_user_model):
    editor = _editor(django_user_model)
    _log_in(client, editor)
    _set_up(client)
    client.post(reverse("security_2fa_off"))
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_the_verify_page_does_not_send_people_to_other_sites(client, django_user_model):
    editor = _editor(django_user_model)
    _log_in(client, editor)
    device, _ = _set_up(client)
    client.logout()
    _log_in(client, editor)
    response = client.post(
        reverse("security_2fa_verify"),
        {"code": code_for(device, offset=1), "next": "https://kwaadaardig.example.com/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_account_page_offers_two_step_login(client, django_user_model):
    _log_in(client, _editor(django_user_model))
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("security_2fa") in html
