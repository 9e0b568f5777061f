"""Who the visitor is, for the throttles: their address as the site sees it.

Behind the reverse proxy (``site/nginx.conf.example``) the app sees the proxy's address; the
visitor's address is the last one the proxy added to X-Forwarded-For. That header is only
believed from the addresses in the setting ``BUURTWIJZER_TRUSTED_PROXIES`` (default: this
machine). The address is never stored: ``security.limits`` keeps only a keyed hash."""

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = getattr(settings, "BUURTWIJZER_TRUSTED_PROXIES", ("127.0.0.1", "::1"))
    if remote in trusted:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            return hops[-1]
    return remote
