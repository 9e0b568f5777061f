import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from aanbod.validators import validate_dutch_phone


class Organisatie(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        BEWONERSINITIATIEF = "bewonersinitiatief", _("Bewonersinitiatief")
        VRIJWILLIGERSORGANISATIE = "vrijwilligersorganisatie", _("Vrijwilligersorganisatie")
        PROFESSIONEEL = "professionele-organisatie", _("Professionele organisatie")
        GEMEENTE = "gemeente", _("Gemeente")

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(
        _("soort"), max_length=40, choices=Kind.choices, default=Kind.BEWONERSINITIATIEF
    )
    description = models.TextField(_("wie zijn jullie?"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_dutch_phone]
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redacteuren"),
        blank=True,
        related_name="organisaties",
        help_text=_("Deze mensen mogen het aanbod van deze organisatie aanpassen, in elke buurt."),
    )
    source_id = models.CharField(
        _("bron-id"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "De code uit een ander systeem (Open Referral). Laat leeg als u het niet weet."
        ),
    )
    # The organisation's id in Open Referral exports and the API (see hsds/ids.py).
    hsds_id = models.UUIDField(
        _("Open Referral-id"), default=uuid.uuid4, unique=True, editable=False
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("editors"),
        FieldPanel("source_id"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name
