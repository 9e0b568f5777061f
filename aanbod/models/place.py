"""Where an offer happens. The buurt follows from the coordinates or the postcode.

Editors never type coordinates: a place without them (or with a point that was only estimated)
gets the centre of its postcode's buurt when it is saved (``utrecht.postcode.estimated_point``).
Coordinates from an import are kept."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from aanbod.panels import ReadOnlyPanel
from aanbod.validators import format_postcode, validate_postcode
from utrecht.neighbourhoods import buurt_by_code
from utrecht.postcode import buurt_for_place, estimated_point, is_estimated_point


class Plek(Orderable):
    page = ParentalKey("aanbod.AanbodPage", on_delete=models.CASCADE, related_name="plekken")
    name = models.CharField(
        _("naam van de plek"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: Buurthuis De Leeuw."),
    )
    address = models.CharField(_("straat en huisnummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10, validators=[validate_postcode])
    city = models.CharField(_("plaats"), max_length=100, default="Utrecht")
    latitude = models.FloatField(
        _("breedtegraad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Mag leeg blijven. Dan gebruiken we de postcode."),
    )
    longitude = models.FloatField(
        _("lengtegraad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    buurt_code = models.CharField(_("buurt (CBS-code)"), max_length=12, blank=True, editable=False)
    source_id = models.CharField(_("bron-id"), max_length=120, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        MultiFieldPanel(
            [FieldRowPanel([ReadOnlyPanel("latitude"), ReadOnlyPanel("longitude")])],
            heading=_("Plek op de kaart (voor gevorderden)"),
            help_text=_(
                "U hoeft hier niets in te vullen. Wij zoeken de plek op de kaart op met de "
                "postcode als u het aanbod bewaart."
            ),
            classname="collapsed",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")

    def save(self, *args, **kwargs):
        self.postcode = format_postcode(self.postcode)
        if self.latitude is None or self.longitude is None:
            self.latitude, self.longitude = estimated_point(self.postcode) or (None, None)
        elif is_estimated_point(self.latitude, self.longitude):
            # Estimated before: estimate again, the postcode may have changed.
            self.latitude, self.longitude = estimated_point(self.postcode) or (None, None)
        buurt = buurt_for_place(self.postcode, self.latitude, self.longitude)
        self.buurt_code = buurt.code if buurt else ""
        super().save(*args, **kwargs)

    @property
    def buurt(self):
        return buurt_by_code(self.buurt_code) if self.buurt_code else None

    def __str__(self):
        return ", ".join(
            part for part in (self.name, self.address, f"{self.postcode} {self.city}") if part
        )
