"""Settings for the test suite: fast hashing, plain static files, mail kept in memory."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-used-anywhere-else"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
}
BUURTWIJZER_PUBLIC_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Two-step login stays optional here; tests/security turns the requirement on.
BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS = False
# The page cache is tested on its own (tests/pagecache); other tests see fresh pages.
BUURTWIJZER_PAGE_CACHE = False
# Search runs on the database in every test, whatever OPENSEARCH_URL or ELASTICSEARCH_URL say:
# those only tell tests/contract where the search node is, and its fixture chooses a backend
# and an index of its own per test and per xdist worker. (Switching the global backend made
# every worker's setup_site rebuild one shared index at the same time.)
BUURTWIJZER_SEARCH = {"BACKEND": "database", "URL": "", "INDEX": "", "REPLICAS": 0}
