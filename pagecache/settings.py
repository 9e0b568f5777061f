from django.conf import settings


def cache_alias() -> str:
    return getattr(settings, "BUURTWIJZER_PAGE_CACHE_ALIAS", "default")


def timeout() -> int:
    return getattr(settings, "BUURTWIJZER_PAGE_CACHE_SECONDS", 600)


def enabled() -> bool:
    return getattr(settings, "BUURTWIJZER_PAGE_CACHE", True)


# The query parameters public pages read (search: search.forms.SearchForm; the shortlist,
# sheet and card: lijst/, with ``terug``, the search a saved result returns to; the postcode form; the theme page's wijk; the notes after a report
# or an emptied list). Only these are part of a cache key, in a fixed order; any other
# parameter (a tracking tag, a random string) is ignored, so it can neither fill the cache nor
# force a render. A view that reads a new parameter adds it here (tests/pagecache checks the
# search form's fields).
QUERY_PARAMETERS = (
    "q",
    "postcode",
    "wijk",
    "buurt",
    "hulpvraag",
    "doelgroep",
    "gratis",
    "inloop",
    "rolstoel",
    "dag",
    "spreekt",
    "taal",
    "zonder",
    "pagina",
    "ids",
    "bij",
    "weg",
    "lijst",
    "terug",
    "leeg",
    "melding",
    # The sheet's name and note: part of the key, so a stored sheet without them is never
    # served instead; a sheet with them is never stored (Cache-Control: no-store).
    "van",
    "notitie",
)
