"""What the interleaved benchmarks share (side_by_side.py, before_after.py): a Django shell
that prints URLs, one page fetched, one ``wrk`` run, and the rounds over servers that are
stopped however the run ends.

``run_rounds`` warms every page up on every server, then per round and page hits the servers
one after the other (so load from elsewhere hurts all of them alike) and returns every
round's rate per (page, server)."""

import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

WARM_UP = 3  # requests per page and server first: caches, the catalogue, compiled templates


def shell(root: Path, python: str, env: dict, code: str) -> list[str]:
    """Runs ``code`` in ``manage.py shell`` at ``root``; the words after "URLS" on its output."""
    command = [python, "manage.py", "shell", "-c", code]
    out = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return next(line for line in out.stdout.splitlines() if line.startswith("URLS")).split()[1:]


def get(port: int, path: str) -> bytes:
    """The body of one page on 127.0.0.1; anything but 200 is an error."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as answer:  # noqa: S310
        if answer.status != 200:
            raise RuntimeError(f"{path}: {answer.status}")
        return answer.read()


def require_wrk() -> None:
    """Stops at once, before any server starts, when Debian's wrk is not installed."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk (bench/README.md)")


def wrk(port: int, path: str, seconds: int) -> float:
    """Requests per second of ``wrk -t2 -c8``; non-2xx answers or socket errors are an error."""
    url = f"http://127.0.0.1:{port}{path}"
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "30s", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"errors while measuring {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def run_rounds(
    pages: list[tuple[str, dict[str, str]]],
    ports: dict[str, int],
    rounds: int,
    seconds: int,
    on_warm_up: Callable[[str, str, bytes], None] | None = None,
) -> dict[tuple[str, str], list[float]]:
    """``pages``: (label, {server: path}); ``ports``: {server: port}, in the order the servers
    are hit. Returns {(label, server): [rate per round]}. ``on_warm_up(label, server, body)``
    sees each warm-up answer (for the HTML sizes)."""
    rates = {(label, server): [] for label, _ in pages for server in ports}
    for label, paths in pages:
        for _ in range(WARM_UP):
            for server, port in ports.items():
                body = get(port, paths[server])
                if on_warm_up is not None:
                    on_warm_up(label, server, body)
    for round_number in range(rounds):
        for label, paths in pages:
            for server, port in ports.items():
                rates[label, server].append(wrk(port, paths[server], seconds))
        print(f"round {round_number + 1} of {rounds} done", file=sys.stderr)
    return rates


def stop(servers: list[subprocess.Popen]) -> None:
    """Stops the servers this run started."""
    for server in servers:
        server.terminate()
        server.wait(30)
