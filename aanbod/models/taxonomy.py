"""Needs (Hulpvraag) and target groups (Doelgroep). Codes are stable; labels, resident
phrasings and synonyms are content that administrators edit."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

code_validator = RegexValidator(
    r"^[a-z][a-z0-9-]*$",
    _("Gebruik alleen kleine letters, cijfers en streepjes. Bijvoorbeeld: praktische-hulp."),
)


class Hulpvraag(index.Indexed, models.Model):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[code_validator],
        help_text=_("Vaste code. Verander die niet: andere systemen gebruiken hem."),
    )
    label = models.CharField(_("naam"), max_length=80)
    phrasing = models.CharField(
        _("zoals een bewoner het zegt"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Ik voel me alleen."),
    )
    description = models.TextField(_("uitleg"), blank=True)
    synonyms = models.TextField(
        _("andere woorden"),
        blank=True,
        help_text=_("Woorden die bewoners gebruiken, gescheiden door komma's."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("label"),
        FieldPanel("phrasing"),
        FieldPanel("description"),
        FieldPanel("synonyms"),
        FieldPanel("code"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("label"),
        index.SearchField("phrasing"),
        index.SearchField("synonyms"),
        index.AutocompleteField("label"),
        index.FilterField("code"),
    ]

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")

    def __str__(self):
        return self.phrasing or self.label

    @property
    def synonym_list(self) -> list[str]:
        return [word.strip() for word in self.synonyms.split(",") if word.strip()]


class Doelgroep(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    label = models.CharField(_("naam"), max_length=80)
    description = models.TextField(_("uitleg"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("label"),
        FieldPanel("description"),
        FieldPanel("code"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self):
        return self.label
