"""The offer (AanbodPage): what a resident can go to, join or get help from."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from aanbod import freshness, when
from aanbod.forms import AanbodPageForm
from aanbod.languages import language_name
from aanbod.panels import ReadOnlyPanel
from aanbod.public import PublicUrlMixin
from aanbod.validators import validate_dutch_phone
from checks.panels import ChecksPanel
from vertalingen.columns import in_visitors_language
from vertalingen.i18n import translated
from vertalingen.panels import TranslationStatusPanel

from .choices import Cost, Kind, Registration, Status
from .organisatie import Organisatie
from .permissions import OrganisatieEditorPermissionTester, RightsMixin
from .queryset import AanbodManager, parent_path
from .taxonomy import Doelgroep, Hulpvraag

ACCESSIBILITY_FEATURES = [
    ("rolstoel", _("Toegankelijk met een rolstoel")),
    ("toilet", _("Toilet voor mensen met een beperking")),
    ("ringleiding", _("Ringleiding voor mensen met een hoortoestel")),
    ("stille_ruimte", _("Stille ruimte")),
    ("geleidehond", _("Geleidehonden zijn welkom")),
]


class AanbodPage(RightsMixin, PublicUrlMixin, Page):
    """What a resident can go to, join or get help from."""

    Kind = Kind
    Registration = Registration
    Status = Status
    Cost = Cost

    objects = AanbodManager()

    summary = models.TextField(
        _("samenvatting"),
        max_length=300,
        help_text=_("Wat is het en voor wie? In één tot drie korte zinnen. Hoogstens 300 tekens."),
    )
    body = RichTextField(
        _("meer uitleg"),
        blank=True,
        features=["h2", "h3", "bold", "link", "ol", "ul"],
        help_text=_("Vertel wat mensen kunnen verwachten. Schrijf korte zinnen."),
    )
    alternate_name = models.CharField(
        _("andere naam"),
        max_length=255,
        blank=True,
        help_text=_("Kennen mensen het ook onder een andere naam? Bijvoorbeeld: Het Koffiehuis."),
    )
    alert = models.TextField(
        _("let op"),
        blank=True,
        help_text=_(
            "Een korte melding boven aan de pagina, als er iets tijdelijk anders is. "
            "Bijvoorbeeld: in de zomer zijn we alleen op dinsdag open."
        ),
    )
    needs = ParentalManyToManyField(
        Hulpvraag,
        verbose_name=_("hulpvragen"),
        related_name="aanbod",
        help_text=_("Waar helpt dit aanbod bij? Kies er minstens één."),
    )
    target_groups = ParentalManyToManyField(
        Doelgroep,
        verbose_name=_("voor wie"),
        related_name="aanbod",
        blank=True,
        help_text=_("Voor wie is het vooral? Kies niets als het voor iedereen is."),
    )
    kind = models.CharField(
        _("soort aanbod"),
        max_length=30,
        choices=Kind.choices,
        default=Kind.ACTIVITEIT,
        help_text=_("Wat past het best: een plek, een activiteit, hulp of iets anders?"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aanbod",
        help_text=_("Wie organiseert dit? Kies de organisatie uit de lijst."),
    )
    also_serves = ParentalManyToManyField(
        "buurten.BuurtPage",
        verbose_name=_("ook voor deze buurten"),
        related_name="served_by",
        blank=True,
        help_text=_("Is dit aanbod ook voor mensen uit andere buurten? Kies die buurten hier."),
    )

    paired_offer = models.ForeignKey(
        "self",
        verbose_name=_("samen met"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paired_with",
        help_text=_(
            "Activiteit voor de naaste op hetzelfde moment. Bijvoorbeeld: de mantelzorger gaat "
            "naar het spreekuur, terwijl de naaste naar de dagbesteding gaat. Beide pagina's "
            "laten het dan zien."
        ),
    )

    cost = models.CharField(
        _("kosten"),
        max_length=10,
        choices=Cost.choices,
        default=Cost.GRATIS,
        help_text=_("Is het gratis? Of moeten mensen betalen?"),
    )
    cost_amount = models.DecimalField(
        _("bedrag in euro"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    cost_note = models.CharField(
        _("opmerking over de kosten"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: met U-pas gratis."),
    )
    fees_description = models.TextField(
        _("meer over de kosten"),
        blank=True,
        help_text=_("Bijvoorbeeld: u betaalt per keer. Met een U-pas krijgt u korting."),
    )
    registration = models.CharField(
        _("aanmelden"),
        max_length=20,
        choices=Registration.choices,
        default=Registration.INLOOP,
        blank=True,  # not known: an import whose partner did not say
        help_text=_("Kunnen mensen zo binnenlopen? Of moeten ze zich eerst aanmelden?"),
    )
    registration_note = models.TextField(
        _("zo meldt u zich aan"), blank=True, help_text=_("Bijvoorbeeld: bel of mail Fatima.")
    )
    referral = models.TextField(
        _("voor professionals: zo verwijst u iemand"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld: de huisarts of het buurtteam belt ons. Een verwijsbrief is niet nodig."
        ),
    )
    eligibility = models.TextField(
        _("voor wie precies"), blank=True, help_text=_("Bijvoorbeeld: voor mensen vanaf 65 jaar.")
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("vanaf leeftijd"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("De jongste leeftijd in jaren. Leeg: geen grens."),
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("tot en met leeftijd"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("De oudste leeftijd in jaren. Leeg: geen grens."),
    )
    required_documents = models.TextField(
        _("wat moet u meenemen"),
        blank=True,
        help_text=_("Papieren die mensen nodig hebben, één per regel. Bijvoorbeeld: uw U-pas."),
    )

    contact_name = models.CharField(
        _("eerste contactpersoon"),
        max_length=100,
        blank=True,
        help_text=_("Alleen een voornaam is genoeg."),
    )
    contact_role = models.CharField(_("rol"), max_length=100, blank=True)
    contact_phone = models.CharField(
        _("telefoon contactpersoon"), max_length=30, blank=True, validators=[validate_dutch_phone]
    )
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        validators=[validate_dutch_phone],
        help_text=_("Het algemene nummer. Bijvoorbeeld: 030 123 4567."),
    )
    email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("Bijvoorbeeld: info@buurthuis.nl.")
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Het hele adres, met https:// ervoor.")
    )
    languages = models.JSONField(
        _("talen die we spreken"),
        default=list,
        blank=True,
        help_text=_("Codes van talen, bijvoorbeeld nl, en, ar."),
    )

    rolstoel = models.BooleanField(ACCESSIBILITY_FEATURES[0][1], default=False)
    rolstoel_note = models.CharField(_("toelichting"), max_length=200, blank=True)
    toilet = models.BooleanField(ACCESSIBILITY_FEATURES[1][1], default=False)
    toilet_note = models.CharField(_("toelichting"), max_length=200, blank=True)
    ringleiding = models.BooleanField(ACCESSIBILITY_FEATURES[2][1], default=False)
    ringleiding_note = models.CharField(_("toelichting"), max_length=200, blank=True)
    stille_ruimte = models.BooleanField(ACCESSIBILITY_FEATURES[3][1], default=False)
    stille_ruimte_note = models.CharField(_("toelichting"), max_length=200, blank=True)
    geleidehond = models.BooleanField(ACCESSIBILITY_FEATURES[4][1], default=False)
    geleidehond_note = models.CharField(_("toelichting"), max_length=200, blank=True)

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("wat staat er op de foto?"),
        max_length=250,
        blank=True,
        help_text=_(
            "Voor mensen die de foto niet kunnen zien. Bijvoorbeeld: buren eten samen aan een lange tafel."
        ),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIEF,
        help_text=_("Gestopt? Kies 'Gestopt'. De pagina blijft en wijst naar iets anders."),
    )
    last_verified = models.DateField(
        _("laatst gecontroleerd op"),
        default=datetime.date.today,
        help_text=_("De datum waarop iemand heeft gekeken of alles nog klopt."),
    )
    source_id = models.CharField(
        _("bron-id"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text=_("De code uit een ander systeem (Open Referral)."),
    )
    hsds_extra = models.JSONField(
        _("overige gegevens uit Open Referral"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Wat een partner meestuurde en de site niet toont. Het gaat mee in de export."),
    )
    is_demo = models.BooleanField(
        _("voorbeeld"),
        default=False,
        help_text=_("Dit is voorbeeldinhoud. Adressen en telefoonnummers zijn verzonnen."),
    )

    content_panels = [
        *Page.content_panels,
        ChecksPanel(),
        TranslationStatusPanel(),
        FieldPanel("summary"),
        FieldPanel("alternate_name"),
        FieldPanel("alert"),
        FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups"),
        FieldPanel("kind"),
        InlinePanel("tijden", heading=_("Wanneer"), label=_("tijd")),
        InlinePanel("plekken", heading=_("Waar"), label=_("plek"), min_num=0),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("cost_amount"),
                FieldPanel("cost_note"),
                FieldPanel("fees_description"),
            ],
            heading=_("Kosten"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("registration_note"),
                FieldPanel("eligibility"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("required_documents"),
            ],
            heading=_("Aanmelden"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("languages"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(code), FieldPanel(f"{code}_note")])
                for code, _label in ACCESSIBILITY_FEATURES
            ],
            heading=_("Toegankelijkheid van de plek"),
        ),
        FieldPanel("body"),
        FieldPanel("referral"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Foto")),
        FieldPanel("organisatie"),
        FieldPanel("also_serves"),
        FieldPanel("paired_offer"),
    ]
    status_panels = [
        FieldPanel("status"),
        FieldPanel("last_verified"),
        ReadOnlyPanel("source_id"),
        ReadOnlyPanel("is_demo"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(status_panels, heading=_("Status")),
            ObjectList(Page.promote_panels, heading=_("Vindbaarheid")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        # Each translation too (the Dutch ones are title, summary, body), so words in any
        # language find the offer; the database index reads them with one configuration
        # (search/README.md).
        *(
            index.SearchField(f"{name}_{code}", boost=boost)
            for code, _name in settings.LANGUAGES
            if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
            for name, boost in (("title", 2), ("summary", 2), ("body", 1))
        ),
        index.RelatedFields("organisatie", [index.SearchField("name")]),
        index.RelatedFields("needs", [index.SearchField("label"), index.SearchField("phrasing")]),
        index.FilterField("status"),
        index.FilterField("cost"),
        index.FilterField("registration"),
        index.FilterField("rolstoel"),
    ]
    parent_page_types = ["buurten.BuurtPage", "buurten.StedelijkPage"]
    subpage_types = []
    base_form_class = AanbodPageForm

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")

    # Validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.summary and len(self.summary) > 300:
            errors["summary"] = _(
                "De samenvatting is %(count)d tekens. Maak die korter: hoogstens 300 tekens."
            ) % {"count": len(self.summary)}
        if self.cost == self.Cost.BEDRAG and self.cost_amount is None and not self.cost_note:
            errors["cost_amount"] = _("Vul het bedrag in, of kies 'Gratis'.")
        if None not in (self.minimum_age, self.maximum_age) and self.maximum_age < self.minimum_age:
            errors["maximum_age"] = _("De oudste leeftijd is lager dan de jongste.")
        if self.cost_amount is not None and self.cost_amount < 0:
            errors["cost_amount"] = _("Een bedrag kan niet lager zijn dan 0.")
        if self.photo_id and not self.photo_alt.strip():
            errors["photo_alt"] = _(
                "Schrijf wat er op de foto staat. Dan weet iemand die niet kan zien het ook."
            )
        unknown = [
            code for code in self.languages or [] if not isinstance(code, str) or not code.isalpha()
        ]
        if unknown:
            errors["languages"] = _(
                "Gebruik taalcodes van twee letters, bijvoorbeeld nl, en of ar."
            )
        if self.paired_offer_id and self.paired_offer_id == self.pk:
            errors["paired_offer"] = _(
                "Kies een ander aanbod. Een aanbod kan niet met zichzelf samen."
            )
        if errors:
            raise ValidationError(errors)

    def permissions_for_user(self, user):
        return OrganisatieEditorPermissionTester(user, self)

    def get_admin_display_title(self):
        """Demo offers say so everywhere in the admin: their addresses and numbers are made up."""
        title = super().get_admin_display_title()
        return f"{title} ({_('voorbeeld')})" if self.is_demo else title

    # What the templates show ------------------------------------------------------------

    @property
    def is_ended(self) -> bool:
        return self.status == self.Status.BEEINDIGD

    @property
    def is_stale(self) -> bool:
        """Not checked for more than a year: the page warns the reader."""
        return freshness.is_stale(self.last_verified, timezone.localdate())

    @cached_property
    def accessibility(self) -> list[dict]:
        return [
            {"code": code, "label": label, "note": translated(self, f"{code}_note")}
            for code, label in ACCESSIBILITY_FEATURES
            if getattr(self, code)
        ]

    @property
    def registration_text(self) -> str:
        """How to join, also when nobody told us (an import without it): then ask."""
        return self.get_registration_display() or _("Vraag of u zich eerst moet aanmelden")

    @property
    def age_range(self) -> str:
        """ "van 12 tot en met 18 jaar", "vanaf 65 jaar", "tot en met 12 jaar" or ""."""
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return _("van %(low)s tot en met %(high)s jaar") % {"low": low, "high": high}
        if low is not None:
            return _("vanaf %(low)s jaar") % {"low": low}
        if high is not None:
            return _("tot en met %(high)s jaar") % {"high": high}
        return ""

    @property
    def language_names(self) -> list[str]:
        return [language_name(code) for code in self.languages or []]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.page_context())
        return context

    def _crumbs(self) -> list:
        """The pages above the offer below the home page: those routing loaded
        (home/routing.py), or else from the database."""
        if not self.pk:
            return []
        crumbs, page = [], getattr(self, "_cached_parent_obj", None)
        while page is not None and page.depth > 2:
            crumbs.insert(0, page)
            page = getattr(page, "_cached_parent_obj", None)
        if page is None or page.depth != 2:
            return list(self.get_ancestors().filter(depth__gt=2))
        return crumbs

    def _partner(self):
        """The searchable partner offer (aanbod.pairs), or None. Most offers have none: one
        small question (ids only) finds that out before the partner's card is loaded."""
        if not self.pk:
            return None
        if self.paired_offer_id is None and not (
            AanbodPage.objects.filter(paired_offer_id=self.pk).exclude(pk=self.pk).exists()
        ):
            return None
        return AanbodPage.objects.partners_of([self]).get(self.pk)

    def page_context(self, now=None) -> dict:
        """What the offer's page shows besides its own fields, in a fixed number of queries."""
        slots = list(in_visitors_language(self.tijden.all()))
        since = when.local_now(now).date()
        context = {
            "today": when.today(slots, now),
            "weekly": when.weekly(slots, since=since),
            "events": when.dated(slots),
            "places": list(self.plekken.all()),
            "needs": list(
                in_visitors_language(self.needs.select_related("thema_page"), "thema_page")
            ),
            "target_groups": list(in_visitors_language(self.target_groups.all())),
            "partner": self._partner(),
            # The breadcrumb: the wijk and buurt (or "heel Utrecht") above the offer.
            "crumbs": self._crumbs(),
        }
        if self.is_ended:
            context["alternatives"] = list(
                AanbodPage.objects.listed()
                .for_cards()
                .filter(needs__in=context["needs"], path__startswith=parent_path(self.path))
                .exclude(pk=self.pk)
                .distinct()[:5]
            )
        return context
