"""Wijken and buurten as pages, so that an offer lives under the buurt of its place and a
buurt's editors get exactly their buurt through Wagtail's page permissions."""

import math

from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from aanbod.listing import annotate_today, area_context, area_offers
from aanbod.models import AanbodPage
from aanbod.models.permissions import RightsMixin
from aanbod.models.queryset import public
from aanbod.public import PublicUrlMixin
from utrecht.postcode import PostcodeError, PostcodeMatch, lookup
from vertalingen.columns import in_visitors_language
from vertalingen.panels import TranslationStatusPanel


class AreaPage(RightsMixin, PublicUrlMixin, Page):
    """Shared fields of a wijk and a buurt: the official CBS code and a short text."""

    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=12,
        unique=True,
        help_text=_("De officiële code van het CBS, bijvoorbeeld BU03440411."),
    )
    intro = models.TextField(
        _("korte tekst"),
        blank=True,
        help_text=_("Twee of drie zinnen over de buurt: wat is er, voor wie."),
    )
    latitude = models.FloatField(_("breedtegraad (midden)"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad (midden)"), null=True, blank=True)

    content_panels = [TranslationStatusPanel(), *Page.content_panels, FieldPanel("intro")]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("cbs_code"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Gegevens van het CBS"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    is_creatable = False

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["result"] = area_context(area_offers(self, request))
        return context


class WijkPage(AreaPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["buurten.BuurtPage"]

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        buurten = in_visitors_language(BuurtPage.objects.child_of(self).live())
        context["buurten"] = public(buurten, request).order_by("title")
        return context


class BuurtPage(AreaPage):
    subwijk = models.CharField(_("deel van de wijk"), max_length=100, blank=True)

    parent_page_types = ["buurten.WijkPage"]
    subpage_types = ["aanbod.AanbodPage"]

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")

    @classmethod
    def for_postcode(cls, match: PostcodeMatch):
        """The live page of the buurt a postcode belongs to, or None."""
        return cls.objects.live().public().filter(cbs_code=match.buurt.code).first()

    # A buurt with fewer offers than this also shows up to NEARBY_SHOWN offers of the nearest
    # buurten of its wijk, marked as such.
    NEARBY_WHEN_FEWER = 3
    NEARBY_SHOWN = 4

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wijk"] = self._wijk()
        context["postcode_note"] = self.postcode_note(request.GET.get("postcode", ""))
        own = context["result"]["offers"]
        # Only for a buurt with few offers: a page with more asks fewer questions, never more.
        context["nearby"] = (
            self.nearby_offers(exclude=[offer.pk for offer in own], request=request)
            if len(own) < self.NEARBY_WHEN_FEWER
            else []
        )
        return context

    def _wijk(self):
        """The wijk above: the page routing loaded (home/routing.py; its title and address are
        all the page shows), or else from the database."""
        parent = getattr(self, "_cached_parent_obj", None)
        if parent is not None and issubclass(parent.specific_class or Page, WijkPage):
            return parent
        return WijkPage.objects.ancestor_of(self).first()

    def _distance(self, other) -> float:
        """Roughly, in km, between the centres of two buurten; unknown centres come last."""
        if None in (self.latitude, self.longitude, other.latitude, other.longitude):
            return math.inf
        dy = (other.latitude - self.latitude) * 111.2
        dx = (other.longitude - self.longitude) * 111.2 * math.cos(math.radians(self.latitude))
        return math.hypot(dx, dy)

    def nearby_offers(self, exclude=(), request=None) -> list:
        """Up to NEARBY_SHOWN listed offers placed in the other buurten of this wijk, from the
        nearest buurt (by its centre) on, each with ``nearby_buurt``; in two queries and the
        cards' prefetches."""
        others = in_visitors_language(BuurtPage.objects.sibling_of(self, inclusive=False).live())
        siblings = sorted(
            public(others, request),
            key=lambda buurt: (self._distance(buurt), buurt.title),
        )
        if not siblings:
            return []
        rank = Case(
            *(When(path__startswith=b.path, then=Value(n)) for n, b in enumerate(siblings)),
            default=Value(len(siblings)),
            output_field=IntegerField(),
        )
        offers = list(
            AanbodPage.objects.listed(request=request)
            .for_cards()
            .filter(depth=self.depth + 1, path__startswith=self.path[: -self.steplen])
            .exclude(pk__in=list(exclude))
            .annotate(nearby_rank=rank)
            .filter(nearby_rank__lt=len(siblings))
            .order_by("nearby_rank", "title")[: self.NEARBY_SHOWN]
        )
        for offer in offers:
            offer.nearby_buurt = siblings[offer.nearby_rank]
        return annotate_today(offers)

    def postcode_note(self, typed: str) -> str:
        """Tells a resident who came here by postcode why, and when the buurt is a guess."""
        try:
            match = lookup(typed) if typed else None
        except PostcodeError:
            return ""
        if match is None or match.buurt.code != self.cbs_code:
            return ""
        if match.approximate:
            return _(
                "Postcode %(postcode)s ligt in deze buurt of in een buurt ernaast. "
                "Kijk ook op de pagina van de wijk %(wijk)s."
            ) % {"postcode": match.written, "wijk": match.wijk.name}
        return _("Postcode %(postcode)s ligt in deze buurt.") % {"postcode": match.written}


class StedelijkPage(RightsMixin, PublicUrlMixin, Page):
    """ "Heel Utrecht": offers for residents of every buurt."""

    intro = models.TextField(_("korte tekst"), blank=True)

    content_panels = [TranslationStatusPanel(), *Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["aanbod.AanbodPage"]
    max_count = 1

    class Meta:
        verbose_name = _("heel Utrecht")
        verbose_name_plural = _("heel Utrecht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["result"] = area_context(area_offers(self, request))
        return context
