"""What the translation machinery stores: per page and language, what a translation was made
from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PaginaVertaling(models.Model):
    """Per page and language: a fingerprint of the Dutch text a translation was made from,
    so the editor sees when the Dutch changed after the translation was saved. The row for
    "nl" holds the fingerprint of the Dutch text as it is now. Kept by
    ``vertalingen.status.record`` whenever a page is published."""

    page = models.ForeignKey(
        Page, verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="translation_states"
    )
    language = models.CharField(_("taal"), max_length=8, db_column="taal")
    source_hash = models.CharField(
        _("vingerafdruk van de Nederlandse tekst"), max_length=64, db_column="bron_hash"
    )
    translation_hash = models.CharField(
        _("vingerafdruk van de vertaling"), max_length=64, db_column="vertaling_hash"
    )
    updated_at = models.DateTimeField(
        _("vertaling bijgewerkt op"), auto_now=True, db_column="bijgewerkt_op"
    )

    class Meta:
        # Made in the home app: the table and its columns kept their (Dutch) names.
        db_table = "home_paginavertaling"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="een_stand_per_pagina_en_taal"
            )
        ]
        verbose_name = _("vertaalstand van een pagina")
        verbose_name_plural = _("vertaalstanden van pagina's")

    def __str__(self):
        return f"{self.page_id} ({self.language})"
