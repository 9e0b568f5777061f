"""The translation columns a public page does not read.

django-modeltranslation keeps a column per language for every translated field, so an offer
row has six ``summary``, six ``body`` and so on: about 200 columns, where a visitor's page
reads two of each (the visitor's language and Dutch, the fallback: ``vertalingen.i18n``).
Building, running and reading the other four per field was a large part of a page's time
(bench/README.md, issue 19). Public listings and routing defer them.

Only for what one request reads and then drops: an object kept longer (per process, in a
cache) may be read in another language, and each deferred field would then be one more query.
"""

from functools import lru_cache

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .i18n import SOURCE_LANGUAGE, current_language, language_codes


def unread_columns(model, language: str | None = None) -> tuple[str, ...]:
    """The attribute names of ``model``'s translation columns (its parents' included) in the
    languages other than ``language`` (the active one) and Dutch."""
    return _unread_columns(model, language or current_language(), tuple(language_codes()))


@lru_cache(maxsize=256)
def _unread_columns(model, language: str, languages: tuple) -> tuple[str, ...]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    read = {language, SOURCE_LANGUAGE}
    return tuple(
        build_localized_fieldname(field, code)
        for field in sorted(options.all_fields)
        for code in languages
        if code not in read
    )


def in_visitors_language(queryset, *related: str):
    """``queryset`` without the columns of the languages the visitor's page does not show;
    also those of the ``related`` objects it selects with it (``select_related``)."""
    unread = list(unread_columns(queryset.model))
    for name in related:
        model = queryset.model._meta.get_field(name).related_model
        unread += [f"{name}__{column}" for column in unread_columns(model)]
    return queryset.defer(*unread)
