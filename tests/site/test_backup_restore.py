"""Backup and restore (scripts/backup.sh, scripts/restore.sh) on PostgreSQL: dump the test
database and the media folder, restore both into a fresh database and folder, and find the
same pages, revisions and every other table's rows (translated fields are columns of those
rows, so they come along)."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from home.models import HomePage

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _url(name: str) -> str:
    s = connection.settings_dict
    return (
        f"postgresql://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:"
        f"{s['PORT'] or 5432}/{name}"
    )


def _snapshot(url: str) -> dict:
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        counts = {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }
        pages = conn.execute(
            "SELECT id, title, slug, url_path, live, latest_revision_id FROM wagtailcore_page "
            "ORDER BY path"
        ).fetchall()
        revisions = conn.execute(
            "SELECT id, object_id, content::text FROM wagtailcore_revision ORDER BY id LIMIT 20"
        ).fetchall()
    return {"counts": counts, "pages": pages, "revisions": revisions}


@pytest.fixture
def fresh_database():
    if connection.vendor != "postgresql":
        pytest.skip("backup/restore needs PostgreSQL (set DATABASE_URL)")
    for tool in ("pg_dump", "pg_restore", "psql"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed")
    name = f"{connection.settings_dict['NAME']}_herstel"[:63]
    admin = _url(connection.settings_dict["NAME"])
    _drop(admin, name)  # left by an earlier run
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    _drop(admin, name)


def _drop(admin: str, name: str) -> None:
    """The server's own autovacuum may still be analysing the restored tables; FORCE may not
    end that process for this role, so wait for it to finish (a few seconds at most)."""
    for _attempt in range(60):
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            time.sleep(0.5)
    raise AssertionError(f"database {name} could not be dropped")


def _run(script, *args, env):
    result = subprocess.run(  # noqa: S603
        [shutil.which("bash") or "/bin/bash", str(ROOT / "scripts" / script), *map(str, args)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.split()


MAKE_OFFER = """
from tests.factories import make_offer
page = make_offer(title="Back-up proef", slug="back-up-proef")
page.title = "Back-up proef, tweede versie"
page.save_revision().publish()
print(page.pk)
"""

REMOVE_OFFER = """
from wagtail.models import Page
Page.objects.filter(pk={pk}).delete()
"""


def _shell(code: str, url: str) -> str:
    """Run code in another process, so what it saves is committed (pg_dump sees only that)."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def committed_offer(fresh_database):
    """An offer with two revisions, committed in the test database and removed afterwards."""
    url = _url(connection.settings_dict["NAME"])
    pk = int(_shell(MAKE_OFFER, url).split()[-1])
    yield pk
    _shell(REMOVE_OFFER.format(pk=pk), url)


def test_backup_then_restore_into_a_fresh_database_finds_everything(
    committed_offer, fresh_database, tmp_path
):
    # The session's site (setup_site) and the offer are committed, so pg_dump sees them.
    source = _url(connection.settings_dict["NAME"])
    before = _snapshot(source)
    assert (
        before["counts"]["wagtailcore_page"]
        == HomePage.objects.get().get_descendants(inclusive=True).count() + 1
    )  # + Wagtail's root
    assert before["counts"]["wagtailcore_revision"] >= 2
    assert any(page[1] == "Back-up proef, tweede versie" for page in before["pages"])

    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "buurthuis.jpg").write_bytes(b"\xff\xd8 foto")
    dump, tarball = _run(
        "backup.sh", tmp_path / "backups", env={"DATABASE_URL": source, "MEDIA_ROOT": str(media)}
    )

    restored_media = tmp_path / "hersteld"
    target = _url(fresh_database)
    _run(
        "restore.sh", dump, tarball, env={"DATABASE_URL": target, "MEDIA_ROOT": str(restored_media)}
    )

    after = _snapshot(target)
    assert after["counts"] == before["counts"]
    assert after["pages"] == before["pages"]
    assert after["revisions"] == before["revisions"]
    assert (restored_media / "original_images" / "buurthuis.jpg").read_bytes() == b"\xff\xd8 foto"

    # Restoring twice into the same database is refused: nothing there is overwritten.
    again = subprocess.run(  # noqa: S603
        [shutil.which("bash") or "/bin/bash", str(ROOT / "scripts" / "restore.sh"), dump, tarball],
        env={**os.environ, "DATABASE_URL": target, "MEDIA_ROOT": str(restored_media)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 3
    assert "niet leeg" in again.stderr
    assert _snapshot(target)["counts"] == before["counts"]


# All or nothing: every refusal happens before the database is touched ----------------------


def _restore(*args, target: str, media: Path):
    return subprocess.run(  # noqa: S603
        [
            shutil.which("bash") or "/bin/bash",
            str(ROOT / "scripts" / "restore.sh"),
            *map(str, args),
        ],
        env={**os.environ, "DATABASE_URL": _url(target), "MEDIA_ROOT": str(media)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _tables(name: str) -> int:
    with psycopg.connect(_url(name)) as conn:
        return conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]


@pytest.fixture
def small_backup(fresh_database, tmp_path):
    """A real backup.sh backup of a small database (one table, one media file)."""
    with psycopg.connect(_url(fresh_database), autocommit=True) as conn:
        conn.execute("CREATE TABLE proef (naam text)")
        conn.execute("INSERT INTO proef VALUES ('buurthuis')")
    media = tmp_path / "bron"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "buurthuis.jpg").write_bytes(b"\xff\xd8 foto")
    dump, tarball = _run(
        "backup.sh",
        tmp_path / "backups",
        env={"DATABASE_URL": _url(fresh_database), "MEDIA_ROOT": str(media)},
    )
    with psycopg.connect(_url(fresh_database), autocommit=True) as conn:
        conn.execute("DROP TABLE proef")
    assert _tables(fresh_database) == 0
    return Path(dump), Path(tarball)


def test_restore_refuses_a_missing_media_tarball_before_touching_the_database(
    small_backup, fresh_database, tmp_path
):
    dump, tarball = small_backup
    tarball.unlink()
    result = _restore(dump, target=fresh_database, media=tmp_path / "media")
    assert result.returncode == 2
    assert "--zonder-media" in result.stderr
    assert _tables(fresh_database) == 0
    # On purpose without media it restores the database.
    assert (
        _restore("--zonder-media", dump, target=fresh_database, media=tmp_path / "media").returncode
        == 0
    )
    assert _tables(fresh_database) == 1


def test_restore_refuses_a_media_file_that_exists_before_touching_the_database(
    small_backup, fresh_database, tmp_path
):
    dump, tarball = small_backup
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "buurthuis.jpg").write_bytes(b"een andere foto")
    result = _restore(dump, tarball, target=fresh_database, media=media)
    assert result.returncode == 4
    assert "buurthuis.jpg" in result.stderr
    assert _tables(fresh_database) == 0
    assert (media / "original_images" / "buurthuis.jpg").read_bytes() == b"een andere foto"


def test_restore_refuses_a_damaged_tarball_or_dump(small_backup, fresh_database, tmp_path):
    dump, tarball = small_backup
    media = tmp_path / "media"
    broken = tmp_path / "kapot-media.tar.gz"
    broken.write_bytes(tarball.read_bytes()[:40])
    assert _restore(dump, broken, target=fresh_database, media=media).returncode == 2
    not_a_dump = tmp_path / "kapot.dump"
    not_a_dump.write_bytes(b"PGDMP niets")
    assert _restore(not_a_dump, tarball, target=fresh_database, media=media).returncode == 2
    assert _tables(fresh_database) == 0
    assert not media.exists() or not any(media.rglob("*.jpg"))


def test_restore_puts_database_and_media_back_together(small_backup, fresh_database, tmp_path):
    dump, tarball = small_backup
    media = tmp_path / "media"
    result = _restore(dump, tarball, target=fresh_database, media=media)
    assert result.returncode == 0, result.stderr
    assert _tables(fresh_database) == 1
    assert (media / "original_images" / "buurthuis.jpg").read_bytes() == b"\xff\xd8 foto"
    assert not list(tmp_path.glob(".herstel-media.*"))  # the staging folder is gone
