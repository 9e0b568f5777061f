"""Which languages of a page are complete, incomplete, missing or outdated.

Outdated: the Dutch text changed after the translation was last saved. On every publish
``record`` stores a fingerprint (SHA-256) of the Dutch text per language whose translation
changed, and of the Dutch text as it is now (language "nl"); a language whose stored
fingerprint differs from the current one is outdated. Only the page's own translated fields
count (title and the model's fields registered in its translation.py).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from .i18n import SOURCE_LANGUAGE, language_codes
from .models import PaginaVertaling

# Page fields wagtail-modeltranslation translates that residents do not read as text.
NOT_COUNTED = {"seo_title", "search_description", "slug", "url_path"}

COMPLETE, INCOMPLETE, MISSING, OUTDATED = "complete", "incomplete", "missing", "outdated"
LABELS = {
    COMPLETE: _("Klaar"),
    INCOMPLETE: _("Niet alles vertaald"),
    MISSING: _("Niet vertaald"),
    OUTDATED: _("Verouderd: het Nederlands is veranderd"),
}


def translated_fields(page) -> list[str]:
    try:
        options = translator.get_options_for_model(type(page))
    except NotRegistered:
        return []
    return sorted(set(options.all_fields) - NOT_COUNTED)


def _values(page, fields, language) -> list[str]:
    return [str(getattr(page, f"{field}_{language}", "") or "").strip() for field in fields]


def _fingerprint(values: list[str]) -> str:
    return hashlib.sha256("\x1f".join(values).encode()).hexdigest()


def other_languages() -> list[str]:
    return [code for code in language_codes() if code != SOURCE_LANGUAGE]


def record(page) -> None:
    """After publishing: remember what each changed translation was made from."""
    fields = translated_fields(page)
    if not fields or not page.pk:
        return
    source = _fingerprint(_values(page, fields, SOURCE_LANGUAGE))
    stored = {row.language: row for row in PaginaVertaling.objects.filter(page_id=page.pk)}
    PaginaVertaling.objects.update_or_create(
        page_id=page.pk,
        language=SOURCE_LANGUAGE,
        defaults={"source_hash": source, "translation_hash": ""},
    )
    for language in other_languages():
        values = _values(page, fields, language)
        row = stored.get(language)
        if not any(values):
            if row:
                row.delete()
            continue
        translation = _fingerprint(values)
        if row is None or row.translation_hash != translation:
            PaginaVertaling.objects.update_or_create(
                page_id=page.pk,
                language=language,
                defaults={"source_hash": source, "translation_hash": translation},
            )


def page_published_handler(sender, instance, **kwargs):
    record(instance)


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    status: str

    @property
    def label(self) -> str:
        return str(LABELS[self.status])


def statuses(page) -> list[LanguageStatus]:
    """Per language other than Dutch, for the page as it is in the editor's form."""
    fields = translated_fields(page)
    names = dict(settings.LANGUAGES)
    dutch = _values(page, fields, SOURCE_LANGUAGE)
    source = _fingerprint(dutch)
    stored = {}
    if page.pk:
        stored = dict(
            PaginaVertaling.objects.filter(page_id=page.pk).values_list("language", "source_hash")
        )
    result = []
    for language in other_languages():
        values = _values(page, fields, language)
        if not any(values):
            status = MISSING
        elif language in stored and stored[language] != source:
            status = OUTDATED
        elif any(nl and not other for nl, other in zip(dutch, values, strict=True)):
            status = INCOMPLETE
        else:
            status = COMPLETE
        result.append(LanguageStatus(language, names[language], status))
    return result


def outdated():
    """Rows (page, language) whose translation was made from Dutch text that has changed."""
    current = PaginaVertaling.objects.filter(page=OuterRef("page"), language=SOURCE_LANGUAGE)
    return (
        PaginaVertaling.objects.exclude(language=SOURCE_LANGUAGE)
        .annotate(current_source=Subquery(current.values("source_hash")[:1]))
        .exclude(source_hash=F("current_source"))
    )
