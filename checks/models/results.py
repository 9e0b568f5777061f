from django.db import models
from django.utils.translation import gettext_lazy as _


class PaginaControle(models.Model):
    """The last result of the language and accessibility checks for a page's latest draft.
    Kept up to date on every save and publish; the report and the dashboard read it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        related_name="controle",
        primary_key=True,
    )
    revision_id = models.PositiveBigIntegerField(_("versie"), null=True, blank=True)
    taalniveau = models.CharField(_("taalniveau"), max_length=10, blank=True)
    taal_bevindingen = models.PositiveIntegerField(_("tips over taal"), default=0)
    toegankelijkheid_fouten = models.PositiveIntegerField(_("toegankelijkheidsfouten"), default=0)
    toegankelijkheid_waarschuwingen = models.PositiveIntegerField(
        _("waarschuwingen toegankelijkheid"), default=0
    )
    bevindingen = models.JSONField(_("bevindingen"), default=dict, blank=True)
    gecontroleerd_op = models.DateTimeField(_("gecontroleerd op"), auto_now=True)

    class Meta:
        verbose_name = _("paginacontrole")
        verbose_name_plural = _("paginacontroles")

    def __str__(self):
        return str(self.page)

    @property
    def is_ok(self) -> bool:
        from checks.b1 import ABOVE_B1

        return self.taalniveau != ABOVE_B1 and self.toegankelijkheid_fouten == 0
