"""The checks applied to a page: its Dutch text (title, summary, body and the other text
fields) and its rendered HTML. Plain functions that store nothing, used by the editor panel,
the commands and ``checks.models.results`` (which keeps the result). The officialese word
list is passed in (``checks.models.words.current_word_list``)."""

import dataclasses
import logging
from dataclasses import dataclass, field

from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.db import models
from django.utils.text import capfirst
from modeltranslation.fields import TranslationField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from checks import a11y, b1, verdict
from checks.b1.officialese import WordList

logger = logging.getLogger(__name__)

# Text fields that are not prose: names, codes and addresses.
NOT_PROSE = {"slug", "source_id", "contact_name", "phone", "contact_phone", "cbs_code", "subwijk"}
PLAIN_VALIDATORS = (MaxLengthValidator, ProhibitNullCharactersValidator)


@dataclass(frozen=True)
class TextField:
    name: str
    label: str
    text: str  # plain text; rich text is turned into one line per block


@dataclass
class FieldResult:
    field: TextField
    issues: list[b1.Issue]


@dataclass
class PageCheck:
    language: b1.Result
    fields: list[FieldResult]
    accessibility: list[a11y.Issue] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return self.language.verdict

    @property
    def accessibility_errors(self) -> list[a11y.Issue]:
        return [issue for issue in self.accessibility if issue.severity == a11y.ERROR]

    @property
    def accessibility_warnings(self) -> list[a11y.Issue]:
        return [issue for issue in self.accessibility if issue.severity == a11y.WARNING]

    @property
    def passes(self) -> bool:
        return verdict.passes(self.verdict, len(self.accessibility_errors))

    @property
    def language_issue_count(self) -> int:
        return sum(len(result.issues) for result in self.fields)

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "reasons": self.language.reasons,
            "scores": self.language.scores,
            "fields": [
                {
                    "name": result.field.name,
                    "label": result.field.label,
                    "text": result.field.text,
                    "issues": [
                        issue.as_dict()
                        | {
                            "severity": issue.severity,
                            "sentence_start": issue.sentence_start,
                            "sentence_end": issue.sentence_end,
                        }
                        for issue in result.issues
                    ],
                }
                for result in self.fields
            ],
            "accessibility": [issue.as_dict() for issue in self.accessibility],
        }


def _is_prose(model_field) -> bool:
    if isinstance(model_field, RichTextField):
        return True
    if not isinstance(model_field, models.CharField | models.TextField):
        return False
    if isinstance(model_field, models.EmailField | models.URLField | models.SlugField):
        return False
    if model_field.choices or model_field.name in NOT_PROSE:
        return False
    return all(isinstance(v, PLAIN_VALIDATORS) for v in model_field.validators)


def text_fields(page: Page) -> list[TextField]:
    """The title and the prose fields of the page's own type, in the order of the model."""
    model = type(page)
    candidates = [Page._meta.get_field("title")] + [
        f
        for f in model._meta.concrete_fields
        if f.model is model and _is_prose(f) and not isinstance(f, TranslationField)
    ]
    found = []
    for model_field in candidates:
        # The Dutch text (the source), whatever language is active.
        name = model_field.name
        value = getattr(page, f"{name}_nl" if hasattr(page, f"{name}_nl") else name, "") or ""
        if isinstance(model_field, RichTextField):
            value = b1.html_to_text(expand_db_html(str(value)))
        value = str(value).strip()
        if value:
            found.append(
                TextField(model_field.name, str(capfirst(model_field.verbose_name)), value)
            )
    return found


def check_language(page: Page, word_list: WordList) -> tuple[b1.Result, list[FieldResult]]:
    """One check over all text, so the verdict is about the page as a whole; then each
    finding is given back to its field, with offsets inside that field."""
    fields = text_fields(page)
    language = page.locale.language_code if page.locale_id else "nl"
    combined, starts, position = [], [], 0
    for text_field in fields:
        starts.append(position)
        combined.append(text_field.text)
        position += len(text_field.text) + 2
    result = b1.check_text("\n\n".join(combined), language=language, word_list=word_list)
    per_field = []
    for text_field, start in zip(fields, starts, strict=True):
        end = start + len(text_field.text)
        issues = [
            dataclasses.replace(
                issue,
                start=issue.start - start,
                end=issue.end - start,
                sentence_start=issue.sentence_start - start,
                sentence_end=issue.sentence_end - start,
            )
            for issue in result.issues
            if start <= issue.start < end
        ]
        per_field.append(FieldResult(text_field, issues))
    return result, per_field


def render_html(page: Page) -> str | None:
    """The page as a visitor would see it (the draft in hand, saved or not)."""
    try:
        response = page.make_preview_request()
        if hasattr(response, "render"):
            response.render()
    except Exception:  # a broken template must not stop an editor from saving
        logger.exception("Could not render page %s for the accessibility check", page.pk)
        return None
    if response.status_code != 200:
        return None
    return response.content.decode(response.charset or "utf-8")


def check_accessibility(page: Page) -> list[a11y.Issue]:
    html = render_html(page)
    if html is not None:
        return a11y.check_html(html)
    # Could not render: check the rich text fields on their own.
    issues = []
    for model_field in type(page)._meta.concrete_fields:
        if isinstance(model_field, RichTextField) and model_field.model is type(page):
            issues += a11y.check_html(str(getattr(page, model_field.name) or ""), fragment=True)
    return issues


def check_page(page: Page, word_list: WordList) -> PageCheck:
    page = page.specific if type(page) is Page else page
    language, fields = check_language(page, word_list)
    return PageCheck(language, fields, check_accessibility(page))
