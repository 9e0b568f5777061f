"""Two-step login for administrators: required in production, not in a local demo."""

import subprocess
import sys
from pathlib import Path

from django.test import override_settings

from security.two_factor import rules

ROOT = Path(__file__).resolve().parents[2]


def _setting(module: str, **env) -> str:
    code = f"import {module} as s; print(s.BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS)"
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "x" * 50, **env}
    run = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


def test_production_requires_two_step_login_and_the_local_demo_does_not():
    assert _setting("config.settings.production") == "True"
    assert _setting("config.settings.dev") == "False"
    assert _setting("config.settings.dev", BUURTWIJZER_TWO_FACTOR="1") == "True"


def test_the_rule_follows_the_setting(django_user_model, db):
    admin = django_user_model.objects.create_superuser("beheer", "b@example.org", "x" * 16)
    with override_settings(BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS=True):
        assert rules.is_required(admin)
    with override_settings(BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS=False):
        assert not rules.is_required(admin)
