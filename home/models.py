"""The site's own pages: the home page, the standard pages (about, accessibility statement,
privacy), one theme page per need, and the contact details that administrators edit."""

from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from aanbod.listing import annotate_today
from aanbod.models import AanbodPage, Hulpvraag
from aanbod.models.permissions import RightsMixin
from aanbod.models.queryset import public
from aanbod.public import PublicUrlMixin
from buurten.forms import PostcodeForm
from buurten.models import BuurtPage, StedelijkPage, WijkPage
from checks.panels import ChecksPanel
from home.routing import PathRoutingMixin
from vertalingen.columns import in_visitors_language
from vertalingen.panels import TranslationStatusPanel


class HomePage(PathRoutingMixin, RightsMixin, PublicUrlMixin, Page):
    intro = models.TextField(
        _("introductie"),
        blank=True,
        help_text=_("Een of twee korte zinnen bovenaan de voorpagina."),
    )

    content_panels = [
        ChecksPanel(),
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["buurten.WijkPage", "buurten.StedelijkPage", "home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("voorpagina")
        verbose_name_plural = _("voorpagina's")

    def serve(self, request, *args, **kwargs):
        """A postcode sent with the form leads to its buurt; a wrong one stays on this page
        with a message, so the resident can try again."""
        if "postcode" in request.GET:
            form = PostcodeForm(request.GET)
            if form.is_valid():
                target = BuurtPage.for_postcode(form.cleaned_data["postcode"])
                if target is not None:
                    return redirect(
                        f"{target.url}?postcode={form.cleaned_data['postcode'].postcode}"
                    )
                form.add_error("postcode", PostcodeForm.no_page_message)
            request.postcode_form = form
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["postcode_form"] = getattr(request, "postcode_form", None) or PostcodeForm()
        # The live theme pages, in the order of their needs, with the need in the same query.
        context["tiles"] = list(
            in_visitors_language(
                public(ThemaPage.objects.live(), request).select_related("hulpvraag"), "hulpvraag"
            ).order_by("hulpvraag__sort_order", "title")
        )
        return context


class StandardPage(RightsMixin, PublicUrlMixin, Page):
    """Pages such as "Over Buurtwijzer", the accessibility statement and the privacy statement."""

    intro = models.TextField(_("introductie"), blank=True)
    body = RichTextField(
        _("tekst"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
    )
    show_in_footer = models.BooleanField(
        _("tonen onderaan elke pagina"),
        default=False,
        help_text=_("Zet dit aan voor pagina's als Privacy en Toegankelijkheid."),
    )

    content_panels = [
        ChecksPanel(),
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")


class ThemaPage(RightsMixin, PublicUrlMixin, Page):
    """One page per need, e.g. /thema/mantelzorg/: the listed offers for that need, in the
    whole city or in one wijk (``?wijk=``) together with those for all of Utrecht."""

    hulpvraag = models.OneToOneField(
        Hulpvraag, verbose_name=_("hulpvraag"), on_delete=models.PROTECT, related_name="thema_page"
    )
    intro = models.TextField(_("korte tekst"), blank=True)

    content_panels = [
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("hulpvraag"),
        FieldPanel("intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        db_table = "aanbod_themapage"  # made in the aanbod app; the table kept its name
        verbose_name = _("themapagina")
        verbose_name_plural = _("themapagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        wijken = list(
            in_visitors_language(public(WijkPage.objects.live(), request)).order_by("title")
        )
        chosen = request.GET.get("wijk", "")
        wijk = next((w for w in wijken if w.slug == chosen), None)
        # The need in the visitor's language and Dutch only (vertalingen.columns).
        self.hulpvraag = in_visitors_language(Hulpvraag.objects).get(pk=self.hulpvraag_id)
        offers = AanbodPage.objects.listed(request=request).for_cards().filter(needs=self.hulpvraag)
        if wijk is not None:
            areas = [wijk, *StedelijkPage.objects.all()[:1]]
            offers = offers.filter(pk__in=AanbodPage.objects.under(*areas).values("pk"))
        context.update(
            {
                "wijken": wijken,
                "chosen_wijk": wijk,
                "wijk_not_found": bool(chosen) and wijk is None,
                "offers": annotate_today(offers.distinct()),
            }
        )
        return context


@register_setting(icon="mail")
class ContactSettings(BaseGenericSetting):
    """How residents reach a person. Shown at the bottom of every page."""

    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        default="14 030",
        help_text=_("Het nummer dat bewoners kunnen bellen, bijvoorbeeld 14 030."),
    )
    phone_hours = models.CharField(
        _("bereikbaar"),
        max_length=200,
        blank=True,
        default="Maandag tot en met vrijdag van 8.00 tot 18.00 uur",
        help_text=_("Wanneer iemand de telefoon opneemt."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("phone_hours"), FieldPanel("email")])
    ]

    class Meta:
        verbose_name = _("contactgegevens")
