"""Cross-site protection for the feedback form without a CSRF token.

The offer pages are served from the full-page cache (pagecache/), so the form on them carries
no per-visitor token and anonymous visitors get no cookie at all. A forged post from another
site is refused by its Origin header (every current browser sends it with a cross-site POST)
or, failing that, its Referer. A post with neither is let through: it can only add a report
to the editors' inbox, and the honeypot and the rate limit still apply."""

from urllib.parse import urlsplit

from django.conf import settings


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def is_same_site(request) -> bool:
    allowed = {f"{request.scheme}://{request.get_host()}".lower()}
    allowed.update(origin.lower() for origin in settings.CSRF_TRUSTED_ORIGINS)
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin.lower() in allowed
    if origin == "null":
        return False
    referer = request.headers.get("Referer")
    if referer:
        return _origin_of(referer) in allowed
    return True
