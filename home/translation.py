"""Which fields of the home, standard and theme pages are translated (django-modeltranslation).
Wagtail's own Page title is registered by wagtail-modeltranslation."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import HomePage, StandardPage, ThemaPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro",)


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(ThemaPage)
class ThemaPageTranslation(TranslationOptions):
    fields = ("intro",)
