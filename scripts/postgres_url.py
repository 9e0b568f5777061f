"""Prints the PostgreSQL URL the test suite should also run on, or nothing.

DATABASE_URL wins. Otherwise a server listening on 127.0.0.1:5432 is used with the project's
local test role (see .ci/run). A server that listens but refuses that role is an error, so a
PostgreSQL leg never disappears without a word.
"""

import os
import socket
import sys

DEFAULT_URL = "postgres://buurtwijzer:buurtwijzer@127.0.0.1:5432/buurtwijzer"


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        if url.startswith(("postgres://", "postgresql://")):
            print(url)
        return 0
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return 0
    import psycopg

    try:
        psycopg.connect(
            DEFAULT_URL.replace("postgres://", "postgresql://"), connect_timeout=3
        ).close()
    except psycopg.Error as error:
        print(
            f"PostgreSQL listens on 127.0.0.1:5432 but refuses {DEFAULT_URL}: {error}\n"
            "Create that role (see .ci/run) or set DATABASE_URL.",
            file=sys.stderr,
        )
        return 1
    print(DEFAULT_URL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
