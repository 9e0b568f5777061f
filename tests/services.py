"""Helpers for tests that use this machine's own services (Redis) or need a port where
nothing listens."""

import socket


def redis_running(port: int = 6379) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (a service that is down, in effect)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
