"""The production server (gunicorn with site/gunicorn.conf.py) writes no visitor's address in
its own log lines, and no access lines."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.services import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_a_bad_request_is_logged_without_the_visitors_address(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        server = subprocess.Popen(  # noqa: S603 - our own server, on 127.0.0.1
            [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            # Up to a minute: on a loaded machine gunicorn took more than 15 s to listen.
            deadline = time.monotonic() + 60
            while True:
                try:
                    connection = socket.create_connection(("127.0.0.1", port), timeout=1)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise AssertionError(
                            f"gunicorn did not listen: {log.read_text()!r}"
                        ) from None
                    time.sleep(0.1)
            with connection:
                connection.sendall(b"NOT A REQUEST\r\n\r\n")
                answer = connection.recv(200)
            assert answer.startswith(b"HTTP/1.1 400")
            for _ in range(200):
                if "Invalid request" in log.read_text():
                    break
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(10)
    text = log.read_text()
    assert "Invalid request from ip=[adres]" in text
    assert "127.0.0.1" not in text.replace(f"127.0.0.1:{port}", "")  # only where it listens
    assert "NOT A REQUEST" not in text.split("Invalid request", 1)[0]  # no access line before
