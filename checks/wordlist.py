"""The officialese list as administrators keep it (the 'Ambtelijke woorden' snippet), cached
between requests and cleared whenever an entry changes."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from checks.b1.officialese import Entry, WordList, read_csv

CACHE_KEY = "checks:ambtelijke-woorden"
_local: dict[tuple, WordList] = {}


def current_word_list() -> WordList:
    from checks.models import AmbtelijkWoord

    entries = cache.get(CACHE_KEY)
    if entries is None:
        entries = [
            (e.word, e.alternative, e.is_verb, e.forms)
            for e in (w.as_entry() for w in AmbtelijkWoord.objects.all())
        ]
        cache.set(CACHE_KEY, entries, 60 * 60)
    if not entries:  # not seeded yet (a fresh database before setup_site): use the file
        return csv_word_list()
    key = tuple(entries)
    if key not in _local:  # compiling the pattern takes a moment: once per list
        _local.clear()
        _local[key] = WordList([Entry(*e) for e in entries])
    return _local[key]


def csv_word_list() -> WordList:
    key = ("csv",)
    if key not in _local:
        _local[key] = WordList(read_csv())
    return _local[key]


@receiver([post_save, post_delete], sender="checks.AmbtelijkWoord")
def _forget(**kwargs):
    cache.delete(CACHE_KEY)
