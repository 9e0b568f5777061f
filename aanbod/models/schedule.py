"""When an offer happens: weekly times (also opening hours) and dated events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class Weekday(models.IntegerChoices):
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class Tijdstip(Orderable):
    """One weekly time ("every Tuesday 14:00-16:00") or one dated event (a date and times)."""

    page = ParentalKey("aanbod.AanbodPage", on_delete=models.CASCADE, related_name="tijden")
    weekday = models.PositiveSmallIntegerField(
        _("dag van de week"), choices=Weekday.choices, null=True, blank=True
    )
    date = models.DateField(
        _("datum"),
        null=True,
        blank=True,
        help_text=_("Alleen voor iets dat één keer is. Kies dan geen dag van de week."),
    )
    opens_at = models.TimeField(_("van"))
    closes_at = models.TimeField(_("tot"))
    past_midnight = models.BooleanField(
        _("gaat door na middernacht"),
        default=False,
        help_text=_("Bijvoorbeeld van 21.00 tot 1.00 uur 's nachts."),
    )
    note = models.CharField(
        _("opmerking"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: elke eerste dinsdag van de maand."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("date")]),
        FieldRowPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("past_midnight")]
        ),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tijd")
        verbose_name_plural = _("tijden")

    def clean(self):
        super().clean()
        errors = {}
        if self.weekday is None and self.date is None:
            errors["weekday"] = _("Kies een dag van de week, of een datum.")
        elif self.weekday is not None and self.date is not None:
            errors["date"] = _("Kies een dag van de week óf een datum, niet allebei.")
        if self.opens_at and self.closes_at:
            if self.closes_at == self.opens_at:
                errors["closes_at"] = _(
                    "De eindtijd is gelijk aan de begintijd. Pas een van de twee aan."
                )
            elif self.closes_at < self.opens_at and not self.past_midnight:
                errors["closes_at"] = _(
                    "De eindtijd is eerder dan de begintijd. Gaat het door na middernacht? "
                    "Zet dan 'gaat door na middernacht' aan."
                )
            elif self.closes_at > self.opens_at and self.past_midnight:
                errors["past_midnight"] = _(
                    "De eindtijd is later dan de begintijd, dus het gaat niet door na middernacht. "
                    "Zet dit uit."
                )
        if errors:
            raise ValidationError(errors)
