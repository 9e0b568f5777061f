"""When an offer happens: repeating times (also opening hours) and dated events.

A repeating time is weekly, every two, three or four weeks (counted from its first date),
monthly on a weekday ("the third Thursday", "the last Friday") or monthly on a day of the
month ("the 15th"); it can have a first and a last date and dates it does not happen
(holidays). The editor picks these from plain choices; ``aanbod.when`` applies them and
``aanbod.calendar`` writes them as RRULE and EXDATE."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from aanbod.forms import DateListFormField


class Weekday(models.IntegerChoices):
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class Repeat(models.TextChoices):
    """How often a repeating time comes back, as the editor chooses it."""

    WEEK = "week", _("elke week")
    TWO_WEEKS = "2-weken", _("om de week (elke twee weken)")
    THREE_WEEKS = "3-weken", _("elke drie weken")
    FOUR_WEEKS = "4-weken", _("elke vier weken")
    FIRST = "maand-1", _("elke maand, de eerste (bijvoorbeeld de eerste dinsdag)")
    SECOND = "maand-2", _("elke maand, de tweede")
    THIRD = "maand-3", _("elke maand, de derde")
    FOURTH = "maand-4", _("elke maand, de vierde")
    LAST = "maand-laatste", _("elke maand, de laatste")
    MONTH_DAY = "maand-datum", _("elke maand op dezelfde datum (bijvoorbeeld de 15e)")


# Every how many weeks, and which week of the month (-1: the last), per choice.
INTERVAL = {Repeat.TWO_WEEKS: 2, Repeat.THREE_WEEKS: 3, Repeat.FOUR_WEEKS: 4}
WEEK_OF_MONTH = {
    Repeat.FIRST: 1,
    Repeat.SECOND: 2,
    Repeat.THIRD: 3,
    Repeat.FOURTH: 4,
    Repeat.LAST: -1,
}


class DateListField(models.JSONField):
    """A list of dates, stored as ISO strings; in the editor's form written as 25-12-2026."""

    def formfield(self, **kwargs):
        return models.Field.formfield(self, form_class=DateListFormField, **kwargs)


class Tijdstip(Orderable):
    """One repeating time ("every Tuesday 14:00-16:00", "the third Thursday of the month")
    or one dated event (a date and times)."""

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
    repeat = models.CharField(
        _("hoe vaak"),
        max_length=20,
        choices=Repeat.choices,
        default=Repeat.WEEK,
        help_text=_(
            "Om de week? Vul dan ook in wanneer de eerste keer is. Eén keer per maand? "
            "Kies dan ook de dag van de week, bijvoorbeeld donderdag."
        ),
    )
    month_day = models.PositiveSmallIntegerField(
        _("datum in de maand"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Alleen bij 'elke maand op dezelfde datum'. Bijvoorbeeld 15."),
    )
    valid_from = models.DateField(
        _("de eerste keer"),
        null=True,
        blank=True,
        help_text=_(
            "Mag leeg blijven als het al bezig is. Wel nodig bij om de week, of elke drie "
            "of vier weken."
        ),
    )
    valid_until = models.DateField(
        _("de laatste keer"),
        null=True,
        blank=True,
        help_text=_("Mag leeg blijven als er geen einde is."),
    )
    skip_dates = DateListField(
        _("niet op deze datums"),
        default=list,
        blank=True,
        help_text=_(
            "Bijvoorbeeld feestdagen of de zomervakantie. "
            "Schrijf de datums zo: 25-12-2026, 1-1-2027."
        ),
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
        help_text=_("Bijvoorbeeld: neem uw eigen lunch mee."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("date")]),
        FieldRowPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("past_midnight")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("month_day")]),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("skip_dates"),
            ],
            heading=_("Hoe vaak"),
        ),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tijd")
        verbose_name_plural = _("tijden")

    def clean(self):
        super().clean()
        errors = self._day_errors()
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

    @property
    def interval(self) -> int:
        """Every how many weeks (1 for weekly and monthly times)."""
        return INTERVAL.get(self.repeat, 1)

    @property
    def week_of_month(self) -> int | None:
        """1 to 4 for the first to fourth weekday of the month, -1 for the last."""
        return WEEK_OF_MONTH.get(self.repeat)

    def _day_errors(self) -> dict:
        """Which day and how often: a weekday, a date or a day of the month, and the choice
        in 'hoe vaak', must fit together."""
        if self.date is not None:
            if self.weekday is not None:
                return {"date": _("Kies een dag van de week óf een datum, niet allebei.")}
            if self.repeat != Repeat.WEEK or self.month_day is not None:
                return {
                    "repeat": _(
                        "U vulde een datum in. Dan is het één keer. Komt het vaker terug? "
                        "Maak de datum dan leeg en kies een dag van de week."
                    )
                }
            return {}
        errors = {}
        if self.repeat == Repeat.MONTH_DAY:
            if self.month_day is None:
                errors["month_day"] = _("Vul de datum in de maand in, bijvoorbeeld 15.")
            if self.weekday is not None:
                errors["weekday"] = _(
                    "U koos 'elke maand op dezelfde datum'. Laat de dag van de week dan leeg."
                )
        elif self.month_day is not None:
            errors["month_day"] = _(
                "Een datum in de maand past alleen bij 'elke maand op dezelfde datum'."
            )
        elif self.weekday is None and self.week_of_month is not None:
            errors["weekday"] = _(
                "U koos '%(repeat)s'. Kies dan ook de dag van de week, bijvoorbeeld donderdag."
            ) % {"repeat": self.get_repeat_display()}
        elif self.weekday is None:
            errors["weekday"] = _("Kies een dag van de week, of een datum.")
        if self.interval > 1 and self.valid_from is None:
            errors["valid_from"] = _(
                "Vul in wanneer de eerste keer is. Dan weet iedereen in welke weken het is."
            )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _(
                "De laatste keer is eerder dan de eerste keer. Kijk of u de datums goed hebt "
                "ingevuld."
            )
        return errors
