"""The officialese list as administrators keep it (the 'Ambtelijke woorden' snippet), and the
word list the B1 check uses: cached between requests, cleared whenever an entry changes."""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from checks.b1.officialese import Entry, WordList, shipped_word_list

CACHE_KEY = "checks:ambtelijke-woorden"
_compiled: dict[tuple, WordList] = {}


class AmbtelijkWoord(index.Indexed, models.Model):
    """One entry of the officialese list: a word or phrase and what to write instead."""

    woord = models.CharField(
        _("ambtelijk woord of uitdrukking"),
        max_length=100,
        unique=True,
        help_text=_("Bijvoorbeeld: indien, ten behoeve van. Schrijf het in kleine letters."),
    )
    alternatief = models.CharField(
        _("schrijf liever"),
        max_length=200,
        help_text=_("Het gewone woord. Meer keuzes? Zet er een / tussen, zoals: voor / bij."),
    )
    werkwoord = models.BooleanField(
        _("werkwoord"),
        default=False,
        help_text=_(
            "Zet dit aan als het een werkwoord is, zoals verstrekken. Dan vindt de controle "
            "ook verstrekt, verstrekte en verstrekten."
        ),
    )
    vormen = models.CharField(
        _("andere vormen"),
        max_length=300,
        blank=True,
        help_text=_(
            "Vormen die de controle ook moet vinden, met een / ertussen. Bijvoorbeeld: voorzieningen."
        ),
    )

    search_fields = [index.SearchField("woord"), index.AutocompleteField("woord")]

    class Meta:
        ordering = ["woord"]
        verbose_name = _("ambtelijk woord")
        verbose_name_plural = _("ambtelijke woorden")

    def __str__(self):
        return f"{self.woord} → {self.alternatief}"

    def clean(self):
        self.woord = " ".join(self.woord.lower().split())

    def as_entry(self):
        forms = tuple(form.strip() for form in self.vormen.split("/") if form.strip())
        return Entry(self.woord, self.alternatief, self.werkwoord, forms)


def current_word_list() -> WordList:
    entries = cache.get(CACHE_KEY)
    if entries is None:
        entries = [
            (e.word, e.alternative, e.is_verb, e.forms)
            for e in (w.as_entry() for w in AmbtelijkWoord.objects.all())
        ]
        cache.set(CACHE_KEY, entries, 60 * 60)
    if not entries:  # not seeded yet (a fresh database before setup_site): use the file
        return shipped_word_list()
    key = tuple(entries)
    if key not in _compiled:  # compiling the pattern takes a moment: once per list
        _compiled.clear()
        _compiled[key] = WordList([Entry(*e) for e in entries])
    return _compiled[key]


@receiver([post_save, post_delete], sender=AmbtelijkWoord)
def _forget(**kwargs):
    cache.delete(CACHE_KEY)
