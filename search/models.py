"""Needs in other languages, so residents can search in their own words and read the labels
in their own language. Content, edited in the admin; nothing here is about visitors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from aanbod.languages import CODE_RE


def validate_language(value: str) -> None:
    from django.core.exceptions import ValidationError

    if not CODE_RE.fullmatch(value or ""):
        raise ValidationError(_("Gebruik een taalcode van twee letters, bijvoorbeeld en of ar."))


class NeedTranslation(models.Model):
    need = models.ForeignKey(
        "aanbod.Hulpvraag",
        verbose_name=_("hulpvraag"),
        on_delete=models.CASCADE,
        related_name="translations",
    )
    language = models.CharField(
        _("taal"),
        max_length=3,
        validators=[validate_language],
        help_text=_("Taalcode van twee letters, bijvoorbeeld en (Engels) of ar (Arabisch)."),
    )
    label = models.CharField(_("naam"), max_length=80)
    phrasing = models.CharField(_("zoals een bewoner het zegt"), max_length=120)
    synonyms = models.TextField(
        _("andere woorden"),
        blank=True,
        help_text=_("Woorden die bewoners gebruiken, gescheiden door komma's."),
    )

    panels = [
        FieldPanel("need"),
        FieldPanel("language"),
        FieldPanel("label"),
        FieldPanel("phrasing"),
        FieldPanel("synonyms"),
    ]

    class Meta:
        ordering = ["language", "need__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "language"], name="one_translation_per_language"
            )
        ]
        verbose_name = _("vertaling van een hulpvraag")
        verbose_name_plural = _("vertalingen van hulpvragen")

    def __str__(self):
        return f"{self.phrasing} ({self.language})"
