"""The visitor's language on the public site: links to the same page in every language, and
text fields that may fall back to Dutch (django-modeltranslation keeps a column per language).

Pure helpers; the template tags in ``home.templatetags.language_tags`` use them.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_urlconf, translate_url
from django.utils.translation import get_language, get_language_info

SOURCE_LANGUAGE = "nl"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    """The active language, reduced to one of ours (Django may activate "en-us" and the like)."""
    language = (get_language() or SOURCE_LANGUAGE).split("-")[0]
    return language if language in language_codes() else SOURCE_LANGUAGE


def direction(language: str) -> str:
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's name in itself: "العربية", "Türkçe"
    url: str
    current: bool
    dir: str


def language_links(full_path: str) -> list[LanguageLink]:
    """The page at ``full_path`` (path and query string) in every language. Only the prefix
    changes, so a resident stays on the same page, search words included."""
    return list(
        _language_links(full_path, current_language(), tuple(settings.LANGUAGES), get_urlconf())
    )


@lru_cache(maxsize=2048)
def _language_links(full_path: str, active: str, languages: tuple, _urlconf) -> tuple:
    """Kept per process: the links depend only on the path, the language and the URLs
    (translate_url resolves and reverses, six times per page, twice per page)."""
    return tuple(
        LanguageLink(code, name, translate_url(full_path, code), code == active, direction(code))
        for code, name in languages
    )


@dataclass(frozen=True)
class TranslatedText:
    """A field's text in the visitor's language, or the Dutch text when there is no translation
    (``is_fallback``): the template then marks it lang="nl" dir="ltr" and says so."""

    value: object
    language: str

    @property
    def is_fallback(self) -> bool:
        return self.language != current_language()

    @property
    def dir(self) -> str:
        return direction(self.language)

    def __str__(self):
        return str(self.value or "")

    def __bool__(self):
        return bool(self.value)


def translated(obj, field: str) -> TranslatedText:
    """``obj.<field>`` in the active language, falling back to Dutch when that is empty."""
    language = current_language()
    value = getattr(obj, f"{field}_{language}", None)
    if value in (None, "") and language != SOURCE_LANGUAGE:
        return TranslatedText(getattr(obj, f"{field}_{SOURCE_LANGUAGE}", None) or "", "nl")
    if value is None:  # a field that is not translated at all
        value = getattr(obj, field, "")
    return TranslatedText(value, language)
