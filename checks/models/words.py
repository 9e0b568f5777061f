from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


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
        from checks.b1.officialese import Entry

        forms = tuple(form.strip() for form in self.vormen.split("/") if form.strip())
        return Entry(self.woord, self.alternatief, self.werkwoord, forms)
