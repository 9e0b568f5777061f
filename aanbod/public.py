"""The site's public address. Every absolute URL (QR codes, the sheet and the card, share
links, .ics feeds, e-mails) is built from the one setting BUURTWIJZER_PUBLIC_URL, never from
the Wagtail Site (localhost:80 in the demo) or from the request's host."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 (compared, not bound)


def public_url(path: str) -> str:
    """The full address of a path on this site, e.g. "/west/taalcafe/"."""
    return settings.BUURTWIJZER_PUBLIC_URL.rstrip("/") + path


class PublicUrlMixin:
    """For page models: Wagtail's full_url (used in its workflow e-mails too) from the setting."""

    def get_full_url(self, request=None):
        parts = self.get_url_parts(request=request)
        return None if parts is None else public_url(parts[2])

    full_url = property(get_full_url)


def check_public_url(app_configs=None, **kwargs):
    """Outside DEBUG the public address must be set, and not to this machine."""
    if settings.DEBUG:
        return []
    url = getattr(settings, "BUURTWIJZER_PUBLIC_URL", "")
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.hostname and parts.hostname not in LOCAL_HOSTS:
        return []
    return [
        checks.Error(
            f"BUURTWIJZER_PUBLIC_URL is {url!r}: set it to the site's public address, "
            "e.g. https://buurtwijzer.utrecht.nl. QR codes, shared links and e-mails use it.",
            id="buurtwijzer.E001",
        )
    ]
