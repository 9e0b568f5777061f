"""`manage.py check --deploy` fails on the defaults that are fine on a laptop and wrong on the
real site, each with a message that says what to set."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.models import Site

from inrichting.pages import ensure_home_page
from security import deploy_checks

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "DEFAULT_FROM_EMAIL": "Buurtwijzer Utrecht <buurtwijzer@utrecht.nl>",
    "WAGTAILADMIN_BASE_URL": "https://buurtwijzer.utrecht.nl",
    "SECRET_KEY": secrets.token_urlsafe(64),
}


def _ids(**changed) -> list[str]:
    with override_settings(**{**GOOD, **changed}):
        found = [
            *deploy_checks.site_hostname(),
            *deploy_checks.mail(),
            *deploy_checks.admin_address(),
            *deploy_checks.secret_key(),
        ]
    return [message.id for message in found]


@pytest.mark.django_db
def test_a_site_set_up_for_its_public_address_passes():
    Site.objects.update(hostname="buurtwijzer.utrecht.nl", port=443)
    assert _ids() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "buurtwijzer.E003"),
        ({"DEFAULT_FROM_EMAIL": "Buurtwijzer <noreply@localhost>"}, "buurtwijzer.E004"),
        ({"WAGTAILADMIN_BASE_URL": "http://localhost:8000"}, "buurtwijzer.E005"),
        ({"SECRET_KEY": "geheim"}, "buurtwijzer.E006"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "buurtwijzer.E006"),
    ],
)
def test_each_leftover_default_is_an_error(changed, expected):
    Site.objects.update(hostname="buurtwijzer.utrecht.nl", port=443)
    assert _ids(**changed) == [expected]


@pytest.mark.django_db
def test_setup_site_takes_the_sites_hostname_from_the_public_address():
    Site.objects.update(hostname="localhost", port=80)
    with override_settings(BUURTWIJZER_PUBLIC_URL="https://buurtwijzer.utrecht.nl"):
        assert "buurtwijzer.E002" in _ids()
        ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("buurtwijzer.utrecht.nl", 443)
    assert _ids() == []
    # An administrator's own hostname is kept.
    Site.objects.update(hostname="wijzer.example.nl")
    ensure_home_page()
    assert Site.objects.get(is_default_site=True).hostname == "wijzer.example.nl"


def test_check_deploy_with_production_settings_fails_with_a_clear_message(tmp_path):
    """The real command, with production settings and a new database whose Site is localhost."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "BUURTWIJZER_PUBLIC_URL": "https://buurtwijzer.utrecht.nl",
    }

    def manage(*args):
        command = [sys.executable, "manage.py", *args]
        return subprocess.run(  # noqa: S603
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )

    migrate = manage("migrate", "--noinput", "-v", "0")
    assert migrate.returncode == 0, migrate.stderr
    manage(
        "shell",
        "-c",
        "from wagtail.models import Site; Site.objects.update(hostname='localhost', port=80)",
    )
    check = manage("check", "--deploy")
    assert check.returncode != 0
    assert "buurtwijzer.E002" in check.stderr
    assert "The default Wagtail Site is still localhost:80." in check.stderr
    assert "buurtwijzer.E003" not in check.stderr  # production sends mail by SMTP by default
    assert "buurtwijzer.E004" in check.stderr  # but still from @localhost
