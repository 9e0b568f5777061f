"""Fault suite: the site under load while Redis and then PostgreSQL go down and come back.

Starts its own redis-server (on a free port), a relay in front of PostgreSQL that it can cut
(so the real database server keeps running for everything else) and gunicorn with the
production settings, all on 127.0.0.1. Threads request public pages throughout: the home
page and a wijk page (cached after the first visit) and a search with a new word each time
(never cached, so it needs the database). Phases, each ``--seconds`` long:

1. ``normal``: everything up;
2. ``redis-down``: redis-server stopped;
3. ``redis-back``: started again on the same port;
4. ``database-down``: the relay refuses connections and drops the open ones;
5. ``database-back``: the relay lets them through again.

Per phase it counts answers by status, 5xx apart, cache hits (of requests sent once the fault
was in place), and the time from the fault's end to the first cached answer (Redis) or the
first uncached 200 (database), without any restart. ``--json`` prints the figures as JSON
(tests/site/test_faults.py runs a short form).

    DATABASE_URL=postgres://buurtwijzer:buurtwijzer@127.0.0.1:5432/buurtwijzer \\
      .venv/bin/python bench/faults.py --seconds 20 --threads 8

The database needs the site set up (``setup_site``); nothing is written to it."""

import argparse
import collections
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PHASES = ("normal", "redis-down", "redis-back", "database-down", "database-back")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Relay:
    """A TCP relay 127.0.0.1:port -> target that can be cut: ``cut()`` closes the listening
    socket (new connections are refused) and every open connection; ``restore()`` listens
    again on the same port."""

    def __init__(self, target: tuple[str, int]):
        self.target, self.port = target, free_port()
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            if listener:
                with contextlib.suppress(OSError):  # wakes the thread waiting in accept()
                    listener.shutdown(socket.SHUT_RDWR)
                listener.close()
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:  # cut while this one was connecting
                    client.close()
                    server.close()
                    return
                self._open.update((client, server))
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class Answer(NamedTuple):
    phase: str  # the phase in which it arrived
    kind: str  # "cached" (a page the cache holds) or "uncached" (a search never asked before)
    status: int  # 0: no answer
    note: str  # X-Page-Cache, or Retry-After of a 503
    began: float
    arrived: float


class Redis:
    def __init__(self):
        self.port, self.process = free_port(), None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--maxmemory", "64mb"]
        command += ["--maxmemory-policy", "allkeys-lru"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        wait_for_port(self.port)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def wait_for_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def site_env(database_url: str, redis: Redis, port: int, workers: int, root: Path = ROOT) -> dict:
    """Production settings on 127.0.0.1, with this Redis as the cache."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "BUURTWIJZER_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "REDIS_LIMITS_URL": f"redis://127.0.0.1:{redis.port}/1",
        "SEARCH_BACKEND": "database",
        "STATIC_ROOT": f"/tmp/buurtwijzer-static-{root.name}",  # noqa: S108
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_THREADS": "1",
    }


def start_site(
    database_url: str, redis: Redis, workers: int, log, root: Path = ROOT
) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = site_env(database_url, redis, port, workers, root)
    manage = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    subprocess.run(manage, cwd=root, env=env, check=True)  # noqa: S603
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py", "config.wsgi"]
    server = subprocess.Popen(gunicorn, cwd=root, env=env, stdout=log, stderr=log)  # noqa: S603
    wait_for_port(port)
    return server, port


class Load:
    """Threads that request the pages until stopped; an answer counts in the phase in which it
    arrives."""

    def __init__(self, base: str, paths: list[str], threads: int):
        self.base, self.paths = base, paths
        self.phase = "warm-up"
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(n,)) for n in range(threads)]

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _run(self, n: int) -> None:
        count = 0
        while not self._stop.is_set():
            path = self.paths[(n + count) % len(self.paths)]
            count += 1
            kind = "uncached" if "{word}" in path else "cached"
            url = self.base + path.format(word=f"fout{n}x{count}{secrets.token_hex(3)}")
            began = time.monotonic()
            status, note = _get(url)
            self.answers.append(Answer(self.phase, kind, status, note, began, time.monotonic()))


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - 127.0.0.1
            return response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        retry = error.headers.get("Retry-After", "")
        return error.code, f"retry-after={retry}" if retry else ""
    except OSError:
        return 0, "no answer"


def run(database_url: str, seconds: float, threads: int, workers: int, log) -> dict:
    parts = urlsplit(database_url)
    relay = Relay((parts.hostname or "127.0.0.1", parts.port or 5432))
    relayed = urlunsplit(
        parts._replace(netloc=f"{parts.netloc.split('@')[0]}@127.0.0.1:{relay.port}")
    )
    redis = Redis()
    redis.start()
    server, port = start_site(relayed, redis, workers, log)
    base = f"http://127.0.0.1:{port}"
    faults = {
        "redis-down": redis.stop,
        "redis-back": redis.start,
        "database-down": relay.cut,
        "database-back": relay.restore,
    }
    started: dict[str, float] = {}
    try:
        paths = ["/", "/west/", "/zoeken/?q={word}"]
        for path in paths[:2]:
            _get(base + path)  # into the cache
        with Load(base, paths, threads) as load:
            for phase in PHASES:
                load.phase = phase  # first: answers from here on belong to this phase
                if phase in faults:
                    faults[phase]()
                started[phase] = time.monotonic()  # the fault is in place
                time.sleep(seconds)
    finally:
        server.terminate()
        server.wait(30)
        if redis.process.poll() is None:
            redis.stop()
        relay.cut()
    return _figures(load.answers, started)


def _figures(answers, started) -> dict:
    figures = {}
    for phase in PHASES:
        mine = [a for a in answers if a.phase == phase]
        statuses = collections.Counter(str(a.status) for a in mine)
        by_kind = {
            kind: dict(collections.Counter(str(a.status) for a in mine if a.kind == kind))
            for kind in ("cached", "uncached")
        }
        figures[phase] = {
            "requests": len(mine),
            "statuses": dict(statuses),
            "by_kind": by_kind,
            "5xx_other_than_503": sum(1 for a in mine if 500 <= a.status != 503),
            "no_answer": statuses.get("0", 0),
            # only requests sent once the phase's fault was in place: an answer read from the
            # cache just before Redis stopped may still arrive after it
            "cache_hits": sum(1 for a in mine if a.note == "hit" and a.began >= started[phase]),
            "503_with_retry_after": sum(
                1 for a in mine if a.status == 503 and a.note.startswith("retry-after=")
            ),
        }
    figures["redis-back"]["seconds_to_first_hit"] = _first(
        answers, "redis-back", started, lambda a: a.note == "hit"
    )
    back = figures["database-back"]
    back["seconds_to_first_uncached_200"] = _first(
        answers, "database-back", started, lambda a: a.kind == "uncached" and a.status == 200
    )
    # Searches that were waiting on the cut connection still answer 503 just after it is
    # restored; once one search has been answered, none may fail any more.
    if back["seconds_to_first_uncached_200"] is not None:
        recovered = started["database-back"] + back["seconds_to_first_uncached_200"]
        back["5xx_after_recovery"] = sum(
            1
            for a in answers
            if a.phase == "database-back" and a.arrived > recovered and a.status >= 500
        )
    return figures


def _first(answers, phase, started, test) -> float | None:
    times = [a.arrived for a in answers if a.phase == phase and test(a)]
    return round(min(times) - started[phase], 2) if times else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="length of each phase")
    parser.add_argument("--threads", type=int, default=8, help="concurrent visitors")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database with the site set up.")
    if not shutil.which("redis-server"):
        sys.exit("redis-server is missing: apt-get install redis-server")
    load_average = os.getloadavg()
    with open("/tmp/buurtwijzer-faults-gunicorn.log", "wb") as log:  # noqa: S108
        figures = run(database_url, args.seconds, args.threads, args.workers, log)
    figures["load_average_before"] = [round(x, 2) for x in load_average]
    figures["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"load average before {figures['load_average_before']}, after {figures['load_average_after']}"
    )
    for phase in PHASES:
        f = figures[phase]
        extra = {k: v for k, v in f.items() if k.startswith("seconds_")}
        print(
            f"{phase:14} {f['requests']:6} requests  cached {f['by_kind']['cached']}  "
            f"uncached {f['by_kind']['uncached']}  hits {f['cache_hits']}  "
            f"5xx other than 503: {f['5xx_other_than_503']}  no answer: {f['no_answer']}  {extra}"
        )


if __name__ == "__main__":
    main()
