"""The project's own checks for ``manage.py check --deploy``: defaults that are fine on a
laptop and wrong on the real site. Each is an Error, so the deploy check fails (Django's own
deploy checks are warnings, which ``check --deploy`` lets pass).

Registered in ``security.apps``; they read the Wagtail Site from the database and say nothing
when it cannot be read yet (``migrate`` on an empty database runs the checks too)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site

from aanbod.public import LOCAL_HOSTS

DEVELOPMENT_MAIL = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
)
MIN_KEY_LENGTH = 50
MIN_KEY_CHARACTERS = 5


def _is_local(url: str) -> bool:
    return (urlsplit(url).hostname or "localhost") in LOCAL_HOSTS


def site_hostname(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []
    if site is None or site.hostname not in LOCAL_HOSTS:
        return []
    return [
        checks.Error(
            f"The default Wagtail Site is still {site.hostname}:{site.port}.",
            hint="Set BUURTWIJZER_PUBLIC_URL and run `manage.py setup_site`, or set the "
            "hostname under Instellingen > Sites.",
            id="buurtwijzer.E002",
        )
    ]


def mail(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    if settings.EMAIL_BACKEND in DEVELOPMENT_MAIL:
        errors.append(
            checks.Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: invitations, password resets and "
                "review e-mails would never reach anyone (and the console backend writes their "
                "links into the log).",
                hint="Set DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and "
                "EMAIL_HOST.",
                id="buurtwijzer.E003",
            )
        )
    sender = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">").strip().lower()
    if sender in LOCAL_HOSTS:
        errors.append(
            checks.Error(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}: mail from @{sender} is "
                "refused or marked as spam.",
                hint="Set DEFAULT_FROM_EMAIL to an address of the organisation.",
                id="buurtwijzer.E004",
            )
        )
    return errors


def admin_address(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if not _is_local(url):
        return []
    return [
        checks.Error(
            f"WAGTAILADMIN_BASE_URL is {url!r}: links in the editors' e-mails would point to "
            "this machine.",
            hint="It follows BUURTWIJZER_PUBLIC_URL; set that to the site's public address.",
            id="buurtwijzer.E005",
        )
    ]


def secret_key(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    key = settings.SECRET_KEY
    weak = (
        len(key) < MIN_KEY_LENGTH
        or len(set(key)) < MIN_KEY_CHARACTERS
        or key.startswith("django-insecure-")
    )
    if not weak:
        return []
    return [
        checks.Error(
            f"DJANGO_SECRET_KEY is weak: use at least {MIN_KEY_LENGTH} random characters.",
            hint="python -c 'import secrets; print(secrets.token_urlsafe(64))'",
            id="buurtwijzer.E006",
        )
    ]


def register() -> None:
    for check in (site_hostname, mail, admin_address, secret_key):
        checks.register(check, checks.Tags.security, deploy=True)
