"""Settings shared by every environment. Everything that differs per machine comes from
environment variables (see README, "Configuratie")."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the apps whose models it translates; `makemigrations` and `migrate` are theirs
    # too: Wagtail's Page gets its title_<lang> columns from `migrate` (sync_page_translation_fields),
    # not from a migration in Wagtail's own package.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    # The project's apps, one responsibility each (docs/architecture.md).
    "home",
    "buurten",
    "aanbod",
    "redactie",
    "hsds",
    "search",
    "checks",
    "vertalingen",
    "lijst",
    "overzicht",
    "kaart",
    "security",
    "pagecache",
    "inrichting",
    # The API docs (/api/v1/docs) with Swagger UI from django-ninja's own static files, not
    # from a CDN the Content-Security-Policy would block.
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # --- speed: ETag/304 for every page, then the full-page cache for anonymous
    # visitors (pagecache/), before anything that touches the session or the database ---
    "django.middleware.http.ConditionalGetMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    # --- end speed ---
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.frame.SiteMiddleware",  # speed: the Wagtail site per process, not per request
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # --- security: two-step login for the admin, CSP and Permissions-Policy ---
    "django_otp.middleware.OTPMiddleware",
    "security.two_factor.middleware.TwoFactorMiddleware",
    "security.headers.SecurityHeadersMiddleware",
    # --- end security ---
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The embedded default is SQLite in the project folder; production sets DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept connection that broke (the database restarted) is noticed before a request
        # uses it, instead of costing that request a 503 (bench/faults.py).
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "security.passwords.LengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- security -------------------------------------------------------------------
# Headers for every environment; production adds HSTS, HTTPS redirect and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Wagtail's admin previews pages in an iframe on the same site; security/headers.py sets
# frame-ancestors 'self' for the admin and 'none' for public pages.
# Sessions: 8 hours at most; without "Onthoud mij" they end when the browser closes (Wagtail's
# login view decides that per login).
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Two-step login codes (django-otp): the name the app shows, and no images from other sites.
OTP_TOTP_ISSUER = "Buurtwijzer Utrecht"
# Superusers and "Beheerders" must set up two-step login (the test settings switch this off
# so other suites can log in with force_login; tests/security switches it on).
BUURTWIJZER_TWO_FACTOR_REQUIRED_FOR_ADMINS = True
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The map's tile server (BUURTWIJZER_MAP_TILES_URL, below) is the only other host the
# Content-Security-Policy allows, and only for images.
# Editors log in with their e-mail address (their user name since the invitation); the login
# form says so (security/email_login.py).
AUTHENTICATION_BACKENDS = ["security.email_login.EmailOrUsernameBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "security.email_login.LoginForm"
# --- end security ---------------------------------------------------------------------------

# Language and time: Dutch first, Utrecht's clock.
LANGUAGE_CODE = "nl"
# Each language named in itself: that is how a resident recognises their own language in
# the switcher. Dutch is the source; the others may be incomplete and fall back to Dutch.
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
# Slugs stay Dutch in every language (/ar/overvecht/...): buurt names are proper names, a
# link keeps working when a translation is added or changed, and hreflang alternates differ
# only in their prefix. Titles are translated.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
# The project's texts; then the admin's texts from Wagtail and wagtail-modeltranslation in the
# editors' Dutch ("u", no English), which win over the packages' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "redactie" / "admin_locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page editor forms can be large.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "buurtwijzer",
    }
}


def redis_cache(url: str) -> dict:
    """Redis at ``url``. Down or slow: a read is a miss and a write is dropped, after at most
    half a second, so pages render uncached instead of failing (pagecache/outage.py)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "buurtwijzer",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


if os.environ.get("REDIS_URL"):
    CACHES["default"] = redis_cache(os.environ["REDIS_URL"])
# Rate-limit counters (log-in, feedback form) apart from the page cache, so a full page cache
# cannot evict them (site/compose.yaml: a second, small Redis that never evicts).
CACHES["limits"] = (
    redis_cache(os.environ["REDIS_LIMITS_URL"])
    if os.environ.get("REDIS_LIMITS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"}
)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "buurtwijzer.cache"

# --- speed: the full-page cache (pagecache/) uses the default cache: Redis in
# production (REDIS_URL), local memory otherwise. Off in dev and test settings.
BUURTWIJZER_PAGE_CACHE = env_bool("BUURTWIJZER_PAGE_CACHE", True)
BUURTWIJZER_PAGE_CACHE_SECONDS = int(os.environ.get("BUURTWIJZER_PAGE_CACHE_SECONDS", "600"))
# --- end speed ---

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Buurtwijzer Utrecht <noreply@localhost>")

# Wagtail
WAGTAIL_SITE_NAME = "Buurtwijzer Utrecht"
# The site's public address: every absolute URL (QR codes, shared links, .ics, e-mails) is
# built from it (aanbod/public.py); production requires it (system check buurtwijzer.E001).
BUURTWIJZER_PUBLIC_URL = os.environ.get("BUURTWIJZER_PUBLIC_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BUURTWIJZER_PUBLIC_URL
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Europe/Amsterdam"]
WAGTAILSEARCH_BACKENDS = {
    # SEARCH_CONFIG: PostgreSQL's Dutch full-text configuration (stemming, stop words);
    # SQLite ignores it.
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
# Search by need (search/): SEARCH_BACKEND is "database", "opensearch" or "elasticsearch";
# without it, OpenSearch when OPENSEARCH_URL is set, Elasticsearch 8 when ELASTICSEARCH_URL is,
# else the database. SEARCH_INDEX_REPLICAS: copies of the index on other nodes of a cluster.
_SEARCH_URLS = {
    "opensearch": os.environ.get("OPENSEARCH_URL", ""),
    "elasticsearch": os.environ.get("ELASTICSEARCH_URL", ""),
}
_SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND") or next(
    (name for name, url in _SEARCH_URLS.items() if url), "database"
)
BUURTWIJZER_SEARCH = {
    "BACKEND": _SEARCH_BACKEND,
    "URL": _SEARCH_URLS.get(_SEARCH_BACKEND, ""),
    "INDEX": os.environ.get("SEARCH_INDEX")
    or os.environ.get("ELASTICSEARCH_INDEX")
    or "buurtwijzer-aanbod",
    "REPLICAS": int(os.environ.get("SEARCH_INDEX_REPLICAS", "0")),
}
# --- uploads: no SVG (it can carry scripts), size and pixel limits (decompression
# bombs), metadata and original file names removed (security/uploads.py) ---
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.CleanImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.CleanDocumentForm"
# --- end uploads ---
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The user bar's accessibility checker runs for editors on every page.
WAGTAILADMIN_USERBAR_ACCESSIBILITY_CHECKER = True

# Reverse proxies whose X-Forwarded-For is believed (the feedback form's rate limit).
# The map (kaart app): a tile URL template such as https://tile.example.org/{z}/{x}/{y}.png.
# Empty (the default): no map button, only the list of addresses. Tiles come from a third
# party, so they load only after a visitor presses "Toon kaart".
BUURTWIJZER_MAP_TILES_URL = os.environ.get("BUURTWIJZER_MAP_TILES_URL", "")
BUURTWIJZER_MAP_ATTRIBUTION = os.environ.get(
    "BUURTWIJZER_MAP_ATTRIBUTION", "© OpenStreetMap-bijdragers"
)

BUURTWIJZER_TRUSTED_PROXIES = tuple(env_list("BUURTWIJZER_TRUSTED_PROXIES", "127.0.0.1,::1"))

# Privacy: no visitor addresses in the logs; the filter replaces any IP address.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_addresses": {"()": "security.log_privacy.RedactAddresses"},
        "once_per_minute": {"()": "pagecache.outage.OncePerMinute"},
        "once_per_minute_demand": {"()": "pagecache.outage.OncePerMinute"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_addresses"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Redis down: one line a minute instead of a traceback per cache call.
        "buurtwijzer.cache": {
            "handlers": ["console"],
            "filters": ["once_per_minute"],
            "level": "WARNING",
            "propagate": False,
        },
        "overzicht.demand": {
            "handlers": ["console"],
            "filters": ["once_per_minute_demand"],
            "level": "WARNING",
            "propagate": False,
        },
        # Request lines carry visitors' addresses; the app itself does not log them.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
