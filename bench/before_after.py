"""Uncached pages of an earlier commit against this checkout, in one interleaved run.

Both run from the same virtualenv (this one) with production settings under gunicorn
(2 sync workers, 127.0.0.1), the full-page cache off, on the same database. Per round and
page ``wrk -t2 -c8`` hits the earlier commit, then this checkout, so load from elsewhere hits
both. Prints medians, the ratio and the load average.

    git archive <commit> | tar -x -C /tmp/before     # the earlier commit, as files
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/before_after.py \\
        --before /tmp/before --rounds 3 --seconds 5
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

from faults import ROOT, Redis, start_site
from measure import require_wrk, run_rounds, shell, stop
from side_by_side import URLS_SQL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the earlier commit's files")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    args = parser.parse_args()
    require_wrk()
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        sys.exit("DATABASE_URL (a database with the demo content) is needed.")
    before = args.before.resolve()
    if not (before / "manage.py").exists():
        sys.exit(f"No checkout at {before}: see the docstring.")
    print(f"load average before: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}")
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    log = open(ROOT / "bench" / "results" / "before_after.log", "w")  # noqa: SIM115
    redis = Redis()
    redis.start()
    os.environ["BUURTWIJZER_PAGE_CACHE"] = "0"
    servers = []
    try:
        old, old_port = start_site(database_url, redis, 2, log, root=before)
        servers.append(old)
        new, new_port = start_site(database_url, redis, 2, log)
        servers.append(new)
        env = {**os.environ, "DATABASE_URL": database_url}
        buurt, offer = shell(ROOT, sys.executable, env, URLS_SQL)
        wijk = "/" + buurt.strip("/").split("/")[0] + "/"
        pages = [("home", "/"), ("wijk", wijk), ("buurt", buurt), ("offer", offer)]
        pages.append(("offer (ar)", "/ar" + offer))
        rates = run_rounds(
            [(page, {"old": path, "new": path}) for page, path in pages],
            {"old": old_port, "new": new_port},
            args.rounds,
            args.seconds,
        )
    finally:
        stop(servers)
        redis.stop()
    print(f"{args.rounds} rounds of {args.seconds} s per page, wrk -t2 -c8, uncached")
    print("| page | before req/s | after req/s | after / before |")
    print("|---|---|---|---|")
    for page, path in pages:
        old_rate, new_rate = (statistics.median(rates[page, s]) for s in ("old", "new"))
        print(
            f"| {page} (`{path}`) | {old_rate:,.1f} | {new_rate:,.1f} | {new_rate / old_rate:.2f} |"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}")


if __name__ == "__main__":
    main()
