"""A database made before the apps were reorganised (main at 60b0673: `migrate`, `load_demo`, a
resident's report, an invited editor) migrates to today's layout with nothing lost: every page
still opens as its own type, every revision, translation state, report, user and permission is
there and points where it did (docs/architecture.md, "Models that moved between apps")."""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OLD_DATABASE = Path(__file__).parent / "data" / "main-60b0673.sqlite3.gz"

# Run in a fresh Django process on the copied file: the test's own database stays out of it.
AFTER = """
import json, django
django.setup()
from django.contrib.auth.models import Permission, User
from django.test import Client
from wagtail.models import Page, Revision
from home.models import ThemaPage
from redactie.models import Melding
from vertalingen.models import PaginaVertaling

pages = {}
for page in Page.objects.all():
    specific = page.specific
    key = f"{type(specific)._meta.app_label}.{type(specific)._meta.model_name}"
    pages[key] = pages.get(key, 0) + 1
revisions = [type(r.as_object())._meta.model_name for r in Revision.objects.all()]
theme = ThemaPage.objects.live().select_related("hulpvraag").first()
response = Client().get(theme.url)
print(json.dumps({
    "pages": pages,
    "revisions": len(revisions),
    "translation_states": PaginaVertaling.objects.count(),
    "outdated_fingerprints_kept": PaginaVertaling.objects.exclude(source_hash="").count(),
    "reports": list(Melding.objects.values_list("message", flat=True)),
    "report_offer": Melding.objects.get().page.title,
    "users": list(User.objects.values_list("username", flat=True)),
    "report_permissions": Permission.objects.filter(
        content_type__app_label="redactie", content_type__model="melding"
    ).count(),
    "theme_page": [response.status_code, theme.title in response.content.decode()],
}))
"""


def _before(path: Path) -> dict:
    db = sqlite3.connect(path)
    pages = dict(
        db.execute(
            "SELECT t.app_label || '.' || t.model, count(*) FROM wagtailcore_page p "
            "JOIN django_content_type t ON p.content_type_id = t.id GROUP BY 1"
        ).fetchall()
    )
    moved = {"aanbod.themapage": "home.themapage"}
    result = {
        "pages": {moved.get(k, k): v for k, v in pages.items()},
        "revisions": db.execute("SELECT count(*) FROM wagtailcore_revision").fetchone()[0],
        "translation_states": db.execute("SELECT count(*) FROM home_paginavertaling").fetchone()[0],
        "outdated_fingerprints_kept": db.execute(
            "SELECT count(*) FROM home_paginavertaling WHERE bron_hash != ''"
        ).fetchone()[0],
        "reports": [r for (r,) in db.execute("SELECT message FROM aanbod_melding")],
        "report_offer": db.execute(
            "SELECT title FROM wagtailcore_page WHERE id = (SELECT page_id FROM aanbod_melding)"
        ).fetchone()[0],
        "users": [u for (u,) in db.execute("SELECT username FROM auth_user")],
        "report_permissions": db.execute(
            "SELECT count(*) FROM auth_permission p JOIN django_content_type t "
            "ON p.content_type_id = t.id WHERE t.model = 'melding'"
        ).fetchone()[0],
        "theme_page": [200, True],
    }
    db.close()
    return result


def test_a_database_from_before_the_reorganisation_migrates_with_nothing_lost(tmp_path):
    path = tmp_path / "old.sqlite3"
    with gzip.open(OLD_DATABASE) as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    before = _before(path)
    assert before["pages"]["aanbod.aanbodpage"] == 75 and before["reports"]

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)  # noqa: S603
    after = subprocess.run(  # noqa: S603
        [sys.executable, "-c", AFTER],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
        text=True,
    )
    assert json.loads(after.stdout.strip().splitlines()[-1]) == before
