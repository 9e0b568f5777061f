"""Search demand, counted anonymously: per day, need and wijk only how many searches there
were and how many found nothing. No query text, no address, no session, no time of day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Zoekvraag(models.Model):
    day = models.DateField(_("dag"))
    need_code = models.CharField(
        _("hulpvraag"), max_length=40, blank=True, help_text=_("Leeg: we herkenden geen hulpvraag.")
    )
    wijk_code = models.CharField(
        _("wijk"), max_length=12, blank=True, help_text=_("Leeg: er was geen wijk gekozen.")
    )
    searches = models.PositiveIntegerField(_("keer gezocht"), default=0)
    found_nothing = models.PositiveIntegerField(_("keer niets gevonden"), default=0)

    class Meta:
        verbose_name = _("zoekvraag")
        verbose_name_plural = _("zoekvragen")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "need_code", "wijk_code"], name="zoekvraag_one_row_per_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.need_code or '-'} {self.wijk_code or '-'}: {self.searches}"
