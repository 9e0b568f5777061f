"""Translated fields of wijk, buurt and city pages. Their names are proper names: the
title is translatable (wagtail-modeltranslation) but usually stays as it is."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import BuurtPage, StedelijkPage, WijkPage


@register(WijkPage)
class WijkPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(BuurtPage)
class BuurtPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(StedelijkPage)
class StedelijkPageTranslation(TranslationOptions):
    fields = ("intro",)
