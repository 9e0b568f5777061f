"""Buurtwijzer against Wagtail's bakerydemo, side by side in one interleaved run (issue 19).

Both sites run with production settings under gunicorn (2 sync workers, 127.0.0.1), each on
its own demo content and database; Buurtwijzer twice, with the full-page cache off
(uncached) and on (cached, a Redis of its own). Per round and per page, Debian's ``wrk``
(``-t2 -c8``) hits the three servers one after the other, so a noisy neighbour hurts all
three alike. Prints medians over the rounds, the ratios, the HTML size and the load average.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/side_by_side.py \\
        --bakerydemo /path/to/bakerydemo --bakerydemo-database sqlite:////tmp/bakery.sqlite3

The bakerydemo checkout needs its own virtualenv in ``.venv`` with its demo data loaded
and static files collected (bench/README.md, "Side by side with bakerydemo")."""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
from pathlib import Path

from faults import ROOT, Redis, free_port, start_site, wait_for_port
from measure import require_wrk, run_rounds, shell, stop

# (label, Buurtwijzer's page, the comparable bakerydemo page)
PAGES = [
    ("home", "/", "/"),
    ("buurt page / breads list", "{buurt}", "/breads/"),
    ("offer page / bread page", "{offer}", "{bread}"),
    ("search / search", "/zoeken/?q=ik+voel+me+alleen", "/search/?q=bread"),
]
URLS_SQL = """
from aanbod.models import AanbodPage
from buurten.models import BuurtPage
b = BuurtPage.objects.live().get(title="Oog in Al")
print("URLS", b.url, AanbodPage.objects.live().child_of(b).order_by("pk").first().url)
"""
BREAD_SQL = """
from bakerydemo.breads.models import BreadPage
print("URLS", BreadPage.objects.live().order_by("pk").first().url)
"""


def _bakery_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback, as for Buurtwijzer
        "DATABASE_URL": database_url,
    }


def _start_bakery(root: Path, database_url: str, log) -> tuple[subprocess.Popen, int, dict]:
    port = free_port()
    env = _bakery_env(database_url)
    python = str(root / ".venv" / "bin" / "python")
    gunicorn = [python, "-m", "gunicorn", "bakerydemo.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(gunicorn, cwd=root, env=env, stdout=log, stderr=log)  # noqa: S603
    wait_for_port(port)
    return server, port, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bakerydemo", type=Path, required=True, help="a bakerydemo checkout")
    parser.add_argument("--bakerydemo-database", required=True, help="its DATABASE_URL")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    require_wrk()
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        sys.exit("DATABASE_URL (Buurtwijzer's database with the demo content) is needed.")
    bakery = args.bakerydemo.resolve()
    if not (bakery / "bakerydemo" / "wsgi.py").exists() or not (bakery / ".venv").exists():
        sys.exit(
            f"No bakerydemo checkout with a .venv at {bakery}: see bench/README.md, "
            "'Side by side with bakerydemo'."
        )
    print(f"load average before: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    log = open(ROOT / "bench" / "results" / "side_by_side.log", "w")  # noqa: SIM115
    redis = Redis()
    redis.start()
    servers = []
    try:
        os.environ["BUURTWIJZER_PAGE_CACHE"] = "0"
        uncached, ours_port = start_site(database_url, redis, 2, log)
        servers.append(uncached)
        os.environ["BUURTWIJZER_PAGE_CACHE"] = "1"
        cached, cached_port = start_site(database_url, redis, 2, log)
        servers.append(cached)
        baker, baker_port, baker_env = _start_bakery(bakery, args.bakerydemo_database, log)
        servers.append(baker)
        env = {**os.environ, "DATABASE_URL": database_url}
        buurt, offer = shell(ROOT, sys.executable, env, URLS_SQL)
        (bread,) = shell(bakery, str(bakery / ".venv/bin/python"), baker_env, BREAD_SQL)
        pages = [
            (label, ours.format(buurt=buurt, offer=offer), theirs.format(bread=bread))
            for label, ours, theirs in PAGES
        ]
        sizes = {}

        def size(label, server, body):
            sizes[label, server] = len(body)

        rates = run_rounds(
            [
                (label, {"ours": ours, "baker": theirs, "cached": ours})
                for label, ours, theirs in pages
            ],
            {"ours": ours_port, "baker": baker_port, "cached": cached_port},
            args.rounds,
            args.seconds,
            on_warm_up=size,
        )
    finally:
        stop(servers)
        redis.stop()
    print(f"commit {commit}; {args.rounds} rounds of {args.seconds} s per page, wrk -t2 -c8")
    print(
        "| page | Buurtwijzer uncached req/s | bakerydemo req/s | ratio | HTML bytes (ours / "
        "bakerydemo) | Buurtwijzer cached req/s | cached / uncached |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, ours, _ in pages:
        mine, theirs, warm = (
            statistics.median(rates[label, s]) for s in ("ours", "baker", "cached")
        )
        print(
            f"| {label} (`{ours}`) | {mine:,.1f} | {theirs:,.1f} | **{mine / theirs:.2f}** | "
            f"{sizes[label, 'ours']:,} / {sizes[label, 'baker']:,} | {warm:,.0f} | {warm / mine:.1f}x |"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}")


if __name__ == "__main__":
    main()
