"""Static files in production: collected once, fingerprinted (so browsers may keep them for a
year) and compressed (whitenoise's CompressedManifestStaticFilesStorage)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RENDER = """
import django
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("css/buurtwijzer.css")
response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip", secure=True)
print(url, response.status_code, response.get("Content-Encoding"), response.get("Cache-Control"))
"""


def test_collectstatic_makes_fingerprinted_compressed_files(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    collect = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert collect.returncode == 0, collect.stderr
    css = list((tmp_path / "static" / "css").glob("buurtwijzer.*.css"))
    assert css, "no fingerprinted buurtwijzer.<hash>.css"
    assert Path(f"{css[0]}.gz").exists()

    rendered = subprocess.run(  # noqa: S603
        [sys.executable, "-c", RENDER], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert rendered.returncode == 0, rendered.stderr
    url, status, encoding, cache_control = rendered.stdout.split(maxsplit=3)
    assert url == f"/static/css/{css[0].name}"
    assert status == "200"
    assert encoding == "gzip"
    assert "max-age=315360000" in cache_control and "immutable" in cache_control
