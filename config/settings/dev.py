"""Local development on the embedded default (SQLite, local memory cache, mail to the console)."""

import os
import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]


def _local_secret_key() -> str:
    """A key made once per checkout and kept out of git, so no secret lives in the code."""
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _local_secret_key()

# Static files come straight from the apps' folders; collectstatic is for production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Editors and developers see every change at once; `BUURTWIJZER_PAGE_CACHE=1` to try it.
BUURTWIJZER_PAGE_CACHE = env_bool("BUURTWIJZER_PAGE_CACHE", False)

# A local demo (`make run`) lets its administrator in without an authenticator app; set
# BUURTWIJZER_TWO_FACTOR=1 to try two-step login locally. Production always requires it.
BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS = env_bool("BUURTWIJZER_TWO_FACTOR", False)
