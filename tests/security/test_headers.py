"""Security headers a browser sees, on public pages and in the admin, and Django's deploy
check on the production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import make_offer

ROOT = Path(__file__).resolve().parents[2]


def _directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


@pytest.mark.django_db
def test_public_pages_forbid_inline_scripts_and_other_hosts(client, home):
    offer = make_offer()
    for url in ["/", offer.url, reverse("zoeken") + "?q=koffie"]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = _directives(response["Content-Security-Policy"])
        assert csp["script-src"] == "'self'"
        assert csp["style-src"] == "'self'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert csp["frame-ancestors"] == "'none'"
        assert csp["object-src"] == "'none'"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "geolocation=()" in response["Permissions-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_public_templates_carry_no_inline_script_or_style(client, home):
    offer = make_offer()
    for url in ["/", offer.url]:
        html = client.get(url).content.decode()
        assert "<script>" not in html and "<script >" not in html
        assert " style=" not in html
        assert " onclick=" not in html and " onload=" not in html


@pytest.mark.django_db
def test_admin_has_its_own_relaxed_policy(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", "b@example.org", "x" * 16)
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    csp = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == "'self'"
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
@override_settings(BUURTWIJZER_MAP_TILES_URL="https://tegels.example.org/{z}/{x}/{y}.png")
def test_the_map_tile_server_is_allowed_only_for_images_via_the_setting(client, home):
    csp = _directives(client.get("/")["Content-Security-Policy"])
    assert csp["img-src"] == "'self' data: https://tegels.example.org"
    assert "tegels.example.org" not in csp["script-src"] + csp["connect-src"]


def _production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="buurtwijzer.example.nl",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://buurtwijzer.example.nl",
        BUURTWIJZER_PUBLIC_URL="https://buurtwijzer.example.nl",
        **extra,
    )
    return env


def test_deploy_check_with_production_settings_reports_nothing(tmp_path):
    """Set up as site/.env.example says (tests/security/test_deploy_checks.py: the defaults
    that must fail)."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=_production_env(
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            DEFAULT_FROM_EMAIL="Buurtwijzer Utrecht <buurtwijzer@example.nl>",
            DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_secure_the_cookies_and_transport():
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_HTTPONLY, s.DEBUG)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "False"], result.stderr
