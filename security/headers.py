"""Security headers on every response: Content-Security-Policy and Permissions-Policy.

(HSTS, X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy come from
Django's SecurityMiddleware; X-Frame-Options from XFrameOptionsMiddleware.)

Two policies:

- public pages: no inline script or style at all, everything from this site; the only other
  host is the map's tile server, and only when ``BUURTWIJZER_MAP_TILES_URL`` names one;
- the Wagtail admin, and public pages seen by a logged-in editor (the user bar and its
  accessibility checker): Wagtail's admin uses inline scripts and styles, so that policy
  allows ``'unsafe-inline'``. Only logged-in people get it; residents never do.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def _origin(url: str) -> str:
    parts = urlsplit(url.replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _extra_image_hosts() -> list[str]:
    hosts = []
    tile_url = getattr(settings, "BUURTWIJZER_MAP_TILES_URL", "")
    if tile_url:
        origin = _origin(tile_url)
        if origin:
            hosts.append(origin.replace("://a.", "://*.") if "{s}" in tile_url else origin)
    return hosts


def public_policy() -> str:
    img = " ".join(["'self'", "data:", *_extra_image_hosts()])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {img}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def admin_policy() -> str:
    img = " ".join(["'self'", "data:", "blob:", *_extra_image_hosts()])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {img}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def _is_admin(request) -> bool:
    if request.path.startswith(reverse("wagtailadmin_home")):
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False  # no session: a resident; do not touch the session (keeps pages cacheable)
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = admin_policy() if _is_admin(request) else public_policy()
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
