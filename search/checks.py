"""`manage.py check --deploy` for the search engine: can it be reached, is there an index, and
does it hold exactly the searchable offers (``AanbodPage.objects.searchable()``)? Only when an
engine is the backend; the database backend needs no check. A deploy check, so that other
commands (``migrate`` on an empty database, ``compile_translations``) never wait for the
engine or need the tables. Registered in ``search.apps``."""

from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .backends import EngineBackend, get_backend

REBUILD = gettext_lazy("Bouw de zoekindex opnieuw op: python manage.py search_index")


@checks.register("search", deploy=True)
def search_engine(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    backend = get_backend()
    if not isinstance(backend, EngineBackend):
        return []
    try:
        status = backend.status()
    except DatabaseError:  # no tables yet: `migrate` comes first, this check after it
        return []
    facts = {"engine": backend.name, "url": backend.url, "index": backend.alias}
    if not status.reachable:
        message = _(
            "De zoekmachine (%(engine)s op %(url)s) is niet bereikbaar. Zoeken gaat nu via "
            "de database. Dat werkt, maar is trager."
        )
        hint = _("Start de zoekmachine, of zet SEARCH_BACKEND=database.")
        return [checks.Warning(message % facts, hint=hint, id="search.W001")]
    if not status.index:
        message = _("Er is nog geen zoekindex %(index)s. Zoeken vindt nu niets.")
        return [checks.Warning(message % facts, hint=REBUILD, id="search.W002")]
    if not status.in_step:
        message = _(
            "De zoekindex %(index)s (gemaakt op %(created)s) heeft %(documents)d aanbod, maar "
            "%(searchable)d aanbod is vindbaar."
        )
        facts |= {
            "index": status.index,
            "created": status.created.strftime("%d-%m-%Y %H:%M"),
            "documents": status.documents,
            "searchable": status.searchable,
        }
        return [checks.Warning(message % facts, hint=REBUILD, id="search.W003")]
    return []
