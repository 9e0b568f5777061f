"""A full-page cache for anonymous visitors (GET and HEAD), per host, path, query and language.

The key holds only the query parameters pages read (``settings.QUERY_PARAMETERS``), so
``?utm_source=...`` or a random string shares the entry of the page without it. Served from
the cache: only requests without a session or messages cookie (a logged-in editor
sees the user bar and never a cached page). Stored: only 200 HTML responses that set no
cookie, did not use a CSRF token, and say nothing against caching. The key also holds today's
date, because buurt pages show today's activities. A stored page keeps the versions of what it
shows, read before it was rendered, and is served only while they are current
(invalidation.py: publishing an offer raises only the versions of the pages that show it).
Work a view does for every visitor (counting search demand) is stored with the page and
repeated on a hit (effects.py).

Browsers get ``Cache-Control: public, max-age=60`` and a Last-Modified; Django's
ConditionalGetMiddleware (outside this one) adds the ETag and answers 304 Not Modified."""

import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from aanbod import when

from . import effects, invalidation
from .settings import QUERY_PARAMETERS, cache_alias, enabled, timeout

BROWSER_MAX_AGE = 60
NOT_STORED_HEADERS = {"set-cookie"}


def _is_anonymous(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _excluded_prefixes() -> tuple[str, ...]:
    return (reverse("wagtailadmin_home"), settings.STATIC_URL, settings.MEDIA_URL)


def known_query(request) -> str:
    """The known query parameters in a fixed order; others are left out (settings.py)."""
    return urlencode(
        [(name, value) for name in QUERY_PARAMETERS for value in request.GET.getlist(name)]
    )


def cache_key(request) -> str:
    language = translation.get_language_from_request(request, check_path=True)
    raw = "\n".join(
        [
            request.get_host(),
            request.path,
            known_query(request),
            language or "",
            when.local_now().date().isoformat(),
        ]
    )
    digest = hashlib.sha256(raw.encode()).hexdigest()
    # "v3": entries hold (content, headers, calls, versions); a cache filled by an older
    # release is never read back.
    return f"pagecache:v3:{digest}"


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return not getattr(request, "user", None) or not request.user.is_authenticated


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._applies(request):
            response = self.get_response(request)
            if not _is_anonymous(request) and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        cache = caches[cache_alias()]
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None and invalidation.still_current(stored[3]):
            content, headers, calls, _versions = stored
            effects.replay(calls)
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        # Before rendering, so a publish during the render leaves this entry outdated at once.
        # A page served by Wagtail narrows it to what it shows (wagtail_hooks.py).
        request.pagecache_versions = invalidation.versions(invalidation.DEFAULT_SCOPES)
        response = self.get_response(request)
        if _storable(request, response):
            response["Last-Modified"] = http_date(time.time())
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in NOT_STORED_HEADERS
            ]
            entry = (
                response.content,
                headers,
                effects.recorded(request),
                request.pagecache_versions,
            )
            cache.set(key, entry, timeout())
            response["X-Page-Cache"] = "miss"
        return response

    def _applies(self, request) -> bool:
        return (
            enabled()
            and request.method in ("GET", "HEAD")
            and _is_anonymous(request)
            and not request.path.startswith(_excluded_prefixes())
        )
