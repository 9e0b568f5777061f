from django.conf import settings


def cache_alias() -> str:
    return getattr(settings, "BUURTWIJZER_PAGE_CACHE_ALIAS", "default")


def timeout() -> int:
    return getattr(settings, "BUURTWIJZER_PAGE_CACHE_SECONDS", 600)


def enabled() -> bool:
    return getattr(settings, "BUURTWIJZER_PAGE_CACHE", True)
