"""The home page, the standard pages (about, accessibility statement, privacy) and the
contact details that administrators edit."""

from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from buurten.forms import PostcodeForm
from buurten.models import BuurtPage
from checks.panels import ChecksPanel

from .panels import TranslationStatusPanel


class HomePage(Page):
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
        return context


class StandardPage(Page):
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


class PaginaVertaling(models.Model):
    """Per page and language: a fingerprint of the Dutch text a translation was made from,
    so the editor sees when the Dutch changed after the translation was saved. The row for
    "nl" holds the fingerprint of the Dutch text as it is now. Kept by
    ``home.translation_status.record`` whenever a page is published."""

    page = models.ForeignKey(
        Page, verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="vertalingen"
    )
    taal = models.CharField(_("taal"), max_length=8)
    bron_hash = models.CharField(_("vingerafdruk van de Nederlandse tekst"), max_length=64)
    vertaling_hash = models.CharField(_("vingerafdruk van de vertaling"), max_length=64)
    bijgewerkt_op = models.DateTimeField(_("vertaling bijgewerkt op"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "taal"], name="een_stand_per_pagina_en_taal")
        ]
        verbose_name = _("vertaalstand van een pagina")
        verbose_name_plural = _("vertaalstanden van pagina's")

    def __str__(self):
        return f"{self.page_id} ({self.taal})"
