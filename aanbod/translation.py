"""Translated fields of everything residents read about an offer, a need and a target group
(django-modeltranslation: a column per language, ``summary_en``, ``summary_ar``, ...;
an empty one falls back to Dutch). Proper names (organisations, places) are not translated."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import AanbodPage, Doelgroep, Hulpvraag, Organisatie, Tijdstip
from .models.pages import ACCESSIBILITY_FEATURES

ACCESSIBILITY_NOTES = tuple(f"{code}_note" for code, _label in ACCESSIBILITY_FEATURES)


@register(AanbodPage)
class AanbodPageTranslation(TranslationOptions):
    fields = (
        "summary",
        "body",
        "cost_note",
        "registration_note",
        "referral",
        "eligibility",
        "alternate_name",
        "alert",
        "fees_description",
        "required_documents",
        *ACCESSIBILITY_NOTES,
        "photo_alt",
    )


@register(Tijdstip)
class TijdstipTranslation(TranslationOptions):
    fields = ("note",)


@register(Hulpvraag)
class HulpvraagTranslation(TranslationOptions):
    fields = ("label", "phrasing", "description", "synonyms")


@register(Doelgroep)
class DoelgroepTranslation(TranslationOptions):
    fields = ("label", "description")


@register(Organisatie)
class OrganisatieTranslation(TranslationOptions):
    fields = ("description",)
