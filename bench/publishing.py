"""What publishing costs the cached site: wrk on a mix of cached pages (home, buurt and offer
pages, a search) while an editor publishes one offer every ``--every`` seconds, and without
publishing, for this tree and, side by side in the same run, another checkout (``--compare``,
e.g. the release before targeted invalidation). Production settings, gunicorn and a Redis of
its own (bench/faults.py), PostgreSQL from DATABASE_URL (the demo content is enough).

    DATABASE_URL=postgres://buurtwijzer:buurtwijzer@127.0.0.1:5432/faults_demo \\
      .venv/bin/python bench/publishing.py --seconds 20 --compare /path/to/older/checkout"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from faults import ROOT, Redis, site_env, start_site

PAGES_SQL = """
from aanbod.models import AanbodPage
from buurten.models import BuurtPage
offers = list(AanbodPage.objects.live().order_by("pk"))
buurten = [b for b in BuurtPage.objects.live().order_by("path") if b.get_children().live().exists()]
published = offers[0]
others = [o.url for o in offers if o.get_parent().pk != published.get_parent().pk][:6]
print("PAGES", published.pk, " ".join(["/", *[b.url for b in buurten[1:3]], *others, "/zoeken/?q=koffie"]))
"""
PUBLISH = """
import time
from aanbod.models import AanbodPage
page = AanbodPage.objects.get(pk={pk})
end = time.monotonic() + {seconds}
while time.monotonic() < end:
    page.save_revision().publish()
    time.sleep({every})
"""
LUA = """
paths = {{{paths}}}
i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def _manage(root: Path, env: dict, code: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "manage.py", "shell", "-c", code]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=True)  # noqa: S603


def _wrk(port: int, paths: list[str], seconds: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA.format(paths=", ".join(f'"{p}"' for p in paths)))
    command = ["wrk", "-t2", "-c16", f"-d{int(seconds)}s", "--timeout", "30s", "--latency"]
    command += ["-s", script.name, f"http://127.0.0.1:{port}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": int(non2xx.group(1)) if non2xx else 0}


def measure(root: Path, database_url: str, seconds: float, every: float) -> dict:
    redis = Redis()
    redis.start()
    with open(f"/tmp/buurtwijzer-publishing-{root.name}.log", "wb") as log:  # noqa: S108
        server, port = start_site(database_url, redis, 2, log, root)
    env = site_env(database_url, redis, port, 2, root)
    try:
        line = next(
            x for x in _manage(root, env, PAGES_SQL).stdout.splitlines() if x.startswith("PAGES")
        )
        _, pk, *paths = line.split()
        _wrk(port, paths, 3)  # warm up: every page in the cache
        quiet = _wrk(port, paths, seconds)
        code = PUBLISH.format(pk=pk, seconds=seconds, every=every)
        publisher = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "shell", "-c", code], cwd=root, env=env
        )
        busy = _wrk(port, paths, seconds)
        publisher.wait(seconds + 60)
    finally:
        server.terminate()
        server.wait(30)
        redis.stop()
    return {"quiet": quiet, "publishing": busy, "pages": len(paths)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--every", type=float, default=5, help="seconds between publishes")
    parser.add_argument("--compare", type=Path, help="another checkout, measured the same way")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database with the demo content.")
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    roots = [ROOT, *([args.compare.resolve()] if args.compare else [])]
    for root in roots:
        r = measure(root, database_url, args.seconds, args.every)
        q, b = r["quiet"], r["publishing"]
        print(
            f"{root}: {r['pages']} pages; quiet {q['rps']:.0f} req/s (p50 {q['p50']}, p99 "
            f"{q['p99']}); publishing every {args.every:g} s {b['rps']:.0f} req/s (p50 "
            f"{b['p50']}, p99 {b['p99']}); ratio {b['rps'] / q['rps']:.2f}; "
            f"non-2xx {q['non2xx']} / {b['non2xx']}"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
